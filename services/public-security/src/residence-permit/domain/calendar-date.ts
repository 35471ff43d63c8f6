import { type IsoDate, isIsoDate } from '@work-permit/workdays';
import { ResidencePermitError, ResidencePermitErrorCode } from './residence-permit.exception';

export function assertIsoDate(value: unknown, name: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new ResidencePermitError(ResidencePermitErrorCode.InvalidArgument, `${name} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
}
