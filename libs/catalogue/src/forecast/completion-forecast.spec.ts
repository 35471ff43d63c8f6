import { CatalogueError } from '../catalogue.exception';
import { localize } from '../messages/message';
import type { ItemSelection } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { forecastCompletion, type ForecastRequest } from './completion-forecast';

// The 2026 State Council calendar as chinese-days has it (the dates these examples cross):
// - Spring Festival: 02-15 (Sun) to 02-23 (Mon) off; Saturdays 02-14 and 02-28 are working days.
// - Qingming: 04-04 to 04-06 off (Monday 04-06 in lieu).
// - Labour Day: 05-01 to 05-05 off; Saturday 05-09 is a working day.
// - Mid-Autumn: 09-25 (Fri) to 09-27 off; Sunday 09-20 is a working day.
// - National Day: 10-01 (Thu) to 10-07 (Wed) off; 10-08 (Thu) is a working day again, and so is
//   Saturday 10-10. (Not 10-01 to 10-08: the notice gives 7 days off.)
// Counting starts the day after the clock's start (libs/workdays `dueDate`).

const catalogue = getCatalogue();
const WORK_PERMIT: ItemSelection = { code: 'WORK_PERMIT', action: 'issue' };
const RESIDENCE_PERMIT: ItemSelection = { code: 'RESIDENCE_PERMIT', action: 'issue' };
const SOCIAL_INSURANCE: ItemSelection = { code: 'SOCIAL_INSURANCE', action: 'apply' };
const PROFESSIONAL_TITLE: ItemSelection = { code: 'PROFESSIONAL_TITLE', action: 'apply' };

function forecast(request: ForecastRequest) {
  const result = forecastCompletion(catalogue, request);
  const item = (code: string) => {
    const found = result.items.find((i) => i.code === code);
    if (!found) throw new Error(`no ${code} in the forecast`);
    return found;
  };
  return { result, item };
}

describe(forecastCompletion.name, () => {
  describe('a selection before submitting', () => {
    it('crosses Mid-Autumn and National Day: work permit → residence permit submitted on Monday 2026-09-28', () => {
      const { result, item } = forecast({ selection: [WORK_PERMIT, RESIDENCE_PERMIT], submittedOn: '2026-09-28' });
      // Work permit, automatic: earliest the day of submission. Latest: 20 + 10 working days from 09-28:
      //   09-29 (1), 09-30 (2), [10-01..10-07 off], 10-08 (3), 10-09 (4), Sat 10-10 (5), 10-12..16 (6-10),
      //   10-19..23 (11-15), 10-26..30 (16-20), 11-02..06 (21-25), 11-09..13 (26-30) → 2026-11-13.
      expect(item('WORK_PERMIT')).toMatchObject({ earliestDate: '2026-09-28', latestDate: '2026-11-13', dependsOn: [], basis: { earliest: 'automatic', latest: 'statutory_limit' } });
      // Residence permit: its clock starts when the work permit is granted. Earliest: the same day (both automatic).
      // Latest: 15 calendar days from 11-13 → 11-28, a Saturday, not moved (a calendar-day limit).
      expect(item('RESIDENCE_PERMIT')).toMatchObject({ earliestDate: '2026-09-28', latestDate: '2026-11-28', dependsOn: ['WORK_PERMIT'], basis: { earliest: 'automatic', latest: 'time_limit' } });
      expect(result).toMatchObject({ earliestDate: '2026-09-28', latestDate: '2026-11-28', criticalPath: ['WORK_PERMIT', 'RESIDENCE_PERMIT'], provisional: false });
      expect(result.items.every((i) => i.onCriticalPath)).toBe(true);
    });

    it('crosses Spring Festival: work permit → social insurance submitted on Friday 2026-02-13', () => {
      const { result, item } = forecast({ selection: [WORK_PERMIT, SOCIAL_INSURANCE], submittedOn: '2026-02-13' });
      // Work permit, 30 working days from 02-13: Sat 02-14 (1), [02-15..02-23 off], 02-24..27 (2-5), Sat 02-28 (6),
      //   03-02..06 (7-11), 03-09..13 (12-16), 03-16..20 (17-21), 03-23..27 (22-26), 03-30..04-02 (27-30) → 2026-04-02.
      expect(item('WORK_PERMIT')).toMatchObject({ earliestDate: '2026-02-13', latestDate: '2026-04-02' });
      // Social insurance, 5 working days from 04-02 across Qingming: 04-03 (1), [04-04..04-06 off], 04-07..10 (2-5) → 2026-04-10.
      expect(item('SOCIAL_INSURANCE')).toMatchObject({ earliestDate: '2026-02-13', latestDate: '2026-04-10', dependsOn: ['WORK_PERMIT'] });
      expect(result.criticalPath).toEqual(['WORK_PERMIT', 'SOCIAL_INSURANCE']);
    });

    it('starts an officer’s item on the first working day: professional title submitted on Saturday 2026-02-21, in the Spring Festival break', () => {
      // The work permit is held (not chosen), so the clock starts on the day of submission.
      const { result } = forecast({ selection: [PROFESSIONAL_TITLE], submittedOn: '2026-02-21' });
      // Earliest: an officer decides on a working day; 02-22 is Sunday, 02-23 still off → Tuesday 2026-02-24.
      // Latest: 60 working days from 02-21: 02-24..27 (1-4), Sat 02-28 (5), 03-02..27 (6-25), 03-30..04-03 (26-30),
      //   [04-06 off], 04-07..10 (31-34), 04-13..17 (35-39), 04-20..24 (40-44), 04-27..30 (45-48), [05-01..05-05 off],
      //   05-06..08 (49-51), Sat 05-09 (52), 05-11..15 (53-57), 05-18..20 (58-60) → 2026-05-20.
      // Nothing observed: the expected day is the limit's.
      expect(result.items[0]).toMatchObject({ earliestDate: '2026-02-24', expectedDate: '2026-05-20', latestDate: '2026-05-20', basis: { earliest: 'manual', latest: 'time_limit', expected: 'time_limit', observedDecisions: 0 } });
      expect(localize(result.items[0].explanation).zh).toBe(
        '最早2026-02-24：由工作人员审批，最早于开始计时后的第一个工作日办结；预计2026-05-20：仅按办理时限估算（近期已办结0件，满20件后按实际用时估算）；最迟2026-05-20：办理时限60个工作日，自2026-02-21起算。',
      );
    });

    it('explains the dates in Chinese and English', () => {
      const { item } = forecast({ selection: [WORK_PERMIT], submittedOn: '2026-09-28' });
      expect(localize(item('WORK_PERMIT').explanation)).toEqual({
        zh: '最早2026-09-28：自动审批，前置条件满足当日即可办结；预计2026-11-13：仅按法定期限估算（近期已办结0件，满20件后按实际用时估算）；最迟2026-11-13：法定期限20个工作日，依法可延长10个工作日（已计入），自2026-09-28起算。',
        en: 'earliest 2026-09-28: decided automatically, on the day its prerequisites are met; expected 2026-11-13: from the statutory limit alone (0 recent decisions observed; from 20 on, the observed times are used); latest 2026-11-13: the statutory 20 working days, with the extension by 10 the law allows included, counted from 2026-09-28.',
      });
    });

    it('counts Monday to Friday past the calendar and says so', () => {
      const { result } = forecast({ selection: [WORK_PERMIT, RESIDENCE_PERMIT], submittedOn: '2026-11-20' });
      // The work permit's 30 working days end in 2027, whose holiday notice chinese-days does not carry yet.
      expect(result.provisional).toBe(true);
      expect(result.notes.map((n) => localize(n).zh)).toEqual(['2027年节假日安排尚未发布，该年的日期暂按周一至周五为工作日估算']);
    });

    it('refuses a selection the catalogue cannot resolve, as the form does', () => {
      expect(() => forecastCompletion(catalogue, { selection: [{ code: 'TALENT_CATEGORY', action: 'apply' }], submittedOn: '2026-09-28' })).toThrow(CatalogueError);
      expect(() => forecastCompletion(catalogue, { selection: [WORK_PERMIT], submittedOn: '2026-02-30' })).toThrow(CatalogueError);
    });
  });

  describe('observed decision times', () => {
    const minimum = catalogue.parameters.forecast.minimumObservations;

    it('takes the expected day from the observed median across National Day, never the latest', () => {
      const { result, item } = forecast({ selection: [WORK_PERMIT], submittedOn: '2026-09-28', observed: { WORK_PERMIT: { decisions: minimum, medianWorkingDays: 3 } } });
      // 3 working days from 09-28: 09-29 (1), 09-30 (2), [10-01..10-07 off], 10-08 (3) → 2026-10-08.
      // The earliest stays the automatic path (09-28) and the latest the law's 11-13.
      expect(item('WORK_PERMIT')).toMatchObject({
        earliestDate: '2026-09-28',
        expectedDate: '2026-10-08',
        latestDate: '2026-11-13',
        basis: { earliest: 'automatic', latest: 'statutory_limit', expected: 'observed', observedDecisions: 20, medianWorkingDays: 3 },
      });
      expect(localize(item('WORK_PERMIT').basis!.message)).toEqual({
        zh: '预计2026-10-08：按近期已办结20件的实际用时中位数3个工作日估算，不晚于最迟日期',
        en: 'expected 2026-10-08: from the median of 20 recent decisions, 3 working days, never past the latest date',
      });
      expect(result).toMatchObject({ earliestDate: '2026-09-28', expectedDate: '2026-10-08', latestDate: '2026-11-13' });
    });

    it('keeps to the law’s limit until the minimum of decisions is observed, and says how many there are', () => {
      const { item } = forecast({ selection: [WORK_PERMIT], submittedOn: '2026-09-28', observed: { WORK_PERMIT: { decisions: minimum - 1, medianWorkingDays: 3 } } });
      expect(item('WORK_PERMIT')).toMatchObject({ expectedDate: '2026-11-13', latestDate: '2026-11-13', basis: { expected: 'statutory_limit', observedDecisions: 19 } });
      expect(item('WORK_PERMIT').basis).not.toHaveProperty('medianWorkingDays');
      expect(localize(item('WORK_PERMIT').basis!.message)).toEqual({
        zh: '预计2026-11-13：仅按法定期限估算（近期已办结19件，满20件后按实际用时估算）',
        en: 'expected 2026-11-13: from the statutory limit alone (19 recent decisions observed; from 20 on, the observed times are used)',
      });
    });

    it('rounds a median of an even count up, across the Spring Festival and its make-up Saturday (minimum given by the caller)', () => {
      const { item } = forecast({ selection: [WORK_PERMIT], submittedOn: '2026-02-13', minimumObservations: 2, observed: { WORK_PERMIT: { decisions: 2, medianWorkingDays: 4.5 } } });
      // 5 working days from Friday 02-13: Sat 02-14 (1, worked), [02-15..02-23 off], 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5).
      expect(item('WORK_PERMIT')).toMatchObject({ expectedDate: '2026-02-27', latestDate: '2026-04-02', basis: { expected: 'observed', medianWorkingDays: 5 } });
    });

    it('starts a dependant’s expected clock on its prerequisite’s expected day: the residence permit on a make-up Saturday', () => {
      const observed = { WORK_PERMIT: { decisions: 30, medianWorkingDays: 3 }, RESIDENCE_PERMIT: { decisions: 25, medianWorkingDays: 2 } };
      const { result, item } = forecast({ selection: [WORK_PERMIT, RESIDENCE_PERMIT], submittedOn: '2026-09-28', observed });
      // Work permit expected 10-08 (above). Residence permit: 2 working days from 10-08: 10-09 (1), Sat 10-10 (2, worked) → 2026-10-10.
      expect(item('RESIDENCE_PERMIT')).toMatchObject({ earliestDate: '2026-09-28', expectedDate: '2026-10-10', latestDate: '2026-11-28', basis: { expected: 'observed', latest: 'time_limit' } });
      expect(result.expectedDate).toBe('2026-10-10');

      // Without its own observations: its 15 calendar days from the work permit's expected 10-08 → 2026-10-23, by the limit alone.
      const { item: unmeasured } = forecast({ selection: [WORK_PERMIT, RESIDENCE_PERMIT], submittedOn: '2026-09-28', observed: { WORK_PERMIT: observed.WORK_PERMIT } });
      expect(unmeasured('RESIDENCE_PERMIT')).toMatchObject({ expectedDate: '2026-10-23', latestDate: '2026-11-28', basis: { expected: 'time_limit', observedDecisions: 0 } });
    });

    it('never expects a decision after the latest day', () => {
      const { item } = forecast({ selection: [WORK_PERMIT], submittedOn: '2026-09-28', observed: { WORK_PERMIT: { decisions: 40, medianWorkingDays: 45 } } });
      expect(item('WORK_PERMIT')).toMatchObject({ expectedDate: '2026-11-13', latestDate: '2026-11-13', basis: { expected: 'observed', medianWorkingDays: 45 } });
    });

    it('counts the observed median again from the day a supplement arrived', () => {
      const { item } = forecast({
        selection: [WORK_PERMIT],
        submittedOn: '2026-09-28',
        today: '2026-10-09',
        observed: { WORK_PERMIT: { decisions: 20, medianWorkingDays: 3 } },
        progress: { WORK_PERMIT: { status: 'in_review', supplements: [{ requestedOn: '2026-09-28', suppliedOn: '2026-10-09' }] } },
      });
      // The clock stood still 09-29..10-09; 3 working days from then: Sat 10-10 (1, worked), 10-12 (2), 10-13 (3) → 2026-10-13
      // (10-08 without the request).
      expect(item('WORK_PERMIT')).toMatchObject({ earliestDate: '2026-10-09', expectedDate: '2026-10-13', latestDate: '2026-11-19' });
    });

    it('does not forecast an item in joint review from the ordinary decisions', () => {
      const { item } = forecast({
        selection: [WORK_PERMIT],
        submittedOn: '2026-09-28',
        today: '2026-09-29',
        observed: { WORK_PERMIT: { decisions: 20, medianWorkingDays: 3 } },
        progress: { WORK_PERMIT: { status: 'joint_review' } },
      });
      expect(item('WORK_PERMIT')).toMatchObject({ earliestDate: '2026-09-29', expectedDate: '2026-11-13', basis: { earliest: 'manual', expected: 'statutory_limit', observedDecisions: 20 } });
    });
  });

  describe('a submitted case, as events arrive', () => {
    it('fixes a decided item at its decision day and starts the dependant’s clock there', () => {
      const { result, item } = forecast({
        selection: [WORK_PERMIT, RESIDENCE_PERMIT],
        submittedOn: '2026-09-28',
        today: '2026-10-12',
        progress: { WORK_PERMIT: { status: 'granted', decidedOn: '2026-10-09' }, RESIDENCE_PERMIT: { status: 'in_review' } },
      });
      expect(item('WORK_PERMIT')).toMatchObject({ state: 'decided', earliestDate: '2026-10-09', expectedDate: '2026-10-09', latestDate: '2026-10-09', basis: { earliest: 'decided', latest: 'decided', expected: 'decided' } });
      // Residence permit: earliest today (not decided in the past); latest 10-09 + 15 calendar days → 2026-10-24.
      expect(item('RESIDENCE_PERMIT')).toMatchObject({ earliestDate: '2026-10-12', latestDate: '2026-10-24' });
      expect(item('RESIDENCE_PERMIT').shifts.map((s) => localize(s).zh)).toEqual(['前置事项外国人来华工作许可已于2026-10-09准予许可，本事项自当日开始计时']);
      expect(result).toMatchObject({ earliestDate: '2026-10-12', latestDate: '2026-10-24', criticalPath: ['WORK_PERMIT', 'RESIDENCE_PERMIT'] });
    });

    it('moves with a supplement request still awaited, and says why', () => {
      const { result, item } = forecast({
        selection: [WORK_PERMIT, RESIDENCE_PERMIT],
        submittedOn: '2026-09-28',
        today: '2026-10-08',
        progress: { WORK_PERMIT: { status: 'awaiting_supplement', supplements: [{ requestedOn: '2026-09-28' }] }, RESIDENCE_PERMIT: { status: 'pending' } },
      });
      // Earliest: the documents arrive today, 10-08, and the automatic decision follows the same day.
      // Latest: they arrive on the notice's deadline, 09-28 + 30 days = 10-28; the clock stood still until then, so
      //   30 working days from 10-28: 10-29..30 (1-2), 11-02..27 (3-22), 11-30..12-04 (23-27), 12-07..09 (28-30) → 2026-12-09.
      expect(item('WORK_PERMIT')).toMatchObject({ earliestDate: '2026-10-08', expectedDate: '2026-12-09', latestDate: '2026-12-09' });
      // Residence permit: 12-09 + 15 calendar days → 2026-12-24.
      expect(item('RESIDENCE_PERMIT')).toMatchObject({ earliestDate: '2026-10-08', latestDate: '2026-12-24' });
      expect(item('WORK_PERMIT').shifts.map(localize)).toEqual([
        {
          zh: '补正材料期间暂停计时：期限自2026-09-28补正告知之日起暂停，自补正之日起重新计算；最早和预计日期按今日补正估算，最迟按补正期限2026-10-28补正估算',
          en: "The clock stops while supplementary documents are awaited: it stopped with the request of 2026-09-28 and runs again from the day they arrive; the earliest and expected dates assume they arrive today, the latest by the notice's deadline, 2026-10-28",
        },
      ]);
      // The residence permit waits for the work permit, so it moved too, and says why.
      expect(item('RESIDENCE_PERMIT').shifts.map((s) => localize(s).zh)).toEqual(['前置事项外国人来华工作许可因补正材料暂停计时，本事项日期随之顺延']);
      expect(result.latestDate).toBe('2026-12-24');
    });

    it('counts again from the day the supplement arrived', () => {
      const { item } = forecast({
        selection: [WORK_PERMIT, RESIDENCE_PERMIT],
        submittedOn: '2026-09-28',
        today: '2026-10-09',
        progress: { WORK_PERMIT: { status: 'in_review', supplements: [{ requestedOn: '2026-09-28', suppliedOn: '2026-10-09' }] }, RESIDENCE_PERMIT: { status: 'pending' } },
      });
      // Pre-review asked on the day of submission, the documents came on 10-09: counting starts again on the next day,
      //   Sat 10-10 (1, a make-up working day), 10-12..16 (2-6), 10-19..23 (7-11), 10-26..30 (12-16), 11-02..06 (17-21),
      //   11-09..13 (22-26), 11-16..19 (27-30) → 2026-11-19 (six days later than without the request: 11-13).
      expect(item('WORK_PERMIT')).toMatchObject({ earliestDate: '2026-10-09', latestDate: '2026-11-19' });
      // Residence permit: 11-19 + 15 → 2026-12-04.
      expect(item('RESIDENCE_PERMIT')).toMatchObject({ latestDate: '2026-12-04' });
      expect(item('RESIDENCE_PERMIT').shifts.map((s) => s.code)).toEqual(['forecast.shift.prerequisite_supplement']);
      expect(localize(item('WORK_PERMIT').shifts[0]).zh).toBe('已补正：期限自2026-09-28起暂停，2026-10-09补正后重新计算，日期相应顺延');
    });

    it('drops the dependants of a refused prerequisite and a withdrawn item from the dates', () => {
      const { result, item } = forecast({
        selection: [WORK_PERMIT, RESIDENCE_PERMIT, SOCIAL_INSURANCE],
        submittedOn: '2026-09-28',
        today: '2026-10-12',
        progress: { WORK_PERMIT: { status: 'rejected', decidedOn: '2026-10-09' }, RESIDENCE_PERMIT: { status: 'pending' }, SOCIAL_INSURANCE: { status: 'withdrawn' } },
      });
      expect(item('RESIDENCE_PERMIT')).toMatchObject({ state: 'ended', earliestDate: null, latestDate: null, onCriticalPath: false });
      expect(localize(item('RESIDENCE_PERMIT').shifts[0]).en).toBe('The prerequisite Work permit for foreigners working in China was not granted; this item will be terminated, not decided');
      expect(localize(item('SOCIAL_INSURANCE').explanation).zh).toBe('本事项已撤回，不再办结。');
      expect(result).toMatchObject({ earliestDate: '2026-10-09', latestDate: '2026-10-09', criticalPath: ['WORK_PERMIT'] });
    });

    it('shows today as the latest day of an item past its limit, and an officer’s earliest in joint review', () => {
      const { item } = forecast({
        selection: [WORK_PERMIT],
        submittedOn: '2026-09-28',
        today: '2026-11-16',
        progress: { WORK_PERMIT: { status: 'joint_review' } },
      });
      // The 30 working days ended on 11-13; on Monday 11-16 it is still open.
      expect(item('WORK_PERMIT')).toMatchObject({ earliestDate: '2026-11-16', latestDate: '2026-11-16', basis: { earliest: 'manual', latest: 'statutory_limit' } });
      expect(item('WORK_PERMIT').shifts.map((s) => s.code)).toEqual(['forecast.shift.overdue', 'forecast.shift.joint_review']);
    });
  });
});
