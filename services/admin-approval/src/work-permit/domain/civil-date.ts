import { type IsoDate, isIsoDate } from '@work-permit/workdays';
import { WorkPermitError, WorkPermitErrorCode } from './work-permit.exception';

export function assertIsoDate(value: unknown, argument: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new WorkPermitError(WorkPermitErrorCode.InvalidDate, `${argument} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
}
