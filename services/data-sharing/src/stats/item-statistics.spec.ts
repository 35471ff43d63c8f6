import { asWritten, type Message, message, officerReason } from '@work-permit/catalogue';
import { countedReasonsOf, itemStatisticsOf, overdueItemsOf, rate, topMaterials, topMaterialsCounted, topReasons, topReasonsCounted } from './item-statistics';
import type { ItemTransition } from './stats-model';
import { anItem as item, at } from './stats.fixtures';

const expired = (passportExpiry: string) => message('residence_permit.passport.expired', { passportExpiry });
const terminated = (reason?: Message) => message('review.terminated', { item: 'WORK_PERMIT', status: 'rejected', reason });
const OFFICER = message('sharing.stats.officer_reason');
const UNCODED = message('sharing.stats.uncoded_reason');

const supplement = (caseId: string, reason: Message, materials: string[]): ItemTransition => ({
  caseId,
  item: 'WORK_PERMIT',
  state: 'awaiting_supplement',
  at: at(1),
  reason,
  requestedMaterials: materials,
});

describe(countedReasonsOf.name, () => {
  it('counts a reason by its code, and an officer’s own words as officer.reason without showing them', () => {
    expect(countedReasonsOf(expired('2026-01-01'))).toEqual([{ code: 'residence_permit.passport.expired', label: expired('2026-01-01') }]);
    expect(countedReasonsOf(officerReason('薪酬低于标准'))).toEqual([{ code: 'officer.reason', label: OFFICER }]);
    expect(countedReasonsOf(null)).toEqual([]);
  });

  it('never shows a person’s words inside another reason, nor a text without a code', () => {
    expect(countedReasonsOf(terminated(officerReason('合同期限不足')))).toEqual([{ code: 'review.terminated', label: terminated(OFFICER) }]);
    expect(countedReasonsOf(asWritten('old free text / 旧理由'))).toEqual([{ code: 'text.as_written', label: UNCODED }]);
    expect(countedReasonsOf({ code: 'from.a.newer.build', params: { text: 'x' } })).toEqual([{ code: 'text.as_written', label: UNCODED }]);
  });

  it('counts each reason a list joins, once per code', () => {
    const joined = message('text.list', { parts: [expired('2026-01-01'), officerReason('a'), officerReason('b'), expired('2026-02-01')] });
    expect(countedReasonsOf(joined)).toEqual([
      { code: 'residence_permit.passport.expired', label: expired('2026-01-01') },
      { code: 'officer.reason', label: OFFICER },
    ]);
  });
});

describe(topReasons.name, () => {
  it('counts each code, most frequent first, ties by code, labelled with its most frequent wording', () => {
    const given = [expired('2026-01-01'), officerReason('a'), expired('2026-02-01'), officerReason('b'), expired('2026-02-01'), terminated(), null, asWritten('x')];
    expect(topReasons(given, 3)).toEqual([
      { code: 'residence_permit.passport.expired', label: expired('2026-02-01'), count: 3 },
      { code: 'officer.reason', label: OFFICER, count: 2 },
      { code: 'review.terminated', label: terminated(), count: 1 },
    ]);
  });
});

describe(topMaterials.name, () => {
  it('counts each material once per request, labelled with its name', () => {
    expect(topMaterials([['PASSPORT', 'PASSPORT'], ['PASSPORT', 'HEALTH_CERTIFICATE']])).toEqual([
      { code: 'PASSPORT', label: message('review.material_asked', { material: 'PASSPORT' }), count: 2 },
      { code: 'HEALTH_CERTIFICATE', label: message('review.material_asked', { material: 'HEALTH_CERTIFICATE' }), count: 1 },
    ]);
  });
});

describe(topReasonsCounted.name, () => {
  it('weighs each reason by how often it was given, as if it were repeated', () => {
    const counted = [
      { reason: expired('2026-01-01'), count: 2 },
      { reason: officerReason('a'), count: 3 },
      { reason: expired('2026-02-01'), count: 1 },
      { reason: null, count: 5 },
    ];
    expect(topReasonsCounted(counted)).toEqual(topReasons(counted.flatMap(({ reason, count }) => Array.from({ length: count }, () => reason))));
    expect(topReasonsCounted(counted)[0]).toEqual({ code: 'officer.reason', label: OFFICER, count: 3 });
    // The wording given twice labels the code, though it is one group.
    expect(topReasonsCounted(counted)[1]).toEqual({ code: 'residence_permit.passport.expired', label: expired('2026-01-01'), count: 3 });
  });
});

describe(topMaterialsCounted.name, () => {
  it('weighs each request by how often it was made', () => {
    expect(topMaterialsCounted([{ materials: ['PASSPORT', 'PASSPORT'], count: 1 }, { materials: ['HEALTH_CERTIFICATE', ''], count: 4 }])).toEqual([
      { code: 'HEALTH_CERTIFICATE', label: message('review.material_asked', { material: 'HEALTH_CERTIFICATE' }), count: 4 },
      { code: 'PASSPORT', label: message('review.material_asked', { material: 'PASSPORT' }), count: 1 },
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
      item('c2', { outcome: 'rejected', outcomeAt: at(20), reason: officerReason('salary below the threshold') }),
      item('c3', { outcome: 'rejected', outcomeAt: at(30), reason: officerReason('no contract') }),
      item('c4', { outcome: 'terminated', outcomeAt: at(2), reason: terminated(officerReason('合同期限不足')) }),
      item('c5'),
    ];
    const unreadable = officerReason('passport copy unreadable');
    const [stats] = itemStatisticsOf(items, [supplement('c1', unreadable, ['PASSPORT']), supplement('c1', unreadable, ['PASSPORT'])]);
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
      // Submitted Mon 03-02 in China: decided that day (0 working days), and twice on Tue 03-03 (1).
      decisionWorkingDays: { count: 3, median: 1, p90: 1, provisional: false },
      supplementRate: 0.2,
      rejectionRate: 2 / 3,
      topRejectionReasons: [{ code: 'officer.reason', label: OFFICER, count: 2 }],
      topTerminationReasons: [{ code: 'review.terminated', label: terminated(OFFICER), count: 1 }],
      topSupplementReasons: [{ code: 'officer.reason', label: OFFICER, count: 1 }],
      topRequestedMaterials: [{ code: 'PASSPORT', label: message('review.material_asked', { material: 'PASSPORT' }), count: 1 }],
    });
  });

  it('counts the decisions in working days as the law does: across the 2026 Spring Festival, supplement pauses left out', () => {
    // 10:00 in China on each day.
    const day = (date: string) => new Date(`${date}T02:00:00Z`);
    const moved = (caseId: string, state: ItemTransition['state'], date: string): ItemTransition => ({ caseId, item: 'WORK_PERMIT', state, at: day(date), reason: null, requestedMaterials: [] });
    const items = [
      // Thu 02-12 → Wed 03-04: 02-13, Sat 02-14, 02-24..02-27, Sat 02-28, 03-02..03-04 = 10 (02-15..02-23 off).
      item('c1', { submittedAt: day('2026-02-12'), outcome: 'granted', outcomeAt: day('2026-03-04') }),
      // The same, but asked for a document on Fri 02-13 and answered Thu 02-26: 02-14 and 02-24..02-26 do not count: 6.
      item('c2', { submittedAt: day('2026-02-12'), outcome: 'rejected', outcomeAt: day('2026-03-04') }),
      // Wed 09-30 → Tue 10-13: National Day off, Sat 10-10 adjusted: 10-08, 10-09, 10-10, 10-12, 10-13 = 5.
      item('c3', { submittedAt: day('2026-09-30'), outcome: 'granted', outcomeAt: day('2026-10-13') }),
      // Not decided: not counted.
      item('c4', { submittedAt: day('2026-02-12'), outcome: 'terminated', outcomeAt: day('2026-03-04') }),
    ];
    const [stats] = itemStatisticsOf(items, [moved('c2', 'supplemented', '2026-02-26'), moved('c2', 'awaiting_supplement', '2026-02-13')]);
    expect(stats.decisionWorkingDays).toEqual({ count: 3, median: 6, p90: expect.closeTo(9.2), provisional: false });
    // Calendar time keeps every hour and the pause: 20, 20 and 13 days.
    expect(stats.decisionSeconds).toMatchObject({ count: 3, median: 20 * 86_400 });
  });

  it('leaves the decision time out for an item whose submission has not been seen, and has no rejection rate before a decision', () => {
    const [stats] = itemStatisticsOf([item('c1', { submittedAt: null, outcome: 'granted', outcomeAt: at(3) }), item('c2', { item: 'WORK_PERMIT' })], []);
    expect(stats.decisionSeconds.count).toBe(0);
    expect(stats.decisionWorkingDays).toEqual({ count: 0, median: undefined, p90: undefined, provisional: false });
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
    const overdue = overdueItemsOf(
      [
        item('c1', { overdueAt: at(50), overdueDueDate: '2026-03-03' }),
        item('c2', { overdueAt: at(40) }),
        item('c3', { overdueAt: at(30), outcome: 'granted', outcomeAt: at(60) }),
        item('c4'),
      ],
      '2026-03-06',
    );
    expect(overdue).toEqual([
      { caseId: 'c2', item: 'WORK_PERMIT', agency: 'approval', dueDate: null, since: at(40), workingDaysOverdue: null },
      // Due Tue 03-03; on Fri 03-06 three working days have passed since.
      { caseId: 'c1', item: 'WORK_PERMIT', agency: 'approval', dueDate: '2026-03-03', since: at(50), workingDaysOverdue: 3 },
    ]);
  });
});
