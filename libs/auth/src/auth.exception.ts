export enum AuthExceptionCode {
  MISSING_TOKEN = 'MISSING_TOKEN',
  INVALID_TOKEN = 'INVALID_TOKEN',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  AGENCY_NOT_ALLOWED = 'AGENCY_NOT_ALLOWED',
  IDENTITY_MISMATCH = 'IDENTITY_MISMATCH',
  NO_ACCESS_RULE = 'NO_ACCESS_RULE',
  INSECURE_CONFIGURATION = 'INSECURE_CONFIGURATION',
  KEYS_UNAVAILABLE = 'KEYS_UNAVAILABLE',
}

export interface AuthErrorDetail {
  field: string;
  message: string;
}

/** Every failure of authentication, authorization or auth configuration; mapped to HTTP only at the edge. */
export class AuthException extends Error {
  override readonly name = 'AuthException';

  constructor(
    readonly code: AuthExceptionCode,
    message: string,
    readonly details?: AuthErrorDetail[],
  ) {
    super(message);
  }
}
