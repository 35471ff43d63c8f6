import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { HttpMetrics } from './http-metrics';
import { MetricsRegistry } from './metrics.registry';

/** Provides the service's one MetricsRegistry everywhere, and counts and times every HTTP request in it. */
@Module({})
export class MetricsModule implements NestModule {
  constructor(private readonly http: HttpMetrics) {}

  static forRoot(service: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [
        { provide: MetricsRegistry, useValue: new MetricsRegistry(service) },
        { provide: HttpMetrics, inject: [MetricsRegistry], useFactory: (registry: MetricsRegistry) => new HttpMetrics(registry) },
      ],
      exports: [MetricsRegistry, HttpMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.http.middleware()).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
