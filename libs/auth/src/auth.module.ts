import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';

export interface AuthModuleOptions {
  /** The HS256 secret; see `resolveJwtSecret`. */
  secret: string;
}

// Absorbs small clock differences between the token issuer and the services.
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Token verification for every HTTP route of the application: authentication first, then roles
 * and agencies. Routes opt out with `@Public()`.
 */
@Module({})
export class AuthModule {
  static forRoot({ secret }: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        JwtModule.register({
          secret,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS },
        }),
      ],
      // Nest runs global guards in the order they are provided: the roles guard needs the principal.
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}
