import { message } from '@work-permit/catalogue';
import { type IsoDate, isIsoDate } from '@work-permit/workdays';
import { TalentError, TalentErrorCode } from './talent.exception';

export function assertIsoDate(value: unknown, argument: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new TalentError(TalentErrorCode.InvalidDate, message('talent.invalid.date', { field: argument, value: asReceived(value) }));
}

/** A value as received, for an officer reading why the rules stopped: JSON, or its type when JSON cannot write it. */
export function asReceived(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
