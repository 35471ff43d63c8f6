import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { sign } from 'jsonwebtoken';
import { Agencies, AuthModule, CurrentPrincipal, type Principal, Public, Roles, signToken } from '../src';

export const TEST_SECRET = 'auth-spec-secret-that-is-long-enough-for-hs256';

@Controller()
class ProbeController {
  @Public()
  @Get('catalogue')
  catalogue(@CurrentPrincipal({ optional: true }) principal: Principal | undefined): { principal: Principal | null } {
    return { principal: principal ?? null };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
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
    imports: [AuthModule.forRoot({ secret: TEST_SECRET })],
    controllers: [ProbeController, OpenController, OfficersController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

export function bearer(principal: Principal, expiresInSeconds?: number): string {
  return `Bearer ${signToken(TEST_SECRET, { subject: principal.subject, role: principal.role, agency: principal.agency, expiresInSeconds })}`;
}

/** A token with arbitrary claims, for the claim checks signToken's types would not allow. */
export function bearerWithClaims(claims: Record<string, unknown>): string {
  return `Bearer ${sign({ exp: Math.floor(Date.now() / 1000) + 600, ...claims }, TEST_SECRET, { algorithm: 'HS256' })}`;
}
