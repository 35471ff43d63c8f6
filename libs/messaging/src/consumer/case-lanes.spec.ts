import { committableOffset, mapWithConcurrency, splitIntoLanes } from './case-lanes';

const msg = (key: string, offset: number) => ({ key: Buffer.from(key), offset: String(offset) });

describe('splitIntoLanes', () => {
  it('puts each case in its own lane in offset order', () => {
    const lanes = splitIntoLanes([msg('a', 1), msg('b', 2), msg('a', 3), msg('c', 4), msg('b', 5)]);
    expect(lanes.map((lane) => lane.map((m) => `${m.key.toString()}${m.offset}`))).toEqual([['a1', 'a3'], ['b2', 'b5'], ['c4']]);
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
