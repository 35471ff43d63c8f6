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
    const { cases } = statisticsOf(rows);
    expect(cases).toHaveLength(6);
    expect(cases.filter((c) => c.count > 0)).toEqual([
      { status: 'in_progress', channel: 'offline', count: 1 },
      { status: 'completed', channel: 'online', count: 1 },
      { status: 'withdrawn', channel: 'online', count: 1 },
    ]);
  });

  it('is shown in hours, with totals by status and by channel', () => {
    const view = statsViewOf(statisticsOf(rows), []);
    expect(view.cases).toMatchObject({ total: 3, byStatus: { in_progress: 1, completed: 1, withdrawn: 1 }, byChannel: { online: 2, offline: 1 } });
    expect(view.items[0]).toMatchObject({ item: 'WORK_PERMIT', decisionHours: { count: 1, median: 6, p90: 6 }, supplementRate: 0, rejectionRate: 0 });
    expect(view.overdue).toEqual({ count: 1, byItem: { WORK_PERMIT: 1 }, items: [{ caseId: 'c2', item: 'WORK_PERMIT', agency: 'approval', dueDate: null, since: at(100).toISOString() }] });
    expect(view.blockingPoints).toEqual([
      { step: 'WORK_PERMIT in_review', item: 'WORK_PERMIT', state: 'in_review', count: 1, medianHours: 4, p90Hours: 4, waitingNow: 0 },
      { step: 'WORK_PERMIT submitted', item: 'WORK_PERMIT', state: 'submitted', count: 1, medianHours: 2, p90Hours: 2, waitingNow: 1 },
    ]);
  });
});
