import { ForbiddenException } from '@nestjs/common';
import { localize, type Message } from '@work-permit/catalogue';
import { type FieldError, localizedApiError } from '@work-permit/platform';

export { fieldProblem } from '@work-permit/catalogue';

/** `403 identity_mismatch`: the request names someone (a person, an agency) other than the token does. */
export function identityMismatch(reason: Message, details: FieldError[]): ForbiddenException {
  return new ForbiddenException(localizedApiError('identity_mismatch', localize(reason), details));
}

/** `403 forbidden`, with the catalogue's reason. */
export function forbidden(reason: Message): ForbiddenException {
  return new ForbiddenException(localizedApiError('forbidden', localize(reason)));
}
