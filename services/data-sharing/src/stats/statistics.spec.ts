import { statisticsOf } from './statistics';
import type { CaseFacts, ItemFacts, ItemTransition } from './stats-model';
import { statsViewOf } from './stats-view';

const at = (hours: number) => new Date(Date.UTC(2026, 2, 2) + hours * 3_600_000);

const aCase = (caseId: string, facts: Partial<CaseFacts>): CaseFacts => ({
  caseId,
  channel: 'online',
  submittedAt: at(0),
  withdrawnAt: null,
  status: 'in_progress',
  jointReviewOpenedAt: null,
  jointReviewConcludedAt: null,
  ...facts,
});

const anItem = (caseId: string, facts: Partial<ItemFacts>): ItemFacts => ({
  caseId,
  item: 'WORK_PERMIT',
  agency: 'approval',
  chosen: true,
  submittedAt: at(0),
  reviewStartedAt: null,
  outcome: null,
  outcomeAt: null,
  reason: null,
  supplementRequestedAt: null,
  overdueAt: null,
  overdueDueDate: null,
  ...facts,
});

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
