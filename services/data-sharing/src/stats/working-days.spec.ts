import { calendarCoverage } from '@work-permit/workdays';
import type { ItemTransition } from './stats-model';
import { decisionWorkingDaysOf, supplementPausesOf, workingDaysOverdueOf } from './working-days';

/** `time` in China (UTC+8) on `date`. */
const china = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const move = (state: ItemTransition['state'], date: string, time?: string) => ({ state, at: china(date, time) });

// Hand-worked from the 2026 notice (chinese-days 1.5.7): Spring Festival 02-15..02-23 off, Saturdays
// 02-14 and 02-28 worked; National Day 10-01..10-07 off, Saturday 10-10 worked.
describe(supplementPausesOf.name, () => {
  it('pairs each request with the answer after it, by their days in China, whatever order the events came in', () => {
    const moves = [move('in_review', '2026-02-27'), move('supplemented', '2026-02-26'), move('awaiting_supplement', '2026-02-13'), move('awaiting_supplement', '2026-02-14')];
    expect(supplementPausesOf(moves)).toEqual([{ from: '2026-02-13', to: '2026-02-26' }]);
  });

  it('keeps an unanswered request open, and ignores an answer nothing asked for', () => {
    expect(supplementPausesOf([move('supplemented', '2026-02-10'), move('awaiting_supplement', '2026-02-13')])).toEqual([{ from: '2026-02-13' }]);
  });

  it('takes the day in China, not in UTC', () => {
    // 00:30 on 02-14 in China is still 02-13 in UTC.
    expect(supplementPausesOf([move('awaiting_supplement', '2026-02-14', '00:30'), move('supplemented', '2026-02-24', '23:59')])).toEqual([{ from: '2026-02-14', to: '2026-02-24' }]);
  });
});

describe(decisionWorkingDaysOf.name, () => {
  const decided = (submitted: string, decidedOn: string, outcome: 'granted' | 'rejected' | 'terminated' = 'granted') => ({ outcome, submittedAt: china(submitted), outcomeAt: china(decidedOn) });

  it('counts from the day after submission to the day of decision on the State Council calendar', () => {
    expect(decisionWorkingDaysOf(decided('2026-02-12', '2026-03-04'), [])).toEqual({ days: 10, provisional: false });
    expect(decisionWorkingDaysOf(decided('2026-09-30', '2026-10-13', 'rejected'), [])).toEqual({ days: 5, provisional: false });
    // Submitted on a holiday, decided on the first working day after it.
    expect(decisionWorkingDaysOf(decided('2026-02-16', '2026-02-24'), [])).toEqual({ days: 1, provisional: false });
  });

  it('leaves out the days the clock stood still for a supplement', () => {
    expect(decisionWorkingDaysOf(decided('2026-02-12', '2026-03-04'), [move('awaiting_supplement', '2026-02-13'), move('supplemented', '2026-02-26')])).toEqual({ days: 6, provisional: false });
  });

  it('gives nothing for an item not decided, or whose submission was not seen', () => {
    expect(decisionWorkingDaysOf(decided('2026-02-12', '2026-03-04', 'terminated'), [])).toBeUndefined();
    expect(decisionWorkingDaysOf({ outcome: 'granted', submittedAt: null, outcomeAt: china('2026-03-04') }, [])).toBeUndefined();
    expect(decisionWorkingDaysOf({ outcome: null, submittedAt: china('2026-03-04'), outcomeAt: null }, [])).toBeUndefined();
  });

  it('reckons Monday–Friday in a year without a holiday notice, and says the figure is provisional', () => {
    const beyond = calendarCoverage().lastYear + 1;
    expect(decisionWorkingDaysOf(decided(`${beyond}-03-01`, `${beyond}-03-08`), [])).toEqual({ days: 5, provisional: true });
  });
});

describe(workingDaysOverdueOf.name, () => {
  it('counts the working days past the due date, none on the days off right after it', () => {
    expect(workingDaysOverdueOf('2026-02-13', '2026-02-24')).toEqual({ days: 2, provisional: false });
    expect(workingDaysOverdueOf('2026-09-30', '2026-10-07')).toEqual({ days: 0, provisional: false });
    expect(workingDaysOverdueOf('2026-09-30', '2026-10-10')).toEqual({ days: 3, provisional: false });
  });

  it('gives 0 before the due date and nothing without one', () => {
    expect(workingDaysOverdueOf('2026-03-04', '2026-03-02')).toEqual({ days: 0, provisional: false });
    expect(workingDaysOverdueOf(null, '2026-03-02')).toBeUndefined();
  });
});
