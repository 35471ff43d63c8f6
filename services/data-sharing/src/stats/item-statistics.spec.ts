import { itemStatisticsOf, overdueItemsOf, rate, topReasons } from './item-statistics';
import type { ItemTransition } from './stats-model';
import { anItem as item, at } from './stats.fixtures';

const supplement = (caseId: string, reason: string, materials: string[]): ItemTransition => ({
  caseId,
  item: 'WORK_PERMIT',
  state: 'awaiting_supplement',
  at: at(1),
  reason,
  requestedMaterials: materials,
});

describe(topReasons.name, () => {
  it('counts each reason, most frequent first, ties by name, without empty ones', () => {
    expect(topReasons(['b', 'a', 'c', 'a', ' ', 'b', 'd'], 3)).toEqual([
      { reason: 'a', count: 2 },
      { reason: 'b', count: 2 },
      { reason: 'c', count: 1 },
    ]);
  });
});

describe(rate.name, () => {
  it('is the share, or null of nothing', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
  });
});

describe(itemStatisticsOf.name, () => {
  it('gives decision times from submission to decision, and the supplement and rejection rates', () => {
    const items = [
      item('c1', { outcome: 'granted', outcomeAt: at(10), supplementRequestedAt: at(1) }),
      item('c2', { outcome: 'rejected', outcomeAt: at(20), reason: 'salary below the threshold' }),
      item('c3', { outcome: 'rejected', outcomeAt: at(30), reason: 'salary below the threshold' }),
      item('c4', { outcome: 'terminated', outcomeAt: at(2), reason: 'prerequisite rejected' }),
      item('c5'),
    ];
    const [stats] = itemStatisticsOf(items, [supplement('c1', 'passport copy unreadable', ['PASSPORT']), supplement('c1', 'passport copy unreadable', ['PASSPORT'])]);
    expect(stats).toMatchObject({
      item: 'WORK_PERMIT',
      agency: 'approval',
      total: 5,
      open: 1,
      granted: 1,
      rejected: 2,
      terminated: 1,
      withdrawn: 0,
      decisionSeconds: { count: 3, median: 20 * 3600, p90: expect.closeTo(28 * 3600) },
      supplementRate: 0.2,
      rejectionRate: 2 / 3,
      topRejectionReasons: [{ reason: 'salary below the threshold', count: 2 }],
      topSupplementReasons: [{ reason: 'passport copy unreadable', count: 1 }],
      topRequestedMaterials: [{ reason: 'PASSPORT', count: 1 }],
    });
  });

  it('leaves the decision time out for an item whose submission has not been seen, and has no rejection rate before a decision', () => {
    const [stats] = itemStatisticsOf([item('c1', { submittedAt: null, outcome: 'granted', outcomeAt: at(3) }), item('c2', { item: 'WORK_PERMIT' })], []);
    expect(stats.decisionSeconds.count).toBe(0);
    const [undecided] = itemStatisticsOf([item('c3')], []);
    expect(undecided.rejectionRate).toBeNull();
  });

  it('gives one entry per item code, in code order', () => {
    const stats = itemStatisticsOf([item('c1', { item: 'RESIDENCE_PERMIT', agency: 'psb' }), item('c1')], []);
    expect(stats.map((s) => [s.item, s.agency, s.total])).toEqual([
      ['RESIDENCE_PERMIT', 'psb', 1],
      ['WORK_PERMIT', 'approval', 1],
    ]);
  });
});

describe(overdueItemsOf.name, () => {
  it('lists the items overdue and not yet ended, longest overdue first', () => {
    const overdue = overdueItemsOf([
      item('c1', { overdueAt: at(50), overdueDueDate: '2026-03-03' }),
      item('c2', { overdueAt: at(40) }),
      item('c3', { overdueAt: at(30), outcome: 'granted', outcomeAt: at(60) }),
      item('c4'),
    ]);
    expect(overdue).toEqual([
      { caseId: 'c2', item: 'WORK_PERMIT', agency: 'approval', dueDate: null, since: at(40) },
      { caseId: 'c1', item: 'WORK_PERMIT', agency: 'approval', dueDate: '2026-03-03', since: at(50) },
    ]);
  });
});
