import { statisticsOf } from './statistics';
import type { ItemTransition } from './stats-model';
import { statsViewOf } from './stats-view';
import { aCase, anItem, at } from './stats.fixtures';

const move = (caseId: string, state: ItemTransition['state'], hours: number): ItemTransition => ({ caseId, item: 'WORK_PERMIT', state, at: at(hours), reason: null, requestedMaterials: [] });

describe(statisticsOf.name, () => {
  const rows = {
    cases: [
      aCase('c1', { status: 'completed' }),
      aCase('c2', { channel: 'offline' }),
      aCase('c3', { status: 'withdrawn', withdrawnAt: at(1) }),
      // Only an agency's event so far: not a case yet.
      aCase('c4', { channel: null, submittedAt: null }),
    ],
    items: [anItem('c1', { outcome: 'granted', outcomeAt: at(6), reviewStartedAt: at(2) }), anItem('c2', { overdueAt: at(100) })],
    transitions: [move('c1', 'submitted', 0), move('c1', 'in_review', 2), move('c1', 'granted', 6), move('c2', 'submitted', 0)],
  };

  it('counts the submitted cases by status and channel, every pair present', () => {
    const { cases } = statisticsOf(rows, '2026-03-06');
    expect(cases).toHaveLength(6);
    expect(cases.filter((c) => c.count > 0)).toEqual([
      { status: 'in_progress', channel: 'offline', count: 1 },
      { status: 'completed', channel: 'online', count: 1 },
      { status: 'withdrawn', channel: 'online', count: 1 },
    ]);
  });

  it('is shown in hours and working days, with totals by status and by channel', () => {
    const view = statsViewOf(statisticsOf(rows, '2026-03-06'), []);
    expect(view.cases).toMatchObject({ total: 3, byStatus: { in_progress: 1, completed: 1, withdrawn: 1 }, byChannel: { online: 2, offline: 1 } });
    // Decided on the day of submission: 6 hours, 0 working days.
    expect(view.items[0]).toMatchObject({
      item: 'WORK_PERMIT',
      decisionHours: { count: 1, median: 6, p90: 6 },
      decisionWorkingDays: { count: 1, median: 0, p90: 0, provisional: false },
      supplementRate: 0,
      rejectionRate: 0,
    });
    expect(view.overdue).toEqual({
      count: 1,
      byItem: { WORK_PERMIT: 1 },
      maxWorkingDaysOverdue: null,
      items: [{ caseId: 'c2', item: 'WORK_PERMIT', agency: 'approval', dueDate: null, since: at(100).toISOString(), workingDaysOverdue: null }],
    });
    expect(view.blockingPoints).toEqual([
      { step: 'WORK_PERMIT in_review', item: 'WORK_PERMIT', state: 'in_review', count: 1, medianHours: 4, p90Hours: 4, waitingNow: 0 },
      { step: 'WORK_PERMIT submitted', item: 'WORK_PERMIT', state: 'submitted', count: 1, medianHours: 2, p90Hours: 2, waitingNow: 1 },
    ]);
  });

  it('measures the overdue items in working days on the day given, the longest first in the summary', () => {
    const overdue = { ...rows, items: [...rows.items, anItem('c5', { overdueAt: at(100), overdueDueDate: '2026-02-13' }), anItem('c6', { overdueAt: at(90), overdueDueDate: '2026-02-24' })] };
    // On Wed 02-25: since Fri 02-13 only Sat 02-14, 02-24 and 02-25 were working days (3); since 02-24, one.
    const view = statsViewOf(statisticsOf(overdue, '2026-02-25'), []);
    expect(view.overdue.items.map((o) => [o.caseId, o.workingDaysOverdue])).toEqual([
      ['c6', 1],
      ['c2', null],
      ['c5', 3],
    ]);
    expect(view.overdue.maxWorkingDaysOverdue).toBe(3);
  });
});
