import { LOCAL_DEVELOPMENT_JWT_SECRET, LOCAL_TOKEN_AUDIENCE, LOCAL_TOKEN_ISSUER } from '@work-permit/auth';
import { startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { verify } from 'jsonwebtoken';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';

/** A built front stand-in: the portal serves whatever dist/web holds. */
function webDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>web front</title><div id="root"></div>');
  return dir;
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { token?: string; error?: { details?: { field: string }[] } } };
}

describe('portal: the web front, its settings and the local sign-in', () => {
  describe('local mode', () => {
    let portal: ServiceUnderTest<PortalConfig>;
    beforeAll(async () => {
      portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config), {
        AUTH_LOCAL_SIGN_IN: 'true',
        WEB_DIST_DIR: webDist(),
        WEB_AGENCY_URLS: 'psb=https://crj.weihai.example/',
      });
    });
    afterAll(() => portal?.close());

    it('serves the front at / and at any page path, but not in place of an unknown API path', async () => {
      for (const path of ['/', '/officer/cases/123', '/clerk/receipt/abc']) {
        const response = await fetch(`${portal.url}${path}`);
        expect({ path, status: response.status, body: await response.text() }).toEqual({ path, status: 200, body: expect.stringContaining('web front') });
      }
      const api = await fetch(`${portal.url}/api/no-such-thing`);
      expect(api.status).toBe(404);
      expect(await api.json()).toHaveProperty('error.code');
      // The probes answer as themselves, never as the front's page.
      for (const probe of ['/health', '/health/live', '/health/ready']) {
        const response = await fetch(`${portal.url}${probe}`);
        expect({ probe, status: response.status, body: await response.json() }).toMatchObject({ probe, status: 200, body: { status: 'ok' } });
      }
    });

    it("lets the front's pages fetch from the agencies it names, and nowhere else", async () => {
      const policy = (await fetch(`${portal.url}/`)).headers.get('content-security-policy') ?? '';
      expect(policy).toMatch(/connect-src 'self'[^;]*https:\/\/crj\.weihai\.example/);
      expect(policy).toContain('http://127.0.0.1:3001');
      expect(policy).toContain("script-src 'self'");
    });

    it('tells the front how to sign in, where the agencies are, the upload limit and the document types taken', async () => {
      const response = await fetch(`${portal.url}/api/web-config`);
      expect(await response.json()).toEqual({
        authMode: 'local',
        materialsMaxBytes: portal.config.MATERIALS_MAX_BYTES,
        materialsContentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
        services: { approval: 'http://127.0.0.1:3001', scitech: 'http://127.0.0.1:3002', psb: 'https://crj.weihai.example', hrss: 'http://127.0.0.1:3004', bigdata: 'http://127.0.0.1:3005' },
      });
    });

    const verified = (token: string) => verify(token, LOCAL_DEVELOPMENT_JWT_SECRET, { issuer: LOCAL_TOKEN_ISSUER, audience: LOCAL_TOKEN_AUDIENCE });

    it('mints a token for the chosen role and agency that the services accept', async () => {
      const { status, body } = await post(`${portal.url}/api/auth/local-token`, { role: 'officer', agency: 'psb', subject: 'officer-7' });
      expect(status).toBe(200);
      expect(verified(body.token!)).toMatchObject({ sub: 'officer-7', role: 'officer', agency: 'psb', iss: LOCAL_TOKEN_ISSUER, aud: LOCAL_TOKEN_AUDIENCE });
      const asOfficer = await fetch(`${portal.url}/api/cases/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${body.token}` } });
      expect(asOfficer.status).toBe(404); // authenticated and allowed; the case just does not exist
    });

    it("signs an applicant in as the identity named, standing in for the provider's real-name check, and an employer as its credit code", async () => {
      const applicant = await post(`${portal.url}/api/auth/local-token`, { role: 'applicant', subject: 'applicant-9', passportNo: 'c01x00t47', nationality: 'DEU' });
      expect(applicant.status).toBe(200);
      expect(verified(applicant.body.token!)).toMatchObject({ sub: 'applicant-9', role: 'applicant', passportNo: 'C01X00T47', nationality: 'DEU' });
      const mine = await fetch(`${portal.url}/api/cases?mine=true`, { headers: { authorization: `Bearer ${applicant.body.token}` } });
      expect(mine.status).toBe(200);

      const employer = await post(`${portal.url}/api/auth/local-token`, { role: 'employer', uscc: '91371000MA3C5LXX0F' });
      expect(employer.status).toBe(200);
      expect(verified(employer.body.token!)).toMatchObject({ role: 'employer', uscc: '91371000MA3C5LXX0F' });
      expect(verified(employer.body.token!)).not.toHaveProperty('passportNo');
    });

    it('names every bad field of a sign-in request, the identity an applicant or employer needs included', async () => {
      const { status, body } = await post(`${portal.url}/api/auth/local-token`, { role: 'officer', subject: 'bad id!', extra: 1 });
      expect(status).toBe(400);
      expect(body.error!.details!.map((d) => d.field).sort()).toEqual(['agency', 'extra', 'subject']);
      const applicant = await post(`${portal.url}/api/auth/local-token`, { role: 'applicant' });
      expect(applicant.status).toBe(400);
      expect(applicant.body.error!.details!.map((d) => d.field).sort()).toEqual(['nationality', 'passportNo']);
      const employer = await post(`${portal.url}/api/auth/local-token`, { role: 'employer', uscc: 'not-a-code' });
      expect(employer.body.error!.details!.map((d) => d.field)).toEqual(['uscc']);
    });
  });

  describe('without the local sign-in switched on', () => {
    let portal: ServiceUnderTest<PortalConfig>;
    beforeAll(async () => {
      portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config), { WEB_DIST_DIR: webDist() });
    });
    afterAll(() => portal?.close());

    it('offers no local sign-in outside production either', async () => {
      expect(await (await fetch(`${portal.url}/api/web-config`)).json()).toMatchObject({ authMode: 'provider' });
      expect((await post(`${portal.url}/api/auth/local-token`, { role: 'admin' })).status).toBe(404);
    });
  });

  describe('with the identity provider configured', () => {
    let portal: ServiceUnderTest<PortalConfig>;
    beforeAll(async () => {
      portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config), {
        AUTH_LOCAL_SIGN_IN: 'true',
        WEB_DIST_DIR: webDist(),
        AUTH_SIGN_IN_URL: 'https://idp.shandong.example/authorize?client_id=weihai',
      });
    });
    afterAll(() => portal?.close());

    it('sends the front to the provider and refuses to mint tokens', async () => {
      expect(await (await fetch(`${portal.url}/api/web-config`)).json()).toMatchObject({ authMode: 'provider', signInUrl: 'https://idp.shandong.example/authorize?client_id=weihai' });
      const { status } = await post(`${portal.url}/api/auth/local-token`, { role: 'admin' });
      expect(status).toBe(404);
    });
  });

  describe('in production', () => {
    let portal: ServiceUnderTest<PortalConfig>;
    beforeAll(async () => {
      portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config), {
        NODE_ENV: 'production',
        AUTH_LOCAL_SIGN_IN: 'true',
        AUTH_JWT_SECRET: 'a-real-secret-from-the-vault-0123456789',
        AUTH_ISSUER: 'https://idp.shandong.example',
        AUTH_AUDIENCE: 'work-in-weihai',
        APPLICANT_ID_KEY: 'an-applicant-id-key-from-the-vault-0123456789',
        WEB_DIST_DIR: webDist(),
      });
    });
    afterAll(() => portal?.close());

    it('never offers the local sign-in, even without a provider address', async () => {
      expect(await (await fetch(`${portal.url}/api/web-config`)).json()).toMatchObject({ authMode: 'provider' });
      expect((await post(`${portal.url}/api/auth/local-token`, { role: 'applicant', passportNo: 'C01X00T47', nationality: 'DEU' })).status).toBe(404);
      // Not even a malformed request learns that the endpoint exists.
      expect((await post(`${portal.url}/api/auth/local-token`, { role: 'nobody', extra: true })).status).toBe(404);
    });
  });
});
