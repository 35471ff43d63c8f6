import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertAccess } from './access-policy';
import { AGENCIES_KEY } from './agencies.decorator';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { toHttpException } from './auth-http-error';
import type { AuthRequest } from './auth-request';
import type { Agency, Role } from './principal';
import { IS_PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/**
 * Enforces `@Roles` and `@Agencies` on the principal `JwtAuthGuard` has set. Closed by default: a
 * route that is not `@Public()` and names no roles is refused to every caller, so a forgotten
 * annotation never opens an endpoint.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const agencies = this.reflector.getAllAndOverride<Agency[] | undefined>(AGENCIES_KEY, targets);
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
    if (roles === undefined && agencies === undefined && isPublic) return true;
    const { principal } = context.switchToHttp().getRequest<AuthRequest>();
    try {
      if (roles === undefined) {
        throw new AuthException(AuthExceptionCode.NO_ACCESS_RULE, 'this endpoint declares no roles that may call it, so nobody may');
      }
      // Reached without a principal only on a @Public route that also restricts its callers.
      if (principal === undefined) throw new AuthException(AuthExceptionCode.MISSING_TOKEN, 'a bearer token is required');
      assertAccess(principal, { roles, agencies });
      return true;
    } catch (error) {
      throw error instanceof AuthException ? toHttpException(error) : error;
    }
  }
}
