import type { CatalogueParameters } from '@work-permit/catalogue';
import { addCalendarDays, type IsoDate } from '@work-permit/workdays';
import { assertIsoDate } from './input-assertions';

/**
 * The last day the employer may register the foreigner for social insurance:
 * `socialInsurance.registerWithinDaysOfPermit` calendar days (Order No. 16: 30) counted from the day
 * after the work permit starts.
 */
export function registrationDeadline(workPermitValidFrom: IsoDate, parameters: CatalogueParameters): IsoDate {
  assertIsoDate(workPermitValidFrom, 'workPermit.validFrom');
  return addCalendarDays(workPermitValidFrom, parameters.socialInsurance.registerWithinDaysOfPermit);
}
