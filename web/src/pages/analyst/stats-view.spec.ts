import { parseStats } from './stats-view';

// As services/data-sharing/src/stats/stats-view.ts answers, trimmed to one item.
const answer = {
  cases: {
    total: 5,
    byStatus: { in_progress: 3, completed: 1, withdrawn: 1 },
    byChannel: { online: 4, offline: 1 },
    byStatusAndChannel: [
      { status: 'in_progress', channel: 'online', count: 2 },
      { status: 'in_progress', channel: 'offline', count: 1 },
      { status: 'completed', channel: 'online', count: 1 },
      { status: 'completed', channel: 'offline', count: 0 },
      { status: 'withdrawn', channel: 'online', count: 1 },
      { status: 'withdrawn', channel: 'offline', count: 0 },
    ],
  },
  items: [
    {
      item: 'WORK_PERMIT',
      agency: 'approval',
      total: 5,
      open: 3,
      granted: 1,
      rejected: 1,
      terminated: 0,
      withdrawn: 0,
      decisionHours: { count: 2, median: 30.5, p90: 52 },
      decisionWorkingDays: { count: 2, median: 1.5, p90: 2.8, provisional: false },
      supplementRate: 0.4,
      rejectionRate: 0.5,
      topRejectionReasons: [{ reason: 'salary below threshold', count: 1 }],
      topSupplementReasons: [{ reason: 'photo unclear', count: 2 }],
      topRequestedMaterials: [{ reason: 'PHOTO', count: 2 }],
      everOverdue: 1,
    },
  ],
  overdue: {
    count: 1,
    byItem: { WORK_PERMIT: 1 },
    maxWorkingDaysOverdue: 4,
    items: [{ caseId: 'c-1', item: 'WORK_PERMIT', agency: 'approval', dueDate: '2026-03-02', since: '2026-03-03T01:00:00.000Z', workingDaysOverdue: 4 }],
  },
  blockingPoints: [{ step: 'WORK_PERMIT in_review', item: 'WORK_PERMIT', state: 'in_review', count: 2, medianHours: 20, p90Hours: 40, waitingNow: 3 }],
  daily: [
    { day: '2026-03-02', submitted: { online: 1, offline: 0 }, completed: 0, withdrawn: 1 },
    { day: '2026-03-01', submitted: { online: 2, offline: 1 }, completed: 1, withdrawn: 0 },
  ],
};

describe('parseStats', () => {
  it('reads every part of the service answer', () => {
    const stats = parseStats(answer);
    expect(stats.cases).toEqual({ total: 5, byStatus: { in_progress: 3, completed: 1, withdrawn: 1 }, byChannel: { online: 4, offline: 1 }, byStatusAndChannel: answer.cases.byStatusAndChannel });
    expect(stats.items[0]).toMatchObject({
      item: 'WORK_PERMIT',
      agency: 'approval',
      decisionHours: { count: 2, median: 30.5, p90: 52 },
      decisionWorkingDays: { count: 2, median: 1.5, p90: 2.8, provisional: false },
      supplementRate: 0.4,
      rejectionRate: 0.5,
    });
    expect(stats.items[0].topRequestedMaterials).toEqual([{ reason: 'PHOTO', count: 2 }]);
    expect(stats.overdue).toEqual({
      count: 1,
      maxWorkingDaysOverdue: 4,
      items: [{ caseId: 'c-1', item: 'WORK_PERMIT', agency: 'approval', dueDate: '2026-03-02', since: '2026-03-03T01:00:00.000Z', workingDaysOverdue: 4 }],
    });
    expect(stats.blockingPoints).toEqual([{ step: 'WORK_PERMIT in_review', item: 'WORK_PERMIT', state: 'in_review', count: 2, medianHours: 20, p90Hours: 40, waitingNow: 3 }]);
  });

  it('orders the daily series oldest first and flattens the channels', () => {
    expect(parseStats(answer).daily).toEqual([
      { day: '2026-03-01', online: 2, offline: 1, completed: 1, withdrawn: 0 },
      { day: '2026-03-02', online: 1, offline: 0, completed: 0, withdrawn: 1 },
    ]);
  });

  it('tells a missing daily series (an older service) from an empty one', () => {
    const { daily: _daily, ...older } = answer;
    expect(parseStats(older).daily).toBeNull();
    expect(parseStats({ ...answer, daily: [] }).daily).toEqual([]);
  });

  it('survives an empty or malformed answer', () => {
    for (const raw of [undefined, null, 'oops', [], {}, { cases: 'x', items: 'y', overdue: [], blockingPoints: {}, daily: 'z' }]) {
      const stats = parseStats(raw);
      expect(stats.cases).toEqual({ total: 0, byStatus: { in_progress: 0, completed: 0, withdrawn: 0 }, byChannel: { online: 0, offline: 0 }, byStatusAndChannel: null });
      expect(stats.items).toEqual([]);
      expect(stats.overdue).toEqual({ count: 0, maxWorkingDaysOverdue: null, items: [] });
      expect(stats.blockingPoints).toEqual([]);
      expect(stats.daily).toBeNull();
    }
  });

  it('derives totals from the status and channel pairs when the service gave none', () => {
    const stats = parseStats({ cases: { byStatusAndChannel: answer.cases.byStatusAndChannel } });
    expect(stats.cases).toMatchObject({ total: 5, byStatus: { in_progress: 3, completed: 1, withdrawn: 1 }, byChannel: { online: 4, offline: 1 } });
  });

  it('keeps nulls the service uses for "not yet", and drops bad values', () => {
    const stats = parseStats({
      items: [{ item: 'SOCIAL_INSURANCE', decisionHours: { count: 0, median: null, p90: null }, rejectionRate: null, supplementRate: 'NaN', topRejectionReasons: [{ reason: ' ', count: 1 }, null] }, { item: '' }],
      blockingPoints: [{ step: 'case joint_review', item: null, state: 'joint_review', count: 0, medianHours: null, p90Hours: null, waitingNow: 1 }],
      overdue: { items: [{ caseId: 'c', item: 'X', agency: null, dueDate: null, since: '2026-01-01T00:00:00Z' }] },
    });
    expect(stats.items).toHaveLength(1);
    // An older service gives no working days: none, not zero.
    expect(stats.items[0]).toMatchObject({ decisionHours: { count: 0, median: null, p90: null }, decisionWorkingDays: null, rejectionRate: null, supplementRate: null, topRejectionReasons: [], total: 0 });
    expect(stats.blockingPoints[0]).toMatchObject({ item: null, medianHours: null, waitingNow: 1 });
    expect(stats.overdue).toEqual({ count: 1, maxWorkingDaysOverdue: null, items: [{ caseId: 'c', item: 'X', agency: null, dueDate: null, since: '2026-01-01T00:00:00Z', workingDaysOverdue: null }] });
  });

  it('takes the longest overdue from the rows when the service does not say it', () => {
    const stats = parseStats({ overdue: { items: [{ caseId: 'a', item: 'X', workingDaysOverdue: 2 }, { caseId: 'b', item: 'X', workingDaysOverdue: 7 }, { caseId: 'c', item: 'X', workingDaysOverdue: 'many' }] } });
    expect(stats.overdue.maxWorkingDaysOverdue).toBe(7);
    expect(stats.overdue.items.map((row) => row.workingDaysOverdue)).toEqual([2, 7, null]);
  });
});
