import { message } from '@work-permit/catalogue';
import { type IsoDate, isIsoDate } from '@work-permit/workdays';
import { ResidencePermitError, ResidencePermitErrorCode } from './residence-permit.exception';

export function assertIsoDate(value: unknown, name: string): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new ResidencePermitError(ResidencePermitErrorCode.InvalidArgument, message('residence_permit.invalid.date', { field: name, value: JSON.stringify(value) ?? String(value) }));
  }
}
