import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';

/** What every log line written while handling one event carries. */
export interface EventLogBindings {
  eventId: string;
  type: string;
  caseId: string;
  correlationId: string;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Runs `work` with a child logger bound to the event, so every `PinoLogger` line written by the
 * use cases it calls carries the event's ids without passing them around.
 */
export function runWithEventLogContext<T>(bindings: EventLogBindings, work: () => Promise<T>): Promise<T> {
  const root = PinoLogger.root;
  if (!root) return work();
  return storage.run(new Store(root.child(bindings)), work);
}
