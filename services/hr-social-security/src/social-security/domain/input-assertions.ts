import { message, type Message } from '@work-permit/catalogue';
import { type IsoDate, isIsoDate } from '@work-permit/workdays';
import { SocialSecurityError, SocialSecurityErrorCode } from './social-security.exception';

const ALPHA_3 = /^[A-Z]{3}$/;

// `name` says what the value is: a form field's path (`title.series`), or one of the other values the
// rules read (`applicantId`, `socialSecurityNo`, `workPermit.permitNo`, `workPermit.validFrom`,
// `workPermit.validTo`). The catalogue names it in each language.

/** A real civil date written `YYYY-MM-DD` (no 30 February). */
export function assertIsoDate(value: unknown, name: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw invalid(message('social_security.input.not_a_date', { field: name, value: shown(value) }));
}

/** An ISO 3166-1 alpha-3 code in capitals, as the case body carries `applicant.nationality`. */
export function assertNationality(value: unknown): asserts value is string {
  if (typeof value !== 'string' || !ALPHA_3.test(value)) throw invalid(message('social_security.input.nationality', { value: shown(value) }));
}

export function assertPresent(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(message('social_security.input.required', { field: name }));
}

/** The value as it came, for the reason (absent when there was none). */
function shown(value: unknown): string | undefined {
  return JSON.stringify(value) as string | undefined;
}

function invalid(reason: Message): SocialSecurityError {
  return new SocialSecurityError(SocialSecurityErrorCode.InvalidArgument, reason);
}
