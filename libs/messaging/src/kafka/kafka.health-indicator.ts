import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Admin, Kafka } from 'kafkajs';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { createKafka } from './kafka-client';

const PROBE_TIMEOUT_MS = 3_000;

/** Up when the broker answers a metadata request within a few seconds. */
@Injectable()
export class KafkaHealthIndicator implements OnModuleDestroy {
  private admin?: Admin;
  // A client of its own without connection retries: a health check must answer now, not after
  // kafkajs' reconnect schedule, and must leave no retries running behind it.
  private readonly kafka: Kafka;

  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.kafka = createKafka(`${options.clientId}-health`, options.brokers, { retries: 0, security: options.security });
  }

  async isHealthy(key = 'kafka') {
    const indicator = this.health.check(key);
    try {
      const brokers = await withTimeout(this.probe(), PROBE_TIMEOUT_MS);
      return indicator.up({ brokers });
    } catch (error) {
      await this.reset();
      return indicator.down({ message: (error as Error).message });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.reset();
  }

  private async probe(): Promise<number> {
    this.admin ??= this.kafka.admin();
    await this.admin.connect();
    const cluster = await this.admin.describeCluster();
    return cluster.brokers.length;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Kafka within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
