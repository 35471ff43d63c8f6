import type { INestApplication } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { bearer, bearerWithClaims, createAuthTestApp, TEST_SECRET } from '../test/auth-test-app';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LOCAL_TOKEN_AUDIENCE, LOCAL_TOKEN_ISSUER } from './token-verification';

const USCC = '91371000MA3C5LXX0F';
const now = () => Math.floor(Date.now() / 1000);
const unauthenticated = { error: { code: 'unauthenticated', message: '身份令牌无效或已过期，请重新登录', messages: { zh: '身份令牌无效或已过期，请重新登录', en: expect.any(String) } } };

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe(JwtAuthGuard.name, () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createAuthTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('admits a valid token and sets the principal', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', bearer({ subject: 'officer-7', role: 'officer', agency: 'psb' }));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ subject: 'officer-7', role: 'officer', agency: 'psb' });
  });

  it('answers 401 with the API error body when no token is sent', async () => {
    const response = await request(app.getHttpServer()).get('/me');

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String), messages: { zh: expect.any(String), en: 'a bearer token is required' } } });
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 401 to an Authorization header of another scheme', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', 'Basic dXNlcjpwYXNz');

    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthenticated);
  });

  it('answers 401 to a token signed with another secret', async () => {
    const forged = sign({ sub: 'applicant-1', role: 'admin' }, 'not-the-secret', { algorithm: 'HS256', expiresIn: 600, issuer: LOCAL_TOKEN_ISSUER, audience: LOCAL_TOKEN_AUDIENCE });

    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${forged}`);

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String), messages: { zh: expect.any(String), en: 'the bearer token is invalid' } } });
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('answers 401 to an expired token', async () => {
    const response = await request(app.getHttpServer())
      .get('/me')
      .set('Authorization', bearer({ subject: 'applicant-1', role: 'applicant', identity: { passportNo: 'E12345678', nationality: 'GBR' } }, -60));

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String), messages: { zh: expect.any(String), en: 'the bearer token has expired' } } });
  });

  it('answers 401 to an unsigned token (alg none)', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'admin-1', role: 'admin', exp })}.`;

    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${unsigned}`);

    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthenticated);
  });

  it('answers 401 to a token signed with the right secret but another algorithm', async () => {
    const hs512 = sign({ sub: 'admin-1', role: 'admin' }, TEST_SECRET, { algorithm: 'HS512', expiresIn: 600, issuer: LOCAL_TOKEN_ISSUER, audience: LOCAL_TOKEN_AUDIENCE });

    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${hs512}`);

    expect(response.status).toBe(401);
  });

  it('answers 401 to a token without an expiry', async () => {
    const everlasting = sign({ sub: 'admin-1', role: 'admin' }, TEST_SECRET, { algorithm: 'HS256', issuer: LOCAL_TOKEN_ISSUER, audience: LOCAL_TOKEN_AUDIENCE });

    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${everlasting}`);

    expect(response.status).toBe(401);
    expect(response.body.error.messages.en).toMatch(/exp/);
  });

  it.each([
    ['another issuer', { iss: 'https://someone-else.example' }, /iss/],
    ['no issuer', { iss: undefined }, /iss/],
    ['another audience', { aud: 'another-platform' }, /aud/],
    ['no issue time', { iat: undefined }, /iat/],
  ])('answers 401 naming the claim to a token with %s', async (_label, claims, message) => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', bearerWithClaims({ sub: 'admin-1', role: 'admin', ...claims }));

    expect(response.status).toBe(401);
    expect(response.body.error.messages.en).toMatch(message);
  });

  it('answers 401 to a token that lives longer than the cap, however valid it is', async () => {
    const response = await request(app.getHttpServer())
      .get('/me')
      .set('Authorization', bearerWithClaims({ sub: 'admin-1', role: 'admin', iat: now(), exp: now() + 13 * 3600 }));

    expect(response.status).toBe(401);
    expect(response.body.error.messages.en).toMatch(/at most 43200 s/);
  });

  it('answers 401 to an applicant token that carries no verified identity', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', bearerWithClaims({ sub: 'applicant-1', role: 'applicant' }));

    expect(response.status).toBe(401);
    expect(response.body.error.messages.en).toMatch(/claim passportNo/);
  });

  it('reads the verified identity of an applicant, passport number normalised', async () => {
    const response = await request(app.getHttpServer())
      .get('/me')
      .set('Authorization', bearerWithClaims({ sub: 'applicant-1', role: 'applicant', passportNo: 'e 1234 5678', nationality: 'GBR' }));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ subject: 'applicant-1', role: 'applicant', identity: { passportNo: 'E12345678', nationality: 'GBR' } });
  });

  it('answers 401 naming the claim when an officer token has no agency', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', bearerWithClaims({ sub: 'officer-7', role: 'officer' }));

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String), messages: { zh: expect.any(String), en: 'claim agency is required for role officer' } } });
  });

  it('answers 401 naming the claim when the role is unknown', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', bearerWithClaims({ sub: 'root', role: 'superuser' }));

    expect(response.status).toBe(401);
    expect(response.body.error.messages.en).toMatch(/^claim role must be one of/);
  });

  it('lets an anonymous caller through a public route', async () => {
    const response = await request(app.getHttpServer()).get('/catalogue');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ principal: null });
  });

  it('sets the principal on a public route when a valid token is sent', async () => {
    const response = await request(app.getHttpServer()).get('/catalogue').set('Authorization', bearer({ subject: 'employer-3', role: 'employer', uscc: USCC }));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ principal: { subject: 'employer-3', role: 'employer', uscc: USCC } });
  });

  it('ignores an invalid token on a public route', async () => {
    const response = await request(app.getHttpServer()).get('/catalogue').set('Authorization', 'Bearer not-a-jwt');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ principal: null });
  });

  it('lets an anonymous caller through every route of a public controller', async () => {
    const response = await request(app.getHttpServer()).get('/health');

    expect(response.status).toBe(200);
  });
});
