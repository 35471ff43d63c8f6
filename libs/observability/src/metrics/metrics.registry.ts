import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per service. Names follow `<service>_<subsystem>_<name>_<unit>`; every series also
 * carries a `service` label so one dashboard can show all services side by side.
 */
export class MetricsRegistry {
  readonly registry = new Registry();
  private readonly prefix: string;

  constructor(readonly service: string, { defaultMetrics = true } = {}) {
    this.prefix = service.replace(/-/g, '_');
    this.registry.setDefaultLabels({ service });
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: `${this.prefix}_` });
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
    const fullName = `${this.prefix}_${subsystem}_${name}`;
    return (this.registry.getSingleMetric(fullName) as M | undefined) ?? make(fullName);
  }
}

/** Buckets for message handling and HTTP latency, in seconds: 1 ms to 10 s. */
export const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
