import {
  DeadLetterHeaders,
  type DeadLetterTopicRecord,
  discardRecordOf,
  formatDeadLetterId,
  originalHeaders,
  pairResolutions,
  parseDeadLetterId,
  replayRecordOf,
  resolutionOf,
  ResolutionHeaders,
  undecodableEventId,
} from './dead-letter-records';

const deadLetter = (partition: number, offset: string, extra: Record<string, string> = {}): DeadLetterTopicRecord => ({
  partition,
  offset,
  key: Buffer.from('case-1'),
  value: Buffer.from('envelope bytes'),
  headers: {
    'event-type': Buffer.from('portal.case.submitted'),
    'correlation-id': Buffer.from('corr-1'),
    [DeadLetterHeaders.reason]: Buffer.from('this case cannot be handled'),
    [DeadLetterHeaders.errorCode]: Buffer.from('invalid_payload'),
    [DeadLetterHeaders.sourceTopic]: Buffer.from('portal.case-events'),
    [DeadLetterHeaders.sourcePartition]: Buffer.from('2'),
    [DeadLetterHeaders.sourceOffset]: Buffer.from('17'),
    [DeadLetterHeaders.consumerGroup]: Buffer.from('admin-approval'),
    [DeadLetterHeaders.failedAt]: Buffer.from('2026-12-01T10:00:00.000Z'),
    [DeadLetterHeaders.eventId]: Buffer.from('event-1'),
    ...Object.fromEntries(Object.entries(extra).map(([name, value]) => [name, Buffer.from(value)])),
  },
});

/** A resolution record as the broker hands it back: at `offset` of `partition`. */
const written = (record: ReturnType<typeof replayRecordOf>, offset: string): DeadLetterTopicRecord => ({
  partition: record.partition,
  offset,
  key: record.key,
  value: record.value,
  headers: Object.fromEntries(Object.entries(record.headers).map(([name, value]) => [name, Buffer.from(value)])),
});

describe('dead letter ids', () => {
  it('reads <partition>:<offset> and writes it back', () => {
    expect(parseDeadLetterId('0:42')).toEqual({ partition: 0, offset: '42' });
    expect(parseDeadLetterId(' 2:0009 ')).toEqual({ partition: 2, offset: '9' });
    expect(formatDeadLetterId(parseDeadLetterId('2:0009'))).toBe('2:9');
  });

  it.each(['', '42', '0:', ':1', '0:-1', 'a:b', '0:1:2', '0.5:1'])('refuses %p', (text) => {
    expect(() => parseDeadLetterId(text)).toThrow(/not a dead letter id/);
  });
});

describe('resolution records', () => {
  it("replay: the dead letter's key, value and headers again, on its partition, with who and when", () => {
    const record = replayRecordOf(deadLetter(1, '5'), { actor: 'alice', at: new Date('2026-12-02T08:00:00Z') });
    expect(record.partition).toBe(1);
    expect(record.key?.toString()).toBe('case-1');
    expect(record.value?.toString()).toBe('envelope bytes');
    expect(record.headers[ResolutionHeaders.resolution]).toBe('replay');
    expect(record.headers[ResolutionHeaders.resolves]).toBe('1:5');
    expect(record.headers[ResolutionHeaders.actor]).toBe('alice');
    expect(record.headers[ResolutionHeaders.at]).toBe('2026-12-02T08:00:00.000Z');
    expect(record.headers['correlation-id'].toString()).toBe('corr-1');
  });

  it('discard: the reason kept, no payload; a reason and an actor are required', () => {
    const record = discardRecordOf(deadLetter(0, '3'), { actor: 'bob', reason: 'case withdrawn meanwhile' });
    expect(record.value).toBeNull();
    expect(record.headers[ResolutionHeaders.reason]).toBe('case withdrawn meanwhile');
    expect(() => discardRecordOf(deadLetter(0, '3'), { actor: 'bob', reason: ' ' })).toThrow(/reason/);
    expect(() => replayRecordOf(deadLetter(0, '3'), { actor: '' })).toThrow(/actor/);
  });

  it('never resolves a resolution record', () => {
    const replay = written(replayRecordOf(deadLetter(0, '3'), { actor: 'alice' }), '4');
    expect(() => replayRecordOf(replay, { actor: 'alice' })).toThrow(/resolution record/);
  });

  it('reads a replay record back as the consumer sees it: source, group, event id and only the producer’s own headers', () => {
    const replay = written(replayRecordOf(deadLetter(0, '3'), { actor: 'alice' }), '4');
    const resolution = resolutionOf(replay)!;
    expect(resolution).toMatchObject({
      id: '0:4',
      resolution: 'replay',
      resolves: '0:3',
      consumerGroup: 'admin-approval',
      actor: 'alice',
      eventId: 'event-1',
      source: { topic: 'portal.case-events', partition: 2, offset: '17' },
    });
    expect(Object.keys(resolution.originalHeaders).sort()).toEqual(['correlation-id', 'event-type']);
    expect(resolutionOf(deadLetter(0, '3'))).toBeUndefined();
  });

  it('keeps the producer’s headers only', () => {
    expect(Object.keys(originalHeaders({ 'event-id': 'x', 'dlq-reason': 'y', [ResolutionHeaders.resolution]: 'replay' }))).toEqual(['event-id']);
  });

  it('names an undecodable message by its source position', () => {
    expect(undecodableEventId({ topic: 't', partition: 1, offset: '9' })).toBe('undecodable:t:1:9');
  });
});

describe('pairResolutions', () => {
  it('lists dead letters waiting, replayed and discarded, with who, when and why', () => {
    const a = deadLetter(0, '0');
    const b = deadLetter(0, '1', { [DeadLetterHeaders.eventId]: 'event-2' });
    const c = deadLetter(1, '0', { [DeadLetterHeaders.eventId]: 'event-3' });
    const records = [
      c,
      a,
      b,
      written(replayRecordOf(a, { actor: 'alice', at: new Date('2026-12-02T08:00:00Z') }), '2'),
      written(discardRecordOf(b, { actor: 'bob', reason: 'duplicate case', at: new Date('2026-12-02T09:00:00Z') }), '3'),
    ];
    const listed = pairResolutions(records);
    expect(listed.map((d) => [d.id, d.status])).toEqual([
      ['0:0', 'replayed'],
      ['0:1', 'discarded'],
      ['1:0', 'waiting'],
    ]);
    expect(listed[0]).toMatchObject({
      key: 'case-1',
      eventType: 'portal.case.submitted',
      eventId: 'event-1',
      code: 'invalid_payload',
      reason: 'this case cannot be handled',
      source: { topic: 'portal.case-events', partition: 2, offset: '17' },
      failedAt: '2026-12-01T10:00:00.000Z',
      consumerGroup: 'admin-approval',
      resolutions: [{ id: '0:2', resolution: 'replay', actor: 'alice', at: '2026-12-02T08:00:00.000Z' }],
    });
    expect(listed[1].resolutions).toEqual([{ id: '0:3', resolution: 'discard', actor: 'bob', reason: 'duplicate case', at: '2026-12-02T09:00:00.000Z' }]);
  });

  it('links a replay that failed again to the dead letter it came from; the last resolution decides', () => {
    const a = deadLetter(0, '0');
    const again = deadLetter(0, '2', { [DeadLetterHeaders.replayOf]: '0:0' });
    const listed = pairResolutions([
      a,
      written(replayRecordOf(a, { actor: 'alice', at: new Date('2026-12-02T08:00:00Z') }), '1'),
      again,
      written(discardRecordOf(again, { actor: 'bob', reason: 'still broken', at: new Date('2026-12-02T09:00:00Z') }), '3'),
    ]);
    expect(listed.map((d) => [d.id, d.status, d.replayOf, d.failedAgainAs])).toEqual([
      ['0:0', 'replayed', undefined, ['0:2']],
      ['0:2', 'discarded', '0:0', []],
    ]);
  });

  it('ignores a resolution of a dead letter the topic no longer holds', () => {
    const gone = deadLetter(0, '0');
    expect(pairResolutions([written(replayRecordOf(gone, { actor: 'alice' }), '7')])).toEqual([]);
  });
});
