import type { DynamicModule } from '@nestjs/common';
import type { TopicName } from '@work-permit/contracts';
import type { ServiceConfig } from '../config/service-config';
import { PlatformModule } from '../platform.module';
import type { ServiceDefinition } from '../service-definition';

/**
 * The service's application as it runs, but consuming only `topic`: a topic of the test's own, so
 * the test sees exactly its own events and waits for no backlog that earlier suites left on the
 * shared topics.
 */
export function consumingOnly<C extends ServiceConfig>(app: DynamicModule, definition: ServiceDefinition, topic: string, config: C): DynamicModule {
  const service = { ...definition, consumes: [topic as TopicName] };
  const imports = (app.imports ?? []).map((imported) => ((imported as DynamicModule).module === PlatformModule ? PlatformModule.forRoot(service, config) : imported));
  return { ...app, imports };
}
