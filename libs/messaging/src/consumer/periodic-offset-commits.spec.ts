import { type PartitionOffset, PeriodicOffsetCommits } from './periodic-offset-commits';

describe(PeriodicOffsetCommits.name, () => {
  let committed: PartitionOffset[][];
  let failNext: boolean;
  let hangNext: boolean;
  let answerHung: (() => void) | undefined;
  let failures: unknown[];
  let commits: PeriodicOffsetCommits;

  beforeEach(() => {
    jest.useFakeTimers();
    committed = [];
    failNext = false;
    hangNext = false;
    answerHung = undefined;
    failures = [];
    commits = new PeriodicOffsetCommits(
      async (offsets) => {
        if (failNext) {
          failNext = false;
          throw new Error('REBALANCE_IN_PROGRESS');
        }
        if (hangNext) {
          hangNext = false;
          // kafkajs retrying through a rebalance: the answer comes, if at all, long after.
          await new Promise<void>((resolve) => (answerHung = resolve));
        }
        committed.push(offsets);
      },
      1_000,
      (error) => failures.push(error),
    );
  });

  afterEach(() => jest.useRealTimers());

  it('commits the next offset of every partition handled since the last commit, once per interval', async () => {
    commits.start();
    for (let offset = 0; offset < 50; offset += 1) commits.handled('portal.case-events', offset % 2, String(offset));
    commits.handled('approval.events', 0, '7');
    expect(committed).toEqual([]);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(committed).toEqual([
      [
        { topic: 'portal.case-events', partition: 0, offset: '49' },
        { topic: 'portal.case-events', partition: 1, offset: '50' },
        { topic: 'approval.events', partition: 0, offset: '8' },
      ],
    ]);

    await jest.advanceTimersByTimeAsync(5_000);
    expect(committed).toHaveLength(1);
  });

  it('never moves a partition back: an older offset handled later is not committed over a newer one', async () => {
    commits.handled('t', 0, '10');
    commits.handled('t', 0, '3');
    await commits.flush();
    expect(committed).toEqual([[{ topic: 't', partition: 0, offset: '11' }]]);
  });

  it('keeps the offsets of a failed commit for the next one, unless newer ones came meanwhile', async () => {
    commits.handled('t', 0, '4');
    commits.handled('t', 1, '9');
    failNext = true;
    await commits.flush();
    expect(failures).toHaveLength(1);
    commits.handled('t', 0, '6');
    await commits.flush();
    expect(committed).toEqual([
      [
        { topic: 't', partition: 0, offset: '7' },
        { topic: 't', partition: 1, offset: '10' },
      ],
    ]);
  });

  it('after a rebalance commits only the partitions the member still reads', async () => {
    commits.handled('t', 0, '1');
    commits.handled('t', 1, '2');
    commits.handled('u', 0, '3');
    commits.retain({ t: [1] });
    await commits.flush();
    expect(committed).toEqual([[{ topic: 't', partition: 1, offset: '3' }]]);
  });

  it('commits what is pending when stopped, and nothing after', async () => {
    commits.start();
    commits.handled('t', 0, '5');
    await commits.stop();
    expect(committed).toEqual([[{ topic: 't', partition: 0, offset: '6' }]]);
    commits.handled('t', 0, '6');
    await jest.advanceTimersByTimeAsync(3_000);
    expect(committed).toHaveLength(1);
  });

  it('gives up on a commit with no answer after five intervals and commits its offsets with the next one', async () => {
    commits.handled('t', 0, '4');
    commits.handled('t', 1, '9');
    hangNext = true;
    void commits.flush();
    commits.handled('t', 0, '6');
    await jest.advanceTimersByTimeAsync(4_000);
    expect(failures).toEqual([]);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(failures).toEqual([new Error('the offset commit had no answer within 5000 ms')]);
    await commits.flush();
    expect(committed).toEqual([
      [
        { topic: 't', partition: 0, offset: '7' },
        { topic: 't', partition: 1, offset: '10' },
      ],
    ]);
  });

  it('commits the newest offsets again when a commit given up is answered after all, so it cannot set a partition back', async () => {
    commits.handled('t', 0, '4');
    hangNext = true;
    void commits.flush();
    await jest.advanceTimersByTimeAsync(5_000);
    commits.handled('t', 0, '8');
    await commits.flush();
    expect(committed).toEqual([[{ topic: 't', partition: 0, offset: '9' }]]);

    // The old commit (offset 5) lands now, after the newer one: the broker holds 5 until 9 goes again.
    answerHung!();
    await jest.advanceTimersByTimeAsync(0);
    await commits.flush();
    expect(committed).toEqual([[{ topic: 't', partition: 0, offset: '9' }], [{ topic: 't', partition: 0, offset: '5' }], [{ topic: 't', partition: 0, offset: '9' }]]);
  });

  it('a commit answered in time is not committed again', async () => {
    commits.handled('t', 0, '4');
    await commits.flush();
    await jest.advanceTimersByTimeAsync(10_000);
    await commits.flush();
    expect(committed).toEqual([[{ topic: 't', partition: 0, offset: '5' }]]);
  });
});
