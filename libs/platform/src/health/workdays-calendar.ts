import type { FactoryProvider } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MetricsRegistry } from '@work-permit/observability';
import { calendarStatus, type CalendarStatus, packageCalendarCoverage, readOfficialCalendarFile, useOfficialCalendar } from '@work-permit/workdays';
import { registerDecorator } from 'class-validator';
import { chinaDateOf } from '../clock';

/** `WORKDAYS_CALENDAR_FILE` must name a valid calendar file (libs/workdays/README.md): checked with the other settings at boot. */
export function IsWorkdaysCalendarFile(): PropertyDecorator {
  return (target, propertyName) => {
    let problem = '';
    registerDecorator({
      name: 'isWorkdaysCalendarFile',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown) {
          if (value === undefined || value === null || value === '') return true;
          try {
            readOfficialCalendarFile(String(value), packageCalendarCoverage());
            return true;
          } catch (error) {
            problem = (error as Error).message;
            return false;
          }
        },
        defaultMessage: () => problem,
      },
    });
  };
}

/**
 * Counts with the official calendar file from now on (see libs/workdays): the holiday package,
 * extended or corrected by the years the file names. A bad file throws naming it and the problem.
 */
export function installWorkdaysCalendar(file: string | undefined): void {
  if (!file) return;
  try {
    useOfficialCalendar(readOfficialCalendarFile(file, packageCalendarCoverage()));
  } catch (error) {
    throw new Error(`WORKDAYS_CALENDAR_FILE: ${(error as Error).message}`);
  }
}

/**
 * The working-day calendar the service counts with, in /health (a detail that is always up) and in
 * the metrics: its last covered year, and whether next year's State Council notice is missing from
 * 1 November (China) on.
 */
export class WorkdaysCalendarHealth {
  constructor(
    private readonly health: HealthIndicatorService,
    metrics: MetricsRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {
    const status = () => this.status();
    metrics.gauge('workdays_calendar', 'next_year_missing', "1 from 1 November (China) while next year's State Council holiday notice is not in the working-day calendar, else 0", [], function () {
      this.set(status().nextYearMissing ? 1 : 0);
    });
    metrics.gauge('workdays_calendar', 'last_year', 'The last year the working-day calendar covers (holiday package and calendar file)', [], function () {
      this.set(status().lastYear);
    });
  }

  status(): CalendarStatus {
    return calendarStatus(chinaDateOf(this.now()));
  }

  // Always up: a missing year is for an operator to fix while due dates into it stay provisional,
  // so the service stays in rotation.
  check(key = 'workdaysCalendar') {
    const { lastYear, packageLastYear, file, currentYear, nextYearMissing } = this.status();
    return this.health.check(key).up({ lastCoveredYear: lastYear, packageLastYear, fileYears: file?.years ?? [], nextYear: currentYear + 1, nextYearMissing });
  }
}

export const workdaysCalendarProvider: FactoryProvider<WorkdaysCalendarHealth> = {
  provide: WorkdaysCalendarHealth,
  useFactory: (health: HealthIndicatorService, metrics: MetricsRegistry) => new WorkdaysCalendarHealth(health, metrics),
  inject: [HealthIndicatorService, MetricsRegistry],
};
