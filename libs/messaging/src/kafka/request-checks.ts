/** What this module touches of kafkajs' RequestQueue (kafkajs/src/network/requestQueue, one per broker connection). */
interface RequestQueueInternals {
  pending: unknown[];
  /** Until when the broker throttles this client, in ms since the epoch; -1 when it never has. */
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

export interface RequestQueueClass {
  prototype: RequestQueueInternals;
}

/** kafkajs' own interval for looking again at a request that waits (CHECK_PENDING_REQUESTS_INTERVAL). */
export const WAITING_REQUEST_CHECK_MS = 10;

/**
 * The one change: a connection looks again at its requests only while one waits — for the end of a
 * throttle the broker asked for, or every 10 ms, as kafkajs does. kafkajs 2.2.4 arms this check after
 * every response, waiting requests or not, with the throttle's end (-1, long past) as its delay, which
 * Node runs after 1 ms; the check arms it again. Every connection of every client then woke its process
 * a thousand times a second for as long as it lived (kafkajs issues 1556, 1704 and 1751; the fixes,
 * pull requests 1667 and 1768, were never released). Nothing else changes: a request that waits for an
 * in-flight slot is also sent when a response frees one (`fulfillRequest` checks at once).
 */
function checkWhileRequestsWait(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : WAITING_REQUEST_CHECK_MS,
  );
}

/**
 * Makes kafkajs' connections check their queued requests only while one waits (see
 * `checkWhileRequestsWait`), for every kafkajs client in the process; once is enough, again is harmless.
 * Idle, the six services and the broker went from about 320 to 140 ms of CPU a second (README).
 */
export function checkKafkaRequestsOnlyWhileWaiting(requestQueue: RequestQueueClass = kafkajsRequestQueue()): void {
  requestQueue.prototype.scheduleCheckPendingRequests = checkWhileRequestsWait;
}

/** Whether `checkKafkaRequestsOnlyWhileWaiting` is in force for `requestQueue`. */
export function checksKafkaRequestsOnlyWhileWaiting(requestQueue: RequestQueueClass = kafkajsRequestQueue()): boolean {
  return requestQueue.prototype.scheduleCheckPendingRequests === checkWhileRequestsWait;
}

/** kafkajs' RequestQueue class: internal, untyped and not exported, hence required by its path (kafkajs has no exports map). */
export function kafkajsRequestQueue(): RequestQueueClass {
  return require('kafkajs/src/network/requestQueue') as RequestQueueClass;
}
