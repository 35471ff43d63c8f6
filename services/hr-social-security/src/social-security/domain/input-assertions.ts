import { type IsoDate, isIsoDate } from '@work-permit/workdays';
import { SocialSecurityError, SocialSecurityErrorCode } from './social-security.exception';

const ALPHA_3 = /^[A-Z]{3}$/;

/** A real civil date written `YYYY-MM-DD` (no 30 February). */
export function assertIsoDate(value: unknown, name: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw invalid(`${name} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/** An ISO 3166-1 alpha-3 code in capitals, as the case body carries `applicant.nationality`. */
export function assertNationality(value: unknown): asserts value is string {
  if (typeof value !== 'string' || !ALPHA_3.test(value)) throw invalid(`nationality must be an ISO 3166-1 alpha-3 code such as DEU, got ${JSON.stringify(value)}`);
}

export function assertPresent(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${name} is required`);
}

function invalid(message: string): SocialSecurityError {
  return new SocialSecurityError(SocialSecurityErrorCode.InvalidArgument, message);
}
