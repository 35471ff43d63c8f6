import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per service. Names follow `<subsystem>_<name>_<unit>` (`messaging_outbox_backlog_messages`)
 * and the process defaults keep prom-client's own (`process_resident_memory_bytes`): the same metric has
 * the same name in every service. Which service a series comes from is the `service` label Prometheus
 * attaches from the scrape target (deploy/prometheus, the Kubernetes ServiceMonitor), not the name and
 * not a label of the service's own.
 */
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(readonly service: string, { defaultMetrics = true } = {}) {
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(subsystem: string, name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return this.getOrCreate(subsystem, name, (fullName) => new Counter({ name: fullName, help, labelNames, registers: [this.registry] }));
  }

  gauge<L extends string>(
    subsystem: string,
    name: string,
    help: string,
    labelNames: readonly L[],
    collect?: (this: Gauge<L>) => void | Promise<void>,
  ): Gauge<L> {
    return this.getOrCreate(subsystem, name, (fullName) => new Gauge({ name: fullName, help, labelNames, registers: [this.registry], collect }));
  }

  histogram<L extends string>(subsystem: string, name: string, help: string, labelNames: readonly L[], buckets: number[]): Histogram<L> {
    return this.getOrCreate(subsystem, name, (fullName) => new Histogram({ name: fullName, help, labelNames, buckets, registers: [this.registry] }));
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private getOrCreate<M>(subsystem: string, name: string, make: (fullName: string) => M): M {
    const fullName = metricName(subsystem, name);
    return (this.registry.getSingleMetric(fullName) as M | undefined) ?? make(fullName);
  }
}

/** A metric's full name: `<subsystem>_<name>`, the name ending in its unit (`_seconds`, `_total`, `_messages`). */
export function metricName(subsystem: string, name: string): string {
  return `${subsystem}_${name}`;
}

/** Buckets for message handling and HTTP latency, in seconds: 1 ms to 10 s. */
export const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
