import { message } from '@work-permit/catalogue';
import type { StatisticsChange } from './statistics-change';
import { statisticsWritesOf } from './statistics-writes';

const at = new Date('2026-03-02T08:00:00Z');
const reason = message('sharing.stats.officer_reason');
const itemChange = (more: Partial<Extract<StatisticsChange, { kind: 'item' }>>): StatisticsChange => ({
  kind: 'item',
  caseId: 'c1',
  at,
  item: 'WORK_PERMIT',
  agency: 'approval',
  state: null,
  reason: null,
  reasonMessage: null,
  requestedMaterials: [],
  overdue: false,
  dueDate: null,
  ...more,
});

describe(statisticsWritesOf.name, () => {
  it('writes an item a submission or a withdrawal names twice once, as one statement must', () => {
    const submitted = statisticsWritesOf({ kind: 'submitted', caseId: 'c1', at, channel: 'online', items: [{ item: 'WORK_PERMIT', agency: 'approval' }, { item: 'WORK_PERMIT', agency: 'approval' }] });
    expect(submitted.items.map((row) => row.item)).toEqual(['WORK_PERMIT']);
    expect(submitted.transitions.map((row) => [row.item, row.state])).toEqual([['WORK_PERMIT', 'submitted']]);
    const withdrawn = statisticsWritesOf({ kind: 'withdrawn', caseId: 'c1', at, items: ['WORK_PERMIT', 'RESIDENCE_PERMIT', 'WORK_PERMIT'], reason: 'moved', reasonMessage: null });
    expect(withdrawn.items.map((row) => [row.item, row.outcome])).toEqual([
      ['WORK_PERMIT', 'withdrawn'],
      ['RESIDENCE_PERMIT', 'withdrawn'],
    ]);
    expect(withdrawn.case.withdrawnAt).toEqual(at);
  });

  it("lets the catalogue's agency of a submission only fill a gap, and chooses its items", () => {
    const writes = statisticsWritesOf({ kind: 'submitted', caseId: 'c1', at, channel: 'offline', items: [{ item: 'WORK_PERMIT', agency: 'approval' }] });
    expect(writes).toMatchObject({ agencyFromCatalogue: true, case: { channel: 'offline', submittedAt: at }, items: [{ agency: 'approval', chosen: true, outcome: null }] });
    expect(statisticsWritesOf(itemChange({ state: 'in_review' })).agencyFromCatalogue).toBe(false);
  });

  it('offers the review start, the supplement request and the outcome with its reason only for the states that set them', () => {
    expect(statisticsWritesOf(itemChange({ state: 'in_review' })).items[0]).toMatchObject({ reviewStartedAt: at, supplementRequestedAt: null, outcome: null, outcomeAt: null });
    expect(statisticsWritesOf(itemChange({ state: 'awaiting_supplement', reason: 'blurred', requestedMaterials: ['PHOTO'] }))).toMatchObject({
      items: [{ reviewStartedAt: null, supplementRequestedAt: at, outcome: null, reason: null }],
      transitions: [{ state: 'awaiting_supplement', reason: 'blurred', requestedMaterials: ['PHOTO'] }],
    });
    expect(statisticsWritesOf(itemChange({ state: 'rejected', reason: 'no', reasonMessage: reason })).items[0]).toMatchObject({ outcome: 'rejected', outcomeAt: at, reason: 'no', reasonMessage: reason });
  });

  it('keeps an overdue notice, and no transition for an event that names no state', () => {
    const writes = statisticsWritesOf(itemChange({ overdue: true, dueDate: '2026-03-01' }));
    expect(writes.items).toEqual([expect.objectContaining({ overdueAt: at, overdueDueDate: '2026-03-01', outcome: null })]);
    expect(writes.transitions).toEqual([]);
  });

  it('sets only the case for a joint review', () => {
    expect(statisticsWritesOf({ kind: 'joint_review_concluded', caseId: 'c1', at })).toEqual({
      caseId: 'c1',
      case: { channel: null, submittedAt: null, withdrawnAt: null, jointReviewOpenedAt: null, jointReviewConcludedAt: at },
      items: [],
      transitions: [],
      agencyFromCatalogue: false,
    });
  });
});
