import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { JWK } from 'jose' with { 'resolution-mode': 'import' };
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AuthModule, CurrentPrincipal, type Principal, Roles, signToken } from '../src';

const ISSUER = 'https://idp.test.shandong.example';
const AUDIENCE = 'work-in-weihai';

@Controller()
class ProbeController {
  @Roles('applicant')
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}

/** The identity provider's key set, served over HTTP as a real provider would. */
async function serveJwks(keys: JWK[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, server };
}

type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });
type SigningKey = Parameters<InstanceType<Jose['SignJWT']>['sign']>[0];

describe('RS256 tokens verified against the identity provider\'s JWKS', () => {
  let jose: Jose;
  let app: INestApplication;
  let jwks: { url: string; server: Server };
  let providerKey: SigningKey;
  let strangerKey: SigningKey;

  const rs256 = (key: SigningKey, claims: Record<string, unknown>, kid = 'provider-2026') =>
    new jose.SignJWT({ role: 'applicant', passportNo: 'E12345678', nationality: 'GBR', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('applicant-jwks')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  beforeAll(async () => {
    // jose is published as ES modules only.
    jose = await import('jose');
    const provider = await jose.generateKeyPair('RS256', { extractable: true });
    providerKey = provider.privateKey;
    strangerKey = (await jose.generateKeyPair('RS256')).privateKey;
    jwks = await serveJwks([{ ...(await jose.exportJWK(provider.publicKey)), kid: 'provider-2026', alg: 'RS256', use: 'sig' }]);
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE, maxLifetimeSeconds: 3600 })],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    jwks?.server.close();
  });

  it('admits a token the provider signed, with the identity it verified', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${await rs256(providerKey, {})}`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ subject: 'applicant-jwks', role: 'applicant', identity: { passportNo: 'E12345678', nationality: 'GBR' } });
  });

  it('refuses a token signed by a key the provider does not publish, even under its key id', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${await rs256(strangerKey, {})}`);

    expect(response.status).toBe(401);
  });

  it('refuses an HS256 token when only the JWKS is configured (no algorithm confusion)', async () => {
    const hs256 = signToken('any-secret-at-all', { subject: 'x', role: 'applicant', passportNo: 'E12345678', nationality: 'GBR', issuer: ISSUER, audience: AUDIENCE });

    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${hs256}`);

    expect(response.status).toBe(401);
  });

  it('refuses a provider-signed token for another audience', async () => {
    const token = await new jose.SignJWT({ role: 'applicant', passportNo: 'E12345678', nationality: 'GBR' })
      .setProtectedHeader({ alg: 'RS256', kid: 'provider-2026' })
      .setSubject('applicant-jwks')
      .setIssuer(ISSUER)
      .setAudience('another-platform')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(providerKey);

    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${token}`);

    expect(response.status).toBe(401);
    expect(response.body.error.messages.en).toMatch(/aud/);
  });

  it('answers 503, not 401 and never 200, while the provider\'s keys cannot be fetched', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json', issuer: ISSUER, audience: AUDIENCE, maxLifetimeSeconds: 3600 })],
      controllers: [ProbeController],
    }).compile();
    const unreachable = moduleRef.createNestApplication({ logger: false });
    await unreachable.init();
    try {
      const response = await request(unreachable.getHttpServer()).get('/me').set('Authorization', `Bearer ${await rs256(providerKey, {})}`);

      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('identity_provider_unavailable');
    } finally {
      await unreachable.close();
    }
  });
});
