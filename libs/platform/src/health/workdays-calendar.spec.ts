import { HealthIndicatorService } from '@nestjs/terminus';
import { MetricsRegistry } from '@work-permit/observability';
import { packageCalendarCoverage, useOfficialCalendar } from '@work-permit/workdays';
import { join } from 'node:path';
import { installWorkdaysCalendar, WorkdaysCalendarHealth } from './workdays-calendar';

const CALENDAR_2027 = join(__dirname, '../../../workdays/test/fixtures/calendar-2027.json');
// Noon in China on a day after 1 November.
const IN_NOVEMBER = () => new Date('2026-11-15T04:00:00Z');
const IN_OCTOBER = () => new Date('2026-10-15T04:00:00Z');

function calendarHealth(now: () => Date): { health: WorkdaysCalendarHealth; metrics: MetricsRegistry } {
  const metrics = new MetricsRegistry('portal', { defaultMetrics: false });
  return { health: new WorkdaysCalendarHealth(new HealthIndicatorService(), metrics, now), metrics };
}

describe(WorkdaysCalendarHealth.name, () => {
  afterEach(() => useOfficialCalendar(undefined));

  it('says in /health, still up, that next year is missing after 1 November', () => {
    const packageLastYear = packageCalendarCoverage().lastYear;
    expect(calendarHealth(IN_NOVEMBER).health.check()).toEqual({
      workdaysCalendar: { status: 'up', lastCoveredYear: packageLastYear, packageLastYear, fileYears: [], nextYear: 2027, nextYearMissing: packageLastYear < 2027 },
    });
  });

  it('does not call next year missing before 1 November', () => {
    expect(calendarHealth(IN_OCTOBER).health.check().workdaysCalendar).toMatchObject({ nextYear: 2027, nextYearMissing: false });
  });

  it('shows the years the calendar file adds, and next year no longer missing', () => {
    installWorkdaysCalendar(CALENDAR_2027);
    expect(calendarHealth(IN_NOVEMBER).health.check().workdaysCalendar).toMatchObject({ status: 'up', lastCoveredYear: 2027, fileYears: [2027], nextYearMissing: false });
  });

  it('exports the missing year and the last covered year as metrics', async () => {
    const { metrics } = calendarHealth(IN_NOVEMBER);
    const missing = packageCalendarCoverage().lastYear < 2027 ? 1 : 0;
    expect(await metrics.metrics()).toContain(`workdays_calendar_next_year_missing ${missing}`);
    installWorkdaysCalendar(CALENDAR_2027);
    const text = await metrics.metrics();
    expect(text).toContain('workdays_calendar_next_year_missing 0');
    expect(text).toContain('workdays_calendar_last_year 2027');
  });
});

describe(installWorkdaysCalendar.name, () => {
  afterEach(() => useOfficialCalendar(undefined));

  it('stops with the setting, the file and the problem', () => {
    expect(() => installWorkdaysCalendar('/nonexistent/calendar.json')).toThrow(/^WORKDAYS_CALENDAR_FILE: the working-day calendar file \/nonexistent\/calendar.json is invalid: cannot be read/);
  });

  it('leaves the package alone when no file is set', () => {
    installWorkdaysCalendar(undefined);
    expect(calendarHealth(IN_OCTOBER).health.status().file).toBeNull();
  });
});
