import { type DynamicModule, Module } from '@nestjs/common';
import { MetricsRegistry } from './metrics.registry';

/** Provides the service's one MetricsRegistry everywhere. */
@Module({})
export class MetricsModule {
  static forRoot(service: string): DynamicModule {
    return { module: MetricsModule, global: true, providers: [{ provide: MetricsRegistry, useValue: new MetricsRegistry(service) }], exports: [MetricsRegistry] };
  }
}
