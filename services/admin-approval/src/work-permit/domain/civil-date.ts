import { message } from '@work-permit/catalogue';
import { type IsoDate, isIsoDate } from '@work-permit/workdays';
import { WorkPermitError, WorkPermitErrorCode } from './work-permit.exception';

/** `field` names the value: a form path (shown by its label) or the argument's name. */
export function assertIsoDate(value: unknown, field: string): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new WorkPermitError(WorkPermitErrorCode.InvalidDate, message('work_permit.input.invalid_date', { field, value: JSON.stringify(value) ?? String(value) }));
  }
}
