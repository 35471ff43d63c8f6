import { message } from '@work-permit/catalogue';
import type { StatisticsChange } from './statistics-change';
import { type StatisticsWrites, statisticsWritesOf, writeRoundsOf } from './statistics-writes';

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

describe(writeRoundsOf.name, () => {
  const write = (caseId: string, id: string, agencyFromCatalogue = false) =>
    ({ ...statisticsWritesOf({ kind: 'joint_review_opened', caseId, at: new Date(0) } as StatisticsChange), agencyFromCatalogue, id }) as StatisticsWrites & { id: string };

  it('puts each write in one round, at most one per case and one kind of agency per round, in their order', () => {
    const writes = [write('a', 'a1', true), write('a', 'a2'), write('b', 'b1'), write('a', 'a3'), write('b', 'b2', true), write('c', 'c1'), write('a', 'a4', true)];
    const rounds = writeRoundsOf(writes);
    expect(rounds.map((round) => round.map((w) => w.id))).toEqual([['a1', 'b2'], ['a2', 'b1', 'c1'], ['a3'], ['a4']]);
    for (const round of rounds) {
      expect(new Set(round.map((w) => w.caseId)).size).toBe(round.length);
      expect(new Set(round.map((w) => w.agencyFromCatalogue)).size).toBe(1);
    }
  });

  it('gives no round for no writes', () => {
    expect(writeRoundsOf([])).toEqual([]);
  });
});
