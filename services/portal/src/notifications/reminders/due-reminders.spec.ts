import { addDays, daysBetween, planReminders, reminderVerdict } from './due-reminders';

const DAYS = [90, 30];

describe(planReminders.name, () => {
  it('plans one reminder per configured day before a granted permit expires', () => {
    expect(planReminders('WORK_PERMIT', { permitNo: 'WP-1', validTo: '2028-02-28' }, DAYS)).toEqual([
      { daysBefore: 90, remindOn: '2027-11-30', validTo: '2028-02-28', permitNo: 'WP-1' },
      { daysBefore: 30, remindOn: '2028-01-29', validTo: '2028-02-28', permitNo: 'WP-1' },
    ]);
    expect(planReminders('RESIDENCE_PERMIT', { validTo: '2027-01-10' }, [60])).toEqual([{ daysBefore: 60, remindOn: '2026-11-11', validTo: '2027-01-10', permitNo: null }]);
  });

  it('plans nothing for other items, or without a valid validTo', () => {
    expect(planReminders('SOCIAL_INSURANCE', { validTo: '2028-02-28' }, DAYS)).toEqual([]);
    expect(planReminders('WORK_PERMIT', {}, DAYS)).toEqual([]);
    expect(planReminders('WORK_PERMIT', { validTo: '2028-02-30' }, DAYS)).toEqual([]);
    expect(planReminders('WORK_PERMIT', undefined, DAYS)).toEqual([]);
  });
});

describe(reminderVerdict.name, () => {
  const validTo = '2028-02-28';

  it('waits until the reminder day, then sends', () => {
    expect(reminderVerdict({ daysBefore: 90, validTo }, DAYS, '2027-11-29')).toBe('wait');
    expect(reminderVerdict({ daysBefore: 90, validTo }, DAYS, '2027-11-30')).toBe('send');
    expect(reminderVerdict({ daysBefore: 30, validTo }, DAYS, '2028-01-29')).toBe('send');
  });

  it('sends a late reminder while no later one is due yet', () => {
    expect(reminderVerdict({ daysBefore: 90, validTo }, DAYS, '2028-01-10')).toBe('send');
  });

  it('skips an earlier reminder once a later one is due, and any after the permit expired', () => {
    expect(reminderVerdict({ daysBefore: 90, validTo }, DAYS, '2028-01-29')).toBe('skip');
    expect(reminderVerdict({ daysBefore: 30, validTo }, DAYS, '2028-02-28')).toBe('send');
    expect(reminderVerdict({ daysBefore: 30, validTo }, DAYS, '2028-02-29')).toBe('skip');
  });
});

describe('calendar arithmetic', () => {
  it('counts days across month ends and leap days', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2027-11-30', '2028-02-28')).toBe(90);
    expect(daysBetween('2028-02-28', '2028-02-28')).toBe(0);
  });
});
