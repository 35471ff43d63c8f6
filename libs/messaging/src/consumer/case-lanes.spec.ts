import { committableOffset, groupLanes, mapWithConcurrency, splitIntoLanes } from './case-lanes';

const msg = (key: string, offset: number) => ({ key: Buffer.from(key), offset: String(offset) });

describe('splitIntoLanes', () => {
  it('puts each case in its own lane in offset order', () => {
    const lanes = splitIntoLanes([msg('a', 1), msg('b', 2), msg('a', 3), msg('c', 4), msg('b', 5)]);
    expect(lanes.map((lane) => lane.map((m) => `${m.key.toString()}${m.offset}`))).toEqual([['a1', 'a3'], ['b2', 'b5'], ['c4']]);
  });
});

describe('groupLanes', () => {
  const lanesOf = (spec: Record<string, number>) => Object.entries(spec).map(([key, count]) => Array.from({ length: count }, (_, i) => msg(key, i)));
  const show = (groups: ReturnType<typeof groupLanes<ReturnType<typeof msg>>>) => groups.map((chunks) => chunks.map((chunk) => chunk.map((lane) => `${lane[0].key.toString()}${lane.length}`)));

  it('balances the lanes over the groups by their messages, each group in key order', () => {
    expect(show(groupLanes(lanesOf({ d: 1, a: 3, c: 2, b: 2 }), 2, 64))).toEqual([[['a3', 'd1']], [['b2', 'c2']]]);
  });

  it('makes no more groups than lanes', () => {
    expect(groupLanes(lanesOf({ a: 1, b: 1 }), 8, 64)).toHaveLength(2);
  });

  it('cuts a group into chunks of at most the limit without cutting a lane', () => {
    expect(show(groupLanes(lanesOf({ a: 2, b: 2, c: 2, d: 5 }), 1, 4))).toEqual([[['a2', 'b2'], ['c2'], ['d5']]]);
  });
});

describe('mapWithConcurrency', () => {
  it('never runs more than the limit at once and keeps result order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight -= 1;
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results).toEqual([50, 10, 40, 20, 30]);
  });
});

describe('committableOffset', () => {
  it('commits the whole batch when nothing is blocked', () => {
    expect(committableOffset('10', '20', undefined)).toBe('20');
  });

  it('commits up to the message before the earliest blocked one', () => {
    expect(committableOffset('10', '20', '15')).toBe('14');
  });

  it('commits nothing when the first message is blocked', () => {
    expect(committableOffset('10', '20', '10')).toBeUndefined();
  });
});
