import { LOCAL_DEVELOPMENT_JWT_SECRET } from '@work-permit/auth';
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
    });

    it('tells the front how to sign in, where the agencies are and the upload limit', async () => {
      const response = await fetch(`${portal.url}/api/web-config`);
      expect(await response.json()).toEqual({
        authMode: 'local',
        materialsMaxBytes: portal.config.MATERIALS_MAX_BYTES,
        services: { approval: 'http://127.0.0.1:3001', scitech: 'http://127.0.0.1:3002', psb: 'https://crj.weihai.example', hrss: 'http://127.0.0.1:3004', bigdata: 'http://127.0.0.1:3005' },
      });
    });

    it('mints a token for the chosen role and agency that the services accept', async () => {
      const { status, body } = await post(`${portal.url}/api/auth/local-token`, { role: 'officer', agency: 'psb', subject: 'officer-7' });
      expect(status).toBe(200);
      expect(verify(body.token!, LOCAL_DEVELOPMENT_JWT_SECRET)).toMatchObject({ sub: 'officer-7', role: 'officer', agency: 'psb' });
      const asOfficer = await fetch(`${portal.url}/api/cases/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${body.token}` } });
      expect(asOfficer.status).toBe(404); // authenticated and allowed; the case just does not exist
    });

    it('names every bad field of a sign-in request', async () => {
      const { status, body } = await post(`${portal.url}/api/auth/local-token`, { role: 'officer', subject: 'bad id!', extra: 1 });
      expect(status).toBe(400);
      expect(body.error!.details!.map((d) => d.field).sort()).toEqual(['agency', 'extra', 'subject']);
    });
  });

  describe('with the identity provider configured', () => {
    let portal: ServiceUnderTest<PortalConfig>;
    beforeAll(async () => {
      portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config), {
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
        AUTH_JWT_SECRET: 'a-real-secret-from-the-vault-0123456789',
        WEB_DIST_DIR: webDist(),
      });
    });
    afterAll(() => portal?.close());

    it('never offers the local sign-in, even without a provider address', async () => {
      expect(await (await fetch(`${portal.url}/api/web-config`)).json()).toMatchObject({ authMode: 'provider' });
      expect((await post(`${portal.url}/api/auth/local-token`, { role: 'applicant' })).status).toBe(404);
    });
  });
});
