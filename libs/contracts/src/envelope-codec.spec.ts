import { Channel } from './gen/weihai/events/v1/case_pb';
import { Decision } from './gen/weihai/events/v1/item_pb';
import { decodeEnvelope, decodeEvent, encodeEvent, EnvelopeDecodeError } from './envelope-codec';
import { Events } from './event-catalogue';
import { Topics } from './topics';

const metadata = { caseId: 'case-1', correlationId: 'corr-1', causationId: 'req-1', occurredAt: new Date('2026-03-02T08:00:00Z') };

describe('encodeEvent', () => {
  it('puts the event on its producer topic, keyed by case id, in a complete envelope', () => {
    const event = encodeEvent(Events.CaseSubmitted, { caseId: 'case-1', channel: Channel.OFFLINE }, metadata);
    expect(event.topic).toBe(Topics.portal);
    expect(event.key).toBe('case-1');
    const envelope = decodeEnvelope(event.value);
    expect(envelope).toMatchObject({
      eventId: event.eventId,
      type: 'portal.case.submitted',
      schemaVersion: 1,
      caseId: 'case-1',
      producer: 'portal',
      correlationId: 'corr-1',
      causationId: 'req-1',
    });
    expect(envelope.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an event without a case id', () => {
    expect(() => encodeEvent(Events.CaseSubmitted, {}, { ...metadata, caseId: '' })).toThrow('caseId is required');
  });
});

describe('decodeEvent', () => {
  it('round-trips the payload and the metadata', () => {
    const event = encodeEvent(
      Events.ApprovalItemDecided,
      { caseId: 'case-1', itemCode: 'WORK_PERMIT', decision: Decision.GRANTED, result: { permitNo: 'WP-1', points: 92, attributes: { x: 'y' } } },
      metadata,
    );
    const decoded = decodeEvent(event.value);
    expect(decoded?.occurredAt.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(decoded?.payload).toMatchObject({ itemCode: 'WORK_PERMIT', decision: Decision.GRANTED, result: { permitNo: 'WP-1', points: 92, attributes: { x: 'y' } } });
  });

  it('rejects bytes that are not an envelope', () => {
    expect(() => decodeEvent(Buffer.from('not protobuf \u0000\u00ff'))).toThrow(EnvelopeDecodeError);
  });

  it('rejects an envelope without an event id', () => {
    expect(() => decodeEvent(Buffer.alloc(0))).toThrow('envelope lacks event id');
  });
});
