import type { CatalogueParameters } from '@work-permit/catalogue';
import { dueDate, type IsoDate, type Pause } from '@work-permit/workdays';
import { assertIsoDate } from './calendar-date';

/**
 * The last day for the decision: `decisionCalendarDays` calendar days (Art. 30: 15) counted from the
 * day after `acceptedOn`, the day the materials were complete. A calendar-day limit ending on a
 * holiday is not moved. With pauses for supplement requests it follows workdays' `dueDate`, and is
 * undefined while an unanswered request holds the clock.
 */
export function decisionDueDate(acceptedOn: IsoDate, parameters: CatalogueParameters): IsoDate;
export function decisionDueDate(acceptedOn: IsoDate, parameters: CatalogueParameters, pauses: readonly Pause[]): IsoDate | undefined;
export function decisionDueDate(acceptedOn: IsoDate, parameters: CatalogueParameters, pauses: readonly Pause[] = []): IsoDate | undefined {
  assertIsoDate(acceptedOn, 'acceptedOn');
  return dueDate(acceptedOn, { amount: parameters.residencePermit.decisionCalendarDays, unit: 'calendar_days' }, pauses);
}
