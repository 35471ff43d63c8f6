import { ForbiddenException, type HttpException, InternalServerErrorException, UnauthorizedException } from '@nestjs/common';
import { type AuthException, AuthExceptionCode } from './auth.exception';

/** The HTTP error (API.md error body) an auth failure leaves as. */
export function toHttpException(exception: AuthException): HttpException {
  switch (exception.code) {
    case AuthExceptionCode.MISSING_TOKEN:
    case AuthExceptionCode.INVALID_TOKEN:
      return new UnauthorizedException({ error: { code: 'unauthenticated', message: exception.message } });
    case AuthExceptionCode.ROLE_NOT_ALLOWED:
    case AuthExceptionCode.AGENCY_NOT_ALLOWED:
      return new ForbiddenException({ error: { code: 'forbidden', message: exception.message } });
    case AuthExceptionCode.MISSING_SECRET:
    case AuthExceptionCode.INSECURE_SECRET:
      return new InternalServerErrorException({ error: { code: 'internal', message: 'internal error' } });
  }
}
