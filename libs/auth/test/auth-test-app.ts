import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { sign } from 'jsonwebtoken';
import { Agencies, AuthModule, CurrentPrincipal, LOCAL_TOKEN_AUDIENCE, LOCAL_TOKEN_ISSUER, type Principal, Public, ROLES, Roles, signToken } from '../src';

export const TEST_SECRET = 'auth-spec-secret-that-is-long-enough-for-hs256';

@Controller()
class ProbeController {
  @Public()
  @Get('catalogue')
  catalogue(@CurrentPrincipal({ optional: true }) principal: Principal | undefined): { principal: Principal | null } {
    return { principal: principal ?? null };
  }

  @Roles(...ROLES)
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  // No @Roles: closed to everyone.
  @Get('forgotten')
  forgotten(): { ok: true } {
    return { ok: true };
  }

  @Roles('clerk', 'admin')
  @Get('window')
  window(): { ok: true } {
    return { ok: true };
  }

  @Roles('officer', 'analyst')
  @Agencies('psb')
  @Get('psb/items')
  psbItems(): { ok: true } {
    return { ok: true };
  }
}

@Public()
@Controller('health')
class OpenController {
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Roles('officer')
@Controller('officers')
class OfficersController {
  @Get()
  list(): { ok: true } {
    return { ok: true };
  }

  @Roles('admin')
  @Get('admin')
  adminOnly(): { ok: true } {
    return { ok: true };
  }
}

/** A real Nest HTTP application with the auth module and one route per kind of restriction. */
export async function createAuthTestApp(): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AuthModule.forRoot({ hs256Secret: TEST_SECRET, issuer: LOCAL_TOKEN_ISSUER, audience: LOCAL_TOKEN_AUDIENCE, maxLifetimeSeconds: 12 * 3600 })],
    controllers: [ProbeController, OpenController, OfficersController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

export function bearer(principal: Principal, expiresInSeconds?: number): string {
  const { subject, role, agency, identity, uscc } = principal;
  return `Bearer ${signToken(TEST_SECRET, { subject, role, agency, ...identity, uscc, expiresInSeconds })}`;
}

/** A token with arbitrary claims, for the claim checks signToken's types would not allow. */
export function bearerWithClaims(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  // A claim given as undefined is left out; iat is ours to set (or leave out), not jsonwebtoken's.
  const payload = Object.fromEntries(Object.entries({ iss: LOCAL_TOKEN_ISSUER, aud: LOCAL_TOKEN_AUDIENCE, iat: now, exp: now + 600, ...claims }).filter(([, value]) => value !== undefined));
  // jsonwebtoken keeps a given iat, and drops it only with noTimestamp.
  return `Bearer ${sign(payload, TEST_SECRET, { algorithm: 'HS256', noTimestamp: payload['iat'] === undefined })}`;
}
