import { getCatalogue } from '@work-permit/catalogue';
import { calendarCoverage } from '@work-permit/workdays';
import type { ReviewItem } from '../review/review-model';
import { isOverdue, itemView, timeLeftOf } from './item-view';

describe(isOverdue.name, () => {
  const today = '2026-12-08';

  it('is overdue from the day after the due date, in China', () => {
    expect(isOverdue({ status: 'in_review', dueDate: '2026-12-07' }, { today, overdueAnnounced: false })).toBe(true);
    expect(isOverdue({ status: 'in_review', dueDate: '2026-12-08' }, { today, overdueAnnounced: false })).toBe(false);
  });

  it('is never overdue once final', () => {
    expect(isOverdue({ status: 'granted', dueDate: '2026-12-01' }, { today, overdueAnnounced: true })).toBe(false);
  });

  it('stays overdue once announced, and is not overdue without a due date otherwise (clock paused)', () => {
    expect(isOverdue({ status: 'awaiting_supplement', dueDate: null }, { today, overdueAnnounced: true })).toBe(true);
    expect(isOverdue({ status: 'awaiting_supplement', dueDate: null }, { today, overdueAnnounced: false })).toBe(false);
  });
});

describe(timeLeftOf.name, () => {
  it('counts the working days left across the 2026 Spring Festival, and the calendar days beside them', () => {
    // From Thu 02-12 to Wed 03-04: ten working days (the adjusted Saturdays 02-14 and 02-28 counted, 02-15..02-23 not).
    expect(timeLeftOf({ status: 'in_review', dueDate: '2026-03-04' }, '2026-02-12')).toEqual({ workingDays: 10, calendarDays: 20 });
    expect(timeLeftOf({ status: 'pending', dueDate: '2026-03-04' }, '2026-03-04')).toEqual({ workingDays: 0, calendarDays: 0 });
  });

  it('is negative past the due date: overdue by that many working days', () => {
    // Due Fri 02-13; on Tue 02-24 two working days have passed (Sat 02-14 and 02-24).
    expect(timeLeftOf({ status: 'in_review', dueDate: '2026-02-13' }, '2026-02-24')).toEqual({ workingDays: -2, calendarDays: -11 });
  });

  it('is undefined for a final item and for one whose clock waits or is paused', () => {
    expect(timeLeftOf({ status: 'granted', dueDate: '2026-03-04' }, '2026-02-12')).toBeUndefined();
    expect(timeLeftOf({ status: 'awaiting_supplement', dueDate: null }, '2026-02-12')).toBeUndefined();
  });

  it('reckons Monday–Friday in a year the holiday calendar does not cover yet', () => {
    const beyond = calendarCoverage().lastYear + 1;
    expect(timeLeftOf({ status: 'in_review', dueDate: `${beyond}-03-08` }, `${beyond}-03-01`)).toEqual({ workingDays: 5, calendarDays: 7 });
  });
});

describe(itemView.name, () => {
  it('names the item in both languages and gives its limit and the time left', () => {
    const item: ReviewItem = {
      code: 'WORK_PERMIT',
      action: 'issue',
      status: 'in_review',
      timeLimit: { amount: 20, unit: 'working_days' },
      pauses: [],
      supplementRequested: false,
      requestedMaterials: [],
      stillMissing: [],
      reason: null,
      assessment: null,
      result: null,
      decidedBy: null,
      decidedAt: null,
      clockStartsOn: '2026-02-12',
      dueDate: '2026-03-04',
      dueDateProvisional: false,
      statutoryLimit: null,
      statutoryDueDate: null,
      extension: null,
    };
    const view = itemView('c-1', item, { lang: 'en', catalogue: getCatalogue(), manualItems: new Set(), today: '2026-02-24', overdueAnnounced: false });
    expect(view).toMatchObject({
      itemName: { zh: expect.stringContaining('工作许可'), en: expect.stringMatching(/work permit/i) },
      timeLimit: { amount: 20, unit: 'working_days' },
      dueDate: '2026-03-04',
      // 02-25..02-27, Sat 02-28, 03-02..03-04.
      workingDaysLeft: 7,
      calendarDaysLeft: 8,
      overdue: false,
    });
    expect(itemView('c-1', { ...item, code: 'NOT_IN_CATALOGUE' }, { lang: 'en', today: '2026-02-24', manualItems: new Set(), overdueAnnounced: false }).itemName).toBeNull();
  });
});
