export * from './logging/personal-data';
export * from './logging/logger.module';
export * from './logging/log-context';
export * from './metrics/metrics.registry';
export * from './metrics/metrics.module';
export * from './metrics/http-metrics';
