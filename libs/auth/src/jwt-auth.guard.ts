import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { toHttpException } from './auth-http-error';
import type { AuthRequest, AuthResponse } from './auth-request';
import { type Principal, principalFromClaims } from './principal';
import { IS_PUBLIC_KEY } from './public.decorator';
import { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer +([^\s]+) *$/i;

/** Verifies `Authorization: Bearer <jwt>` and puts the caller on `request.principal`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Bus handlers (@EventPattern) carry no caller; their trust comes from the broker, not a token.
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]) === true;
    try {
      request.principal = await this.authenticate(request);
      return true;
    } catch (error) {
      if (!(error instanceof AuthException)) throw error;
      if (isPublic && error.code !== AuthExceptionCode.KEYS_UNAVAILABLE) return true;
      const scheme = error.code === AuthExceptionCode.MISSING_TOKEN ? 'Bearer' : 'Bearer error="invalid_token"';
      context.switchToHttp().getResponse<AuthResponse>().setHeader('WWW-Authenticate', scheme);
      throw toHttpException(error);
    }
  }

  private async authenticate(request: AuthRequest): Promise<Principal> {
    const header = request.headers['authorization'];
    if (header === undefined || header === '') {
      throw new AuthException(AuthExceptionCode.MISSING_TOKEN, 'a bearer token is required');
    }
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (token === undefined) {
      throw new AuthException(AuthExceptionCode.INVALID_TOKEN, 'the Authorization header must be "Bearer <token>"');
    }
    return principalFromClaims(await this.verifier.claimsOf(token));
  }
}
