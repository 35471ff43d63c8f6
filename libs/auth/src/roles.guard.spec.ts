import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer, createAuthTestApp } from '../test/auth-test-app';
import { RolesGuard } from './roles.guard';

describe(RolesGuard.name, () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createAuthTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('admits a role the route allows', async () => {
    const response = await request(app.getHttpServer()).get('/window').set('Authorization', bearer({ subject: 'clerk-1', role: 'clerk' }));

    expect(response.status).toBe(200);
  });

  it('answers 403 with the API error body to a role the route does not allow', async () => {
    const response = await request(app.getHttpServer()).get('/window').set('Authorization', bearer({ subject: 'applicant-1', role: 'applicant', identity: { passportNo: 'E12345678', nationality: 'GBR' } }));

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      error: { code: 'forbidden', message: '您的身份无权执行此操作', messages: { zh: '您的身份无权执行此操作', en: "this endpoint is for clerk, admin; the caller's role is applicant" } },
    });
  });

  it('answers 401, not 403, when the token is missing on a restricted route', async () => {
    const response = await request(app.getHttpServer()).get('/window');

    expect(response.status).toBe(401);
  });

  it('admits an officer of a listed agency', async () => {
    const response = await request(app.getHttpServer())
      .get('/psb/items')
      .set('Authorization', bearer({ subject: 'officer-7', role: 'officer', agency: 'psb' }));

    expect(response.status).toBe(200);
  });

  it('answers 403 to an officer of another agency', async () => {
    const response = await request(app.getHttpServer())
      .get('/psb/items')
      .set('Authorization', bearer({ subject: 'officer-8', role: 'officer', agency: 'hrss' }));

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      error: { code: 'forbidden', message: expect.any(String), messages: { zh: expect.any(String), en: 'this endpoint is for officers of psb; the caller is an officer of hrss' } },
    });
  });

  it('leaves a non-officer on an agency route to its role', async () => {
    const response = await request(app.getHttpServer())
      .get('/psb/items')
      .set('Authorization', bearer({ subject: 'analyst-1', role: 'analyst', agency: 'bigdata' }));

    expect(response.status).toBe(200);
  });

  it('applies a controller-level @Roles to its routes', async () => {
    const response = await request(app.getHttpServer()).get('/officers').set('Authorization', bearer({ subject: 'admin-1', role: 'admin' }));

    expect(response.status).toBe(403);
  });

  it('lets a handler-level @Roles replace its controller-level one', async () => {
    const response = await request(app.getHttpServer()).get('/officers/admin').set('Authorization', bearer({ subject: 'admin-1', role: 'admin' }));

    expect(response.status).toBe(200);
  });

  it('refuses every caller, even an admin, on a route that declares no roles', async () => {
    const response = await request(app.getHttpServer()).get('/forgotten').set('Authorization', bearer({ subject: 'admin-1', role: 'admin' }));

    expect(response.status).toBe(403);
    expect(response.body.error.messages.en).toMatch(/declares no roles/);
  });
});
