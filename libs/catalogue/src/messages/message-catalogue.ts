import type { Phrase } from './phrase';
import { CONSENT_MESSAGES } from './texts/consent.messages';
import { DRAFTS_MESSAGES } from './texts/drafts.messages';
import { FIELD_MESSAGES } from './texts/field.messages';
import { FORECAST_MESSAGES } from './texts/forecast.messages';
import { GENERAL_MESSAGES } from './texts/general.messages';
import { LIFECYCLE_MESSAGES } from './texts/lifecycle.messages';
import { NOTIFICATION_MESSAGES } from './texts/notification.messages';
import { OPERATIONS_MESSAGES } from './texts/operations.messages';
import { PORTAL_MESSAGES } from './texts/portal.messages';
import { REFUSAL_MESSAGES } from './texts/refusal.messages';
import { RESIDENCE_PERMIT_MESSAGES } from './texts/residence-permit.messages';
import { REVIEW_MESSAGES } from './texts/review.messages';
import { SELECTION_MESSAGES } from './texts/selection.messages';
import { SHARING_MESSAGES } from './texts/sharing.messages';
import { SOCIAL_SECURITY_MESSAGES } from './texts/social-security.messages';
import { TALENT_MESSAGES } from './texts/talent.messages';
import { WORK_PERMIT_MESSAGES } from './texts/work-permit.messages';

/**
 * The platform's one message catalogue: every reason, finding, refusal, supplement request,
 * termination, notification and statistics reason, by code, in Chinese and English.
 */
export const MESSAGES = {
  ...GENERAL_MESSAGES,
  ...FIELD_MESSAGES,
  ...REVIEW_MESSAGES,
  ...REFUSAL_MESSAGES,
  ...LIFECYCLE_MESSAGES,
  ...SELECTION_MESSAGES,
  ...WORK_PERMIT_MESSAGES,
  ...TALENT_MESSAGES,
  ...RESIDENCE_PERMIT_MESSAGES,
  ...SOCIAL_SECURITY_MESSAGES,
  ...NOTIFICATION_MESSAGES,
  ...PORTAL_MESSAGES,
  ...SHARING_MESSAGES,
  ...OPERATIONS_MESSAGES,
  ...FORECAST_MESSAGES,
  ...DRAFTS_MESSAGES,
  ...CONSENT_MESSAGES,
};

export type MessageCatalogue = typeof MESSAGES;
export type MessageCode = keyof MessageCatalogue;
export type ParamsOf<C extends MessageCode> = MessageCatalogue[C] extends Phrase<infer P> ? P : never;

/** Every phrase by code, for the catalogue's own test and lookups by a code read from data. */
export const PHRASES: Readonly<Record<string, Phrase>> = MESSAGES as unknown as Record<string, Phrase>;
