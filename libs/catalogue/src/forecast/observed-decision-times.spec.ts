import { dueDate } from '@work-permit/workdays';
import { CatalogueError } from '../catalogue.exception';
import { clockWorkingDays, observedDecisionTime } from './observed-decision-times';

// The 2026 calendar as in completion-forecast.spec.ts: Spring Festival 02-15..02-23 off with Saturdays
// 02-14 and 02-28 worked; National Day 10-01..10-07 off with Saturday 10-10 worked.

describe(clockWorkingDays.name, () => {
  it('counts the working days after the start up to the decision, across National Day', () => {
    // 09-29 (1), 09-30 (2), [10-01..10-07 off], 10-08 (3).
    expect(clockWorkingDays('2026-09-28', '2026-10-08')).toBe(3);
  });

  it('counts a make-up Saturday of the Spring Festival and none of the break', () => {
    // Sat 02-14 (1), [02-15..02-23 off], 02-24..02-27 (2-5).
    expect(clockWorkingDays('2026-02-13', '2026-02-27')).toBe(5);
  });

  it('is 0 for a decision on the day the clock started, and stops at a decision made on a holiday', () => {
    expect(clockWorkingDays('2026-09-28', '2026-09-28')).toBe(0);
    expect(clockWorkingDays('2026-09-28', '2026-10-03')).toBe(2);
  });

  it('leaves out the days a supplement held the clock, and counts again from the day after the documents came', () => {
    // Asked on 09-28, supplied on 10-09: 09-29..10-09 held; then Sat 10-10 (1), 10-12 (2), 10-13 (3).
    expect(clockWorkingDays('2026-09-28', '2026-10-13', [{ from: '2026-09-28', to: '2026-10-09' }])).toBe(3);
  });

  it('takes a request still open at the decision as lasting to the decision', () => {
    // 09-29 (1); asked on 09-29, never answered, decided (refused) on 10-12: nothing more counts.
    expect(clockWorkingDays('2026-09-28', '2026-10-12', [{ from: '2026-09-29' }])).toBe(1);
    expect(clockWorkingDays('2026-09-28', '2026-10-12', [{ from: '2026-09-29', to: null }])).toBe(1);
  });

  it('is the inverse of the due date the agencies count, pauses included', () => {
    const pauses = [{ from: '2026-02-10', to: '2026-02-26' }];
    for (const amount of [0, 1, 2, 7, 20, 30]) {
      const decidedOn = dueDate('2026-02-06', { amount, unit: 'working_days' }, pauses)!;
      expect({ amount, counted: clockWorkingDays('2026-02-06', decidedOn, pauses) }).toEqual({ amount, counted: amount });
    }
  });

  it('refuses a decision before the start and a date that is none', () => {
    expect(() => clockWorkingDays('2026-10-08', '2026-09-28')).toThrow(CatalogueError);
    expect(() => clockWorkingDays('2026-02-30', '2026-03-02')).toThrow(CatalogueError);
  });
});

describe(observedDecisionTime.name, () => {
  it('has no median without decisions', () => {
    expect(observedDecisionTime([])).toBeUndefined();
    expect(observedDecisionTime([{ workingDays: 3, decisions: 0 }])).toBeUndefined();
  });

  it('takes the middle decision of an odd count', () => {
    expect(observedDecisionTime([{ workingDays: 9, decisions: 1 }, { workingDays: 2, decisions: 1 }, { workingDays: 3, decisions: 1 }])).toEqual({ decisions: 3, medianWorkingDays: 3 });
  });

  it('takes the mean of the middle two of an even count, and adds up the buckets of the same duration (other months)', () => {
    // 2, 2, 5, 7 → (2 + 5) / 2.
    expect(
      observedDecisionTime([
        { workingDays: 2, decisions: 1 },
        { workingDays: 7, decisions: 1 },
        { workingDays: 5, decisions: 1 },
        { workingDays: 2, decisions: 1 },
      ]),
    ).toEqual({ decisions: 4, medianWorkingDays: 3.5 });
    // 20 decisions: ten of 0 days, ten of 4 → (0 + 4) / 2; one more of 4 → 4.
    const buckets = [
      { workingDays: 0, decisions: 10 },
      { workingDays: 4, decisions: 10 },
    ];
    expect(observedDecisionTime(buckets)).toEqual({ decisions: 20, medianWorkingDays: 2 });
    expect(observedDecisionTime([...buckets, { workingDays: 4, decisions: 1 }])).toEqual({ decisions: 21, medianWorkingDays: 4 });
  });

  it('refuses a bucket that is not whole working days and a count', () => {
    expect(() => observedDecisionTime([{ workingDays: 1.5, decisions: 1 }])).toThrow(CatalogueError);
    expect(() => observedDecisionTime([{ workingDays: 1, decisions: -1 }])).toThrow(CatalogueError);
  });
});
