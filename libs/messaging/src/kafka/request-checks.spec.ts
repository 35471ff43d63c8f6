import { createKafka } from './kafka-client';
import { checkKafkaRequestsOnlyWhileWaiting, checksKafkaRequestsOnlyWhileWaiting, kafkajsRequestQueue, type RequestQueueClass, WAITING_REQUEST_CHECK_MS } from './request-checks';

/** kafkajs' RequestQueue as it is, typed for what these tests call. */
interface Queue {
  pending: unknown[];
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  push(request: { entry: Entry; expectResponse: boolean; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  checkPendingRequests(): void;
}
interface Entry {
  correlationId: number;
  apiName: string;
  apiKey: number;
  apiVersion: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
type QueueConstructor = new (options: Record<string, unknown>) => Queue;

const ignore = (): void => undefined;
const silent = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** A subclass of kafkajs' own class, so each test changes (or keeps) only its own copy of the method. */
function queueClass(checkOnlyWhileWaiting: boolean): QueueConstructor {
  const RequestQueue = kafkajsRequestQueue() as unknown as QueueConstructor;
  const Copy = class extends RequestQueue {};
  if (checkOnlyWhileWaiting) checkKafkaRequestsOnlyWhileWaiting(Copy as unknown as RequestQueueClass);
  return Copy;
}

function newQueue(Class: QueueConstructor, maxInFlightRequests = 1): Queue {
  return new Class({ maxInFlightRequests, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'test', broker: '127.0.0.1:9092', logger: silent });
}

let nextCorrelationId = 1;

/** Pushes a request; returns its correlation id and whether it has been written to the socket. */
function request(queue: Queue): { correlationId: number; sent: () => boolean } {
  const correlationId = nextCorrelationId++;
  let sent = false;
  const entry: Entry = { correlationId, apiName: 'Fetch', apiKey: 1, apiVersion: 11, resolve: () => undefined, reject: () => undefined };
  queue.push({ entry, expectResponse: true, sendRequest: () => (sent = true) });
  return { correlationId, sent: () => sent };
}

function answer(queue: Queue, correlationId: number): void {
  queue.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });
}

/** How often the queue looks at its waiting requests while `ms` pass. */
function checksDuring(queue: Queue, ms: number): number {
  const checks = jest.spyOn(queue, 'checkPendingRequests');
  jest.advanceTimersByTime(ms);
  const count = checks.mock.calls.length;
  checks.mockRestore();
  return count;
}

describe('kafkajs request queue checks', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('in kafkajs as released, a connection checks every millisecond after its first response, with nothing waiting', () => {
    const queue = newQueue(queueClass(false));
    const { correlationId } = request(queue);
    answer(queue, correlationId);

    expect(queue.pending).toHaveLength(0);
    expect(checksDuring(queue, 100)).toBeGreaterThanOrEqual(50);
  });

  it('checks nothing when no request waits', () => {
    const queue = newQueue(queueClass(true));
    for (let i = 0; i < 3; i += 1) {
      const { correlationId, sent } = request(queue);
      expect(sent()).toBe(true);
      answer(queue, correlationId);
    }

    expect(queue.throttleCheckTimeoutId).toBeNull();
    expect(checksDuring(queue, 1_000)).toBe(0);
  });

  it('sends a request that waits for an in-flight slot as soon as a response frees it, then stops checking', () => {
    const queue = newQueue(queueClass(true), 1);
    const first = request(queue);
    const second = request(queue);
    expect(second.sent()).toBe(false);
    expect(queue.throttleCheckTimeoutId).not.toBeNull();

    answer(queue, first.correlationId);
    expect(second.sent()).toBe(true);

    answer(queue, second.correlationId);
    jest.advanceTimersByTime(WAITING_REQUEST_CHECK_MS);
    expect(queue.throttleCheckTimeoutId).toBeNull();
    expect(checksDuring(queue, 1_000)).toBe(0);
  });

  it('keeps checking every 10 ms while a request waits for its slot', () => {
    const queue = newQueue(queueClass(true), 1);
    request(queue);
    const waiting = request(queue);

    expect(checksDuring(queue, 10 * WAITING_REQUEST_CHECK_MS)).toBe(10);
    expect(waiting.sent()).toBe(false);
  });

  it('sends a request held by the broker’s throttle when the throttle ends', () => {
    const queue = newQueue(queueClass(true), 10);
    queue.maybeThrottle(250);
    const held = request(queue);
    expect(held.sent()).toBe(false);

    jest.advanceTimersByTime(249);
    expect(held.sent()).toBe(false);
    jest.advanceTimersByTime(1);
    expect(held.sent()).toBe(true);

    answer(queue, held.correlationId);
    expect(checksDuring(queue, 1_000)).toBe(0);
  });

  it('is in force for every client createKafka makes', () => {
    expect(checksKafkaRequestsOnlyWhileWaiting()).toBe(false);
    createKafka('test', ['127.0.0.1:9092']);
    expect(checksKafkaRequestsOnlyWhileWaiting()).toBe(true);
  });
});
