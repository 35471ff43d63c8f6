import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, PeriodicTask } from '@work-permit/platform';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '../channels/notification-channel';
import { failedAttempt, type DeliveryOutcome, type RetryPolicy } from './delivery-outcome';
import { DELIVERY_STORE, type DeliveryStore, type DueDelivery } from './delivery-store';

export const RETRY_POLICY = Symbol('RETRY_POLICY');
export const DELIVERY_POLL_INTERVAL_MS = Symbol('DELIVERY_POLL_INTERVAL_MS');

const BATCH = 50;

/**
 * Sends queued deliveries through their channels and marks each sent, or schedules a retry with
 * backoff, until it has failed `maxAttempts` times. Sent at least once: a crash between the channel
 * accepting a message and the commit sends it again (with the same Message-ID).
 */
@Injectable()
export class DeliveryRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryRelay.name);
  private readonly loop: PeriodicTask;

  constructor(
    @Inject(DELIVERY_STORE) private readonly store: DeliveryStore,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: readonly NotificationChannel[],
    private readonly clock: Clock,
    @Inject(RETRY_POLICY) private readonly policy: RetryPolicy,
    @Inject(DELIVERY_POLL_INTERVAL_MS) pollIntervalMs: number,
  ) {
    this.loop = new PeriodicTask('notification delivery', pollIntervalMs, () => this.deliverDue(), this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.channels.length > 0) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Works through the deliveries due now, up to a batch; returns how many it attempted. */
  async deliverDue(): Promise<number> {
    const names = this.channels.map((c) => c.name);
    let attempted = 0;
    while (attempted < BATCH && (await this.store.withNextDue(names, this.clock.now(), (delivery) => this.attempt(delivery)))) attempted += 1;
    return attempted;
  }

  private async attempt(delivery: DueDelivery): Promise<DeliveryOutcome> {
    const channel = this.channels.find((c) => c.name === delivery.channel);
    try {
      if (!channel) throw new Error(`channel ${delivery.channel} is not configured`);
      await channel.send({ deliveryId: delivery.id, address: delivery.address, caseId: delivery.caseId, title: delivery.title, body: delivery.body });
      return { status: 'sent', attempts: delivery.attempts + 1, sentAt: this.clock.now() };
    } catch (error) {
      const outcome = failedAttempt(delivery.attempts, this.clock.now(), describe(error), this.policy);
      // The error text may quote the address; the log names only the delivery and the error code.
      const code = errorCode(error);
      if (outcome.status === 'failed') this.logger.error(`delivery ${delivery.id} via ${delivery.channel} gave up after ${outcome.attempts} attempts (${code})`);
      else this.logger.warn(`delivery ${delivery.id} via ${delivery.channel} failed (attempt ${outcome.attempts}, ${code}); retrying later`);
      return outcome;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
    if (typeof responseCode === 'number') return `SMTP ${responseCode}`;
    if (typeof code === 'string') return code;
  }
  return 'error';
}
