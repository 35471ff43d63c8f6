import type { TopicName } from '@work-permit/contracts';
import type { MixedList } from 'typeorm';

/** What makes a service itself: its name, the topic it owns, what it consumes, its tables. */
export interface ServiceDefinition {
  /** kebab-case, as in services/<name>. */
  name: string;
  defaultPort: number;
  /** The one topic this service writes (through its outbox). */
  produces?: TopicName;
  /** Topics whose events it handles with `@EventPattern`. */
  consumes: readonly TopicName[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

export function defaultDatabaseName(service: string): string {
  return `weihai_${service.replace(/-/g, '_')}`;
}
