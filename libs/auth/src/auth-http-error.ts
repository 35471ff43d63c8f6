import { ForbiddenException, type HttpException, InternalServerErrorException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { type AuthException, AuthExceptionCode } from './auth.exception';

/** The HTTP error (API.md error body) an auth failure leaves as. */
export function toHttpException(exception: AuthException): HttpException {
  switch (exception.code) {
    case AuthExceptionCode.MISSING_TOKEN:
    case AuthExceptionCode.INVALID_TOKEN:
      return new UnauthorizedException({ error: { code: 'unauthenticated', message: exception.message } });
    case AuthExceptionCode.ROLE_NOT_ALLOWED:
    case AuthExceptionCode.AGENCY_NOT_ALLOWED:
    case AuthExceptionCode.NO_ACCESS_RULE:
      return new ForbiddenException({ error: { code: 'forbidden', message: exception.message } });
    case AuthExceptionCode.IDENTITY_MISMATCH:
      return new ForbiddenException({ error: { code: 'identity_mismatch', message: exception.message, details: exception.details ?? [] } });
    case AuthExceptionCode.KEYS_UNAVAILABLE:
      return new ServiceUnavailableException({ error: { code: 'identity_provider_unavailable', message: exception.message } });
    case AuthExceptionCode.INSECURE_CONFIGURATION:
      return new InternalServerErrorException({ error: { code: 'internal', message: 'internal error' } });
  }
}
