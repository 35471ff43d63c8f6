import type { MessageHandler } from '@nestjs/microservices';
import type { IncomingEvent } from '@work-permit/contracts';
import { isRelevantToAny, relevantWhen } from './relevance';

const handler = (extras?: Record<string, unknown>, next?: MessageHandler): MessageHandler => Object.assign(async () => undefined, { extras, next, isEventHandler: true }) as MessageHandler;
const event = (caseId: string) => ({ caseId }) as IncomingEvent;
const onlyCaseA = relevantWhen((e) => e.caseId === 'a');

describe(isRelevantToAny.name, () => {
  it('takes every event for a handler that declares no relevance', () => {
    expect(isRelevantToAny(handler(), event('b'))).toBe(true);
  });

  it("follows the handler's predicate", () => {
    expect(isRelevantToAny(handler(onlyCaseA), event('a'))).toBe(true);
    expect(isRelevantToAny(handler(onlyCaseA), event('b'))).toBe(false);
  });

  it('takes the event when any handler chained under the same type wants it', () => {
    expect(isRelevantToAny(handler(onlyCaseA, handler()), event('b'))).toBe(true);
    expect(isRelevantToAny(handler(onlyCaseA, handler(relevantWhen(() => false))), event('b'))).toBe(false);
  });
});
