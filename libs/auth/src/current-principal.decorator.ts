import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { toHttpException } from './auth-http-error';
import type { AuthRequest } from './auth-request';

export interface CurrentPrincipalOptions {
  /** On a @Public route: inject `undefined` for an anonymous caller instead of answering 401. */
  optional?: boolean;
}

/** Injects the verified caller (`Principal`). */
export const CurrentPrincipal = createParamDecorator((options: CurrentPrincipalOptions | undefined, context: ExecutionContext) => {
  const { principal } = context.switchToHttp().getRequest<AuthRequest>();
  if (principal === undefined && options?.optional !== true) {
    throw toHttpException(new AuthException(AuthExceptionCode.MISSING_TOKEN, 'a bearer token is required'));
  }
  return principal;
});
