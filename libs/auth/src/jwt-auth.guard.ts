import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { TokenExpiredError } from 'jsonwebtoken';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { toHttpException } from './auth-http-error';
import type { AuthRequest, AuthResponse } from './auth-request';
import { type Principal, principalFromClaims } from './principal';
import { IS_PUBLIC_KEY } from './public.decorator';

const BEARER = /^Bearer +([^\s]+) *$/i;

/** Verifies `Authorization: Bearer <jwt>` and puts the caller on `request.principal`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
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
      if (isPublic) return true;
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
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch (error) {
      const message = error instanceof TokenExpiredError ? 'the bearer token has expired' : 'the bearer token is invalid';
      throw new AuthException(AuthExceptionCode.INVALID_TOKEN, message);
    }
    // jsonwebtoken accepts a token without `exp`; such a token would never expire.
    if (typeof claims['exp'] !== 'number') {
      throw new AuthException(AuthExceptionCode.INVALID_TOKEN, 'claim exp is required');
    }
    return principalFromClaims(claims);
  }
}
