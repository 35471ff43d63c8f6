import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';
import type { TokenVerification } from './token-verification';
import { TokenVerifier } from './token-verifier';

/**
 * Token verification for every HTTP route of the application: authentication first, then roles
 * and agencies. Routes opt out with `@Public()`; a route with neither `@Public()` nor `@Roles` is
 * refused to everyone (closed by default).
 */
@Module({})
export class AuthModule {
  /** `verification` from `resolveTokenVerification`. */
  static forRoot(verification: TokenVerification): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      // Nest runs global guards in the order they are provided: the roles guard needs the principal.
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(verification) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
