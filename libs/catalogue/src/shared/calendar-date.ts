import { isIsoDate } from '@work-permit/workdays';
import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';

// The date arithmetic itself is workdays' (one copy for every rule); only the catalogue's own error is here.
export { addMonths, ageOn, daysBetween, isIsoDate as isCalendarDate } from '@work-permit/workdays';

export function assertCalendarDate(value: unknown, name: string): asserts value is string {
  if (!isIsoDate(value)) throw new CatalogueError(CatalogueErrorCode.InvalidArgument, `${name} must be a date YYYY-MM-DD, got ${String(value)}`);
}
