import { type IsoDate, isIsoDate } from '@work-permit/workdays';
import { TalentError, TalentErrorCode } from './talent.exception';

export function assertIsoDate(value: unknown, argument: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new TalentError(TalentErrorCode.InvalidDate, `${argument} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
}
