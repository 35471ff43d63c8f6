import type { MessageHandler } from '@nestjs/microservices';
import type { IncomingEvent } from '@work-permit/contracts';

const RELEVANCE = 'workPermitRelevance';

/** Decides from the event alone, and the same way every time, whether a handler has anything to do with it. */
export type RelevancePredicate<T = unknown> = (event: IncomingEvent<T>) => boolean;

/**
 * `@EventPattern(types, relevantWhen(predicate))`: events the predicate turns down are acknowledged as
 * ignored without a transaction or an inbox row. Only for events the handler would apply as a no-op
 * whatever its state — skipping them then changes nothing, so redelivery needs no inbox either.
 */
export function relevantWhen<T>(predicate: RelevancePredicate<T>): Record<string, unknown> {
  return { [RELEVANCE]: predicate };
}

function relevanceOf(extras: Record<string, unknown> | undefined): RelevancePredicate | undefined {
  const predicate = extras?.[RELEVANCE];
  return typeof predicate === 'function' ? (predicate as RelevancePredicate) : undefined;
}

/** Whether any handler of the event's type (Nest chains several under one pattern) wants it. */
export function isRelevantToAny(handler: MessageHandler, event: IncomingEvent): boolean {
  for (let current: MessageHandler | undefined = handler; current; current = current.next) {
    const relevant = relevanceOf(current.extras);
    if (!relevant || relevant(event)) return true;
  }
  return false;
}
