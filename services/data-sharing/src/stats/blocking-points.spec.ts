import { blockingPointsOf, itemWaitsOf, jointReviewWaitsOf, type Wait } from './blocking-points';
import type { CaseFacts, ItemState, ItemTransition } from './stats-model';

const at = (hours: number) => new Date(Date.UTC(2026, 2, 2, 0, 0, 0) + hours * 3_600_000);
const move = (caseId: string, item: string, state: ItemState, hours: number): ItemTransition => ({ caseId, item, state, at: at(hours), reason: null, requestedMaterials: [] });

describe(itemWaitsOf.name, () => {
  it('cuts an item into the states it passed through, each until the next change', () => {
    const waits = itemWaitsOf([
      move('c1', 'WORK_PERMIT', 'granted', 10),
      move('c1', 'WORK_PERMIT', 'submitted', 0),
      move('c1', 'WORK_PERMIT', 'in_review', 1),
      move('c1', 'WORK_PERMIT', 'awaiting_supplement', 3),
      move('c1', 'WORK_PERMIT', 'supplemented', 7),
      move('c1', 'WORK_PERMIT', 'in_review', 8),
    ]);
    expect(waits.map((w) => [w.state, w.start, w.end])).toEqual([
      ['submitted', at(0), at(1)],
      ['in_review', at(1), at(3)],
      ['awaiting_supplement', at(3), at(7)],
      ['supplemented', at(7), at(8)],
      ['in_review', at(8), at(10)],
    ]);
  });

  it('continues a state that is reported again (an overdue notice) and leaves the last one open', () => {
    const waits = itemWaitsOf([move('c1', 'RESIDENCE_PERMIT', 'pending', 0), move('c1', 'RESIDENCE_PERMIT', 'pending', 5)]);
    expect(waits).toEqual([{ caseId: 'c1', item: 'RESIDENCE_PERMIT', state: 'pending', start: at(0), end: null }]);
  });

  it('stops at the first outcome and ignores a submission reported after the agency moved', () => {
    const waits = itemWaitsOf([move('c1', 'X', 'pending', 0), move('c1', 'X', 'submitted', 1), move('c1', 'X', 'terminated', 2), move('c1', 'X', 'withdrawn', 3)]);
    expect(waits.map((w) => [w.state, w.end])).toEqual([['pending', at(2)]]);
  });

  it('orders events of the same instant as an item moves', () => {
    const waits = itemWaitsOf([move('c1', 'X', 'in_review', 0), move('c1', 'X', 'pending', 0), move('c1', 'X', 'granted', 2)]);
    expect(waits.map((w) => [w.state, w.start, w.end])).toEqual([
      ['pending', at(0), at(0)],
      ['in_review', at(0), at(2)],
    ]);
  });
});

describe(jointReviewWaitsOf.name, () => {
  it('gives one wait of the whole case per joint review', () => {
    const facts: CaseFacts = { caseId: 'c1', channel: 'online', submittedAt: at(0), withdrawnAt: null, status: 'in_progress', jointReviewOpenedAt: at(1), jointReviewConcludedAt: at(4) };
    expect(jointReviewWaitsOf([facts, { ...facts, caseId: 'c2', jointReviewOpenedAt: null }])).toEqual([{ caseId: 'c1', item: null, state: 'joint_review', start: at(1), end: at(4) }]);
  });
});

describe(blockingPointsOf.name, () => {
  const wait = (item: string | null, state: Wait['state'], hours: number | null): Wait => ({ caseId: 'c', item, state, start: at(0), end: hours === null ? null : at(hours) });

  it('ranks the steps by their median wait, longest first, with the 90th percentile and the open waits', () => {
    const points = blockingPointsOf([
      wait('WORK_PERMIT', 'in_review', 2),
      wait('WORK_PERMIT', 'in_review', 4),
      wait('RESIDENCE_PERMIT', 'pending', 10),
      wait('RESIDENCE_PERMIT', 'pending', null),
      wait(null, 'joint_review', 1),
    ]);
    expect(points).toEqual([
      { step: 'RESIDENCE_PERMIT pending', item: 'RESIDENCE_PERMIT', state: 'pending', count: 1, medianSeconds: 36_000, p90Seconds: 36_000, waitingNow: 1 },
      { step: 'WORK_PERMIT in_review', item: 'WORK_PERMIT', state: 'in_review', count: 2, medianSeconds: 10_800, p90Seconds: 13_680, waitingNow: 0 },
      { step: 'case joint_review', item: null, state: 'joint_review', count: 1, medianSeconds: 3_600, p90Seconds: 3_600, waitingNow: 0 },
    ]);
  });

  it('lists a step where every wait is still open last, unmeasured', () => {
    const points = blockingPointsOf([wait('A', 'pending', null), wait('B', 'in_review', 1)]);
    expect(points.map((p) => [p.step, p.medianSeconds, p.waitingNow])).toEqual([
      ['B in_review', 3_600, 0],
      ['A pending', null, 1],
    ]);
  });
});
