import { Logger } from '@nestjs/common';
import type { Clock } from '@work-permit/platform';
import type { NotificationChannel, OutgoingNotification } from '../channels/notification-channel';
import type { Recipient } from '../recipients';
import { type DeliveryOutcome, failedAttempt, retryDelayMs, type RetryPolicy } from './delivery-outcome';
import { DeliveryRelay } from './delivery-relay';
import type { DeliveryStore, DueDelivery } from './delivery-store';

const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };

interface Row extends DueDelivery {
  status: 'pending' | 'sent' | 'failed';
  nextAttemptAt: Date;
  sentAt?: Date;
  lastError?: string;
}

/** The store's contract without a database: one row at a time, the outcome written back. */
class InMemoryDeliveryStore implements DeliveryStore {
  constructor(readonly rows: Row[]) {}

  async withNextDue(channels: readonly string[], now: Date, attempt: (delivery: DueDelivery) => Promise<DeliveryOutcome>): Promise<boolean> {
    const row = this.rows.find((r) => r.status === 'pending' && r.nextAttemptAt <= now && channels.includes(r.channel));
    if (!row) return false;
    Object.assign(row, await attempt({ ...row }));
    return true;
  }
}

class ChannelDouble implements NotificationChannel {
  readonly name = 'email';
  readonly sent: OutgoingNotification[] = [];
  failuresLeft = 0;

  addressFor(recipient: Recipient): string | null {
    return recipient.email;
  }

  async send(notification: OutgoingNotification): Promise<void> {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' });
    }
    this.sent.push(notification);
  }
}

function setUp(rows: Row[]) {
  let now = new Date('2026-03-01T00:00:00Z');
  const clock = { now: () => now, today: () => now.toISOString().slice(0, 10) } as Clock;
  const store = new InMemoryDeliveryStore(rows);
  const channel = new ChannelDouble();
  const relay = new DeliveryRelay(store, [channel], clock, POLICY, 1_000);
  return { relay, store, channel, advance: (ms: number) => (now = new Date(now.getTime() + ms)), now: () => now };
}

const pending = (id: string, channel = 'email'): Row => ({
  id,
  channel,
  address: 'li.wei@example.com',
  attempts: 0,
  caseId: 'c1',
  title: { zh: '标题', en: 'Title' },
  body: { zh: '正文', en: 'Body' },
  status: 'pending',
  nextAttemptAt: new Date('2026-01-01T00:00:00Z'),
});

beforeAll(() => Logger.overrideLogger(false));

describe(DeliveryRelay.name, () => {
  it('sends each due delivery once and marks it sent', async () => {
    const { relay, store, channel } = setUp([pending('1'), pending('2')]);
    expect(await relay.deliverDue()).toBe(2);
    expect(await relay.deliverDue()).toBe(0);
    expect(channel.sent.map((s) => s.deliveryId)).toEqual(['1', '2']);
    expect(channel.sent[0]).toMatchObject({ address: 'li.wei@example.com', title: { en: 'Title' } });
    expect(store.rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('retries a failed send after the backoff, then marks it sent', async () => {
    const { relay, store, channel, advance } = setUp([pending('1')]);
    channel.failuresLeft = 1;
    await relay.deliverDue();
    expect(store.rows[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connect ECONNREFUSED' });
    expect(await relay.deliverDue()).toBe(0);
    advance(999);
    expect(await relay.deliverDue()).toBe(0);
    advance(1);
    expect(await relay.deliverDue()).toBe(1);
    expect(store.rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(channel.sent).toHaveLength(1);
  });

  it('gives up after the last attempt', async () => {
    const { relay, store, channel, advance } = setUp([pending('1')]);
    channel.failuresLeft = 10;
    for (let i = 0; i < 5; i += 1) {
      await relay.deliverDue();
      advance(60_000);
    }
    expect(store.rows[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(channel.sent).toHaveLength(0);
  });

  it('leaves deliveries of a channel that is not configured waiting', async () => {
    const { relay, store } = setUp([pending('1', 'sms')]);
    expect(await relay.deliverDue()).toBe(0);
    expect(store.rows[0].status).toBe('pending');
  });
});

describe('backoff', () => {
  it('doubles the delay after each failure up to the cap', () => {
    expect([1, 2, 3, 8].map((attempts) => retryDelayMs(attempts, POLICY))).toEqual([1_000, 2_000, 4_000, 60_000]);
    const now = new Date('2026-03-01T00:00:00Z');
    expect(failedAttempt(0, now, 'e', POLICY)).toEqual({ status: 'pending', attempts: 1, nextAttemptAt: new Date('2026-03-01T00:00:01Z'), lastError: 'e' });
    expect(failedAttempt(2, now, 'e', POLICY)).toEqual({ status: 'failed', attempts: 3, lastError: 'e' });
  });
});
