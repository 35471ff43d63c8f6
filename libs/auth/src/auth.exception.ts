export enum AuthExceptionCode {
  MISSING_TOKEN = 'MISSING_TOKEN',
  INVALID_TOKEN = 'INVALID_TOKEN',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  AGENCY_NOT_ALLOWED = 'AGENCY_NOT_ALLOWED',
  MISSING_SECRET = 'MISSING_SECRET',
  INSECURE_SECRET = 'INSECURE_SECRET',
}

/** Every failure of authentication, authorization or auth configuration; mapped to HTTP only in the guards. */
export class AuthException extends Error {
  override readonly name = 'AuthException';

  constructor(
    readonly code: AuthExceptionCode,
    message: string,
  ) {
    super(message);
  }
}
