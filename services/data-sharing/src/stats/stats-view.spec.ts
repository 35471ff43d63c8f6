import { localize, message } from '@work-permit/catalogue';
import type { Statistics } from './statistics';
import { statsViewOf } from './stats-view';

const officer = message('sharing.stats.officer_reason');
const passport = message('review.material_asked', { material: 'PASSPORT' });
const statistics: Statistics = {
  cases: [],
  overdue: [],
  blockingPoints: [],
  items: [
    {
      item: 'WORK_PERMIT',
      agency: 'approval',
      total: 1,
      open: 0,
      granted: 0,
      rejected: 1,
      terminated: 0,
      withdrawn: 0,
      decisionSeconds: { count: 2, median: 9000, p90: 12_345.678 },
      decisionWorkingDays: { count: 2, median: 2.5, p90: 3.7, provisional: true },
      supplementRate: 1,
      rejectionRate: 1,
      topRejectionReasons: [{ code: 'officer.reason', label: officer, count: 1 }],
      topTerminationReasons: [],
      topSupplementReasons: [],
      topRequestedMaterials: [{ code: 'PASSPORT', label: passport, count: 1 }],
      everOverdue: 0,
    },
  ],
};

describe(statsViewOf.name, () => {
  it('labels each counted reason in Chinese by default, with both languages beside', () => {
    const [item] = statsViewOf(statistics, []).items;
    expect(item.topRejectionReasons).toEqual([{ code: 'officer.reason', reason: '工作人员自述理由', reasons: { zh: '工作人员自述理由', en: "officer's own reason" }, count: 1 }]);
    expect(item.topRequestedMaterials).toEqual([{ code: 'PASSPORT', reason: localize(passport).zh, reasons: localize(passport), count: 1 }]);
  });

  it('labels them in English when the request asks for it', () => {
    const [item] = statsViewOf(statistics, [], 'en').items;
    expect(item.topRejectionReasons[0].reason).toBe("officer's own reason");
    expect(item.topRequestedMaterials[0].reason).toBe(localize(passport).en);
  });

  it('gives the decision time in hours and, beside it, in working days, both to 4 decimals', () => {
    const [item] = statsViewOf(statistics, []).items;
    expect(item.decisionHours).toEqual({ count: 2, median: 2.5, p90: 3.4294 });
    expect(item.decisionWorkingDays).toEqual({ count: 2, median: 2.5, p90: 3.7, provisional: true });
  });
});
