import { join } from 'node:path';
import { calendarStatus, calendarStatusOn } from './calendar-status';
import { packageCalendarCoverage, useOfficialCalendar } from './holiday-calendar';
import { readOfficialCalendarFile } from './official-calendar';

const FIXTURE = join(__dirname, '../test/fixtures/calendar-2027.json');
const UNTIL_2026 = { firstYear: 2004, lastYear: 2026 };

describe(calendarStatusOn.name, () => {
  it('does not miss next year before 1 November', () => {
    expect(calendarStatusOn('2026-10-31', UNTIL_2026)).toMatchObject({ currentYear: 2026, lastYear: 2026, nextYearMissing: false });
  });

  it('misses next year from 1 November in China', () => {
    expect(calendarStatusOn('2026-11-01', UNTIL_2026).nextYearMissing).toBe(true);
  });

  it('misses nothing once the next year is covered', () => {
    expect(calendarStatusOn('2026-12-31', { firstYear: 2004, lastYear: 2027 }).nextYearMissing).toBe(false);
  });

  it('misses next year whenever even this year is not covered', () => {
    expect(calendarStatusOn('2027-03-01', UNTIL_2026).nextYearMissing).toBe(true);
  });
});

describe(calendarStatus.name, () => {
  afterEach(() => useOfficialCalendar(undefined));

  it('reports the package alone without a calendar file', () => {
    expect(calendarStatus('2026-11-15')).toEqual({
      firstYear: 2004,
      lastYear: packageCalendarCoverage().lastYear,
      packageLastYear: packageCalendarCoverage().lastYear,
      file: null,
      currentYear: 2026,
      nextYearMissing: packageCalendarCoverage().lastYear < 2027,
    });
  });

  it('reports the years the calendar file adds, and that next year is there', () => {
    useOfficialCalendar(readOfficialCalendarFile(FIXTURE, packageCalendarCoverage()));
    expect(calendarStatus('2026-11-15')).toMatchObject({ lastYear: 2027, file: { source: FIXTURE, years: [2027] }, nextYearMissing: false });
  });
});
