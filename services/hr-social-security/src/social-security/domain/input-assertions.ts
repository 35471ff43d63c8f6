import type { IsoDate } from '@work-permit/workdays';
import { SocialSecurityError, SocialSecurityErrorCode } from './social-security.exception';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ALPHA_3 = /^[A-Z]{3}$/;

/** A real civil date written `YYYY-MM-DD` (no 30 February). */
export function assertIsoDate(value: unknown, name: string): asserts value is IsoDate {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return;
  }
  throw invalid(`${name} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
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
