import { localize, message, type Message } from '@work-permit/catalogue';
import { type ApiErrorBody, localizedApiError } from '@work-permit/platform';

/**
 * The portal's refusals in the catalogue's words: the error body carries both languages (`messages`)
 * and the platform's filter answers in the request's (Chinese by default).
 */
export function refusalBody(code: string, reason: Message, details?: unknown[]): ApiErrorBody {
  return localizedApiError(code, localize(reason), details);
}

export { fieldProblem } from '@work-permit/catalogue';

/** The top-level text of every 400 that lists offending fields. */
export const INVALID_FIELDS: Message = message('error.validation_failed');
