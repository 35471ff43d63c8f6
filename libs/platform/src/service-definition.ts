import type { TopicName } from '@work-permit/contracts';
import type { MixedList } from 'typeorm';

/** What makes a service itself: its name, the topics it owns, what it consumes, its tables. */
export interface ServiceDefinition {
  /** kebab-case, as in services/<name>. */
  name: string;
  defaultPort: number;
  /** The topics this service writes (through its outbox): each of its events goes to its definition's topic. */
  produces?: readonly TopicName[];
  /** Topics whose events it handles with `@EventPattern`. */
  consumes: readonly TopicName[];
  /**
   * The advisory lock its handlers take on an event's case (`Transaction.lock`), if they take one: the
   * consumer takes it with the inbox claim, in the same statement (libs/messaging, `caseLockKey`).
   */
  caseLockKey?: (caseId: string) => string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

export function defaultDatabaseName(service: string): string {
  return `weihai_${service.replace(/-/g, '_')}`;
}
