import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import { chinaDateOf } from '@work-permit/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';

const token = (role: Role, agency?: Agency, subject = `${role}-${randomUUID()}`) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role, agency });
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MAX_BYTES = 64 * 1024;

const TWO_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
];

/** An upload's answer: the document, or the error body. */
interface UploadAnswer {
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
  error: { code: string; message: string; details: { field: string; message: string }[] };
}

/** Documents with the right magic numbers and a random rest, so each test's bytes are its own. */
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200), Buffer.from('\n%%EOF\n')]);
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(200), Buffer.from([0xff, 0xd9])]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);

describe('portal materials', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let directory: string;
  let formBody: Record<string, unknown>;
  let materialCodes: string[];

  const upload = async (
    auth: string,
    bytes: Buffer,
    fileName: string,
    { type = 'application/octet-stream', field = 'file', extra = {} }: { type?: string; field?: string; extra?: Record<string, string> } = {},
  ) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(extra)) form.append(name, value);
    form.append(field, new Blob([new Uint8Array(bytes)], { type }), fileName);
    const response = await fetch(`${portal.url}/api/materials`, { method: 'POST', headers: { authorization: `Bearer ${auth}` }, body: form });
    return { status: response.status, body: (await response.json()) as UploadAnswer };
  };

  const download = async (auth: string, sha256: string, suffix = '') => {
    const response = await fetch(`${portal.url}/api/materials/${sha256}${suffix}`, { headers: { authorization: `Bearer ${auth}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
  };

  const call = async (method: string, path: string, auth: string, body?: unknown) => {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  const issuedAt = () => chinaDateOf(new Date(Date.now() - 10 * 86_400_000));
  const caseWith = (materials: { code: string; sha256: string; fileName: string }[]): Record<string, unknown> => ({ ...formBody, materials: materials.map((m) => ({ ...m, issuedAt: issuedAt() })) });
  const rows = (sql: string, parameters: unknown[]) => portal.app.get(DataSource).query(sql, parameters) as Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'portal-materials-'));
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config), { MATERIALS_DIR: directory, MATERIALS_MAX_BYTES: String(MAX_BYTES) });
    const form = await call('POST', '/api/forms', token('applicant'), { items: TWO_ITEMS });
    expect(form.status).toBe(200);
    formBody = { items: TWO_ITEMS };
    for (const { path, example } of form.body.fields as { path: string; example: unknown }[]) {
      const keys = path.split('.');
      let node = formBody;
      for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[keys[keys.length - 1]] = example;
    }
    materialCodes = (form.body.materials as { code: string }[]).map((m) => m.code);
  });

  afterAll(async () => {
    await portal?.close();
    await rm(directory, { recursive: true, force: true });
  });

  describe('upload', () => {
    it.each([
      ['a PDF', pdf, 'passport.pdf', 'application/pdf'],
      ['a JPEG', jpeg, 'photo.jpg', 'image/jpeg'],
      ['a PNG', png, 'diploma.png', 'image/png'],
    ])('keeps %s under its sha256, typed by its content', async (_what, make, fileName, contentType) => {
      const bytes = make();
      // The declared type is the sender's word and changes nothing.
      const response = await upload(token('applicant'), bytes, fileName, { type: 'text/plain' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ sha256: sha256Of(bytes), fileName, size: bytes.length, contentType });
      const sha256 = sha256Of(bytes);
      expect(await readFile(join(directory, sha256.slice(0, 2), sha256))).toEqual(bytes);
    });

    it('keeps the same bytes uploaded twice as one document, and remembers each uploader', async () => {
      const bytes = pdf();
      const employer = token('employer');
      const clerk = token('clerk');
      const first = await upload(employer, bytes, 'contract.pdf');
      const again = await upload(employer, bytes, 'contract (1).pdf');
      const byClerk = await upload(clerk, bytes, 'scan.pdf');
      expect([first.status, again.status, byClerk.status]).toEqual([201, 201, 201]);
      expect(new Set([first.body.sha256, again.body.sha256, byClerk.body.sha256])).toEqual(new Set([sha256Of(bytes)]));
      // Each caller hears the name they sent; the stored name is the first one.
      expect(byClerk.body.fileName).toBe('scan.pdf');
      const sha256 = sha256Of(bytes);
      expect(await rows('SELECT file_name, size, content_type, uploaded_by_role FROM material WHERE sha256 = $1', [sha256])).toEqual([
        { file_name: 'contract.pdf', size: bytes.length, content_type: 'application/pdf', uploaded_by_role: 'employer' },
      ]);
      expect(await rows('SELECT uploaded_by_role, file_name FROM material_upload WHERE sha256 = $1 ORDER BY uploaded_by_role', [sha256])).toEqual([
        { uploaded_by_role: 'clerk', file_name: 'scan.pdf' },
        { uploaded_by_role: 'employer', file_name: 'contract.pdf' },
      ]);
      expect(await readdir(join(directory, sha256.slice(0, 2)))).toEqual(expect.arrayContaining([sha256]));
      expect((await readdir(join(directory, sha256.slice(0, 2)))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });

    it('keeps a Chinese file name intact', async () => {
      const response = await upload(token('applicant'), png(), '护照照片.png');
      expect(response.status).toBe(201);
      expect(response.body.fileName).toBe('护照照片.png');
    });

    it('refuses a text file named .pdf and declared a PDF, naming the file field', async () => {
      const response = await upload(token('applicant'), Buffer.from('I am a passport, honestly.\n'), 'passport.pdf', { type: 'application/pdf' });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({ code: 'validation_failed', message: expect.any(String), details: [{ field: 'file', message: expect.stringContaining('PDF, JPEG or PNG') }] });
    });

    it('answers a file over the limit with 413 naming the limit, not a 500', async () => {
      const response = await upload(token('applicant'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_BYTES)]), 'big.pdf');
      expect(response.status).toBe(413);
      expect(response.body.error).toEqual({ code: 'material_too_large', message: expect.stringContaining('64 KiB'), details: [{ field: 'file', message: 'must be at most 64 KiB (65536 bytes)' }] });
      // The connection is still good for the next request.
      expect((await upload(token('applicant'), pdf(), 'small.pdf')).status).toBe(201);
    });

    it('answers a request without a file with 400 naming the file field', async () => {
      const json = await call('POST', '/api/materials', token('applicant'), {});
      expect(json.status).toBe(400);
      expect(json.body.error.details).toEqual([{ field: 'file', message: expect.stringContaining('is required') }]);
      const form = new FormData();
      form.append('note', 'no file here');
      const response = await fetch(`${portal.url}/api/materials`, { method: 'POST', headers: { authorization: `Bearer ${token('applicant')}` }, body: form });
      expect(response.status).toBe(400);
      expect(((await response.json()) as UploadAnswer).error.details.map((d) => d.field)).toEqual(['note', 'file']);
    });

    it('rejects unknown multipart fields, and a file in another field, naming them', async () => {
      const extra = await upload(token('applicant'), pdf(), 'a.pdf', { extra: { caseId: randomUUID() } });
      expect(extra.status).toBe(400);
      expect(extra.body.error.details).toEqual([{ field: 'caseId', message: 'unknown field' }]);
      const elsewhere = await upload(token('applicant'), pdf(), 'a.pdf', { field: 'passport' });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.error.details).toEqual([{ field: 'passport', message: expect.stringContaining('"file"') }]);
    });

    it('takes uploads from applicants, employers and clerks only', async () => {
      expect((await upload(token('officer', 'psb'), pdf(), 'a.pdf')).status).toBe(403);
      expect((await upload(token('analyst', 'bigdata'), pdf(), 'a.pdf')).status).toBe(403);
      const anonymous = await fetch(`${portal.url}/api/materials`, { method: 'POST', body: new FormData() });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('download', () => {
    it('gives the uploader, a clerk and an officer of an agency reviewing a case that references it (steps included) the same bytes; nobody else', async () => {
      const applicant = token('applicant');
      const bytes = pdf();
      const { body: uploaded } = await upload(applicant, bytes, '护照 passport.pdf');

      const own = await download(applicant, uploaded.sha256);
      expect(own.status).toBe(200);
      expect(own.bytes).toEqual(bytes);
      expect(own.headers.get('content-type')).toBe('application/pdf');
      expect(own.headers.get('content-length')).toBe(String(bytes.length));
      expect(own.headers.get('content-disposition')).toBe(`attachment; filename="__ passport.pdf"; filename*=UTF-8''%E6%8A%A4%E7%85%A7%20passport.pdf`);
      expect(own.headers.get('x-content-type-options')).toBe('nosniff');
      expect(own.headers.get('cache-control')).toBe('private, no-store');
      expect((await download(token('clerk'), uploaded.sha256)).bytes).toEqual(bytes);

      const psb = token('officer', 'psb');
      expect((await download(psb, uploaded.sha256)).status).toBe(403);
      const submitted = await call('POST', '/api/cases', applicant, caseWith([{ code: materialCodes[0], sha256: uploaded.sha256, fileName: 'passport.pdf' }]));
      expect(submitted.status).toBe(201);
      const byOfficer = await download(psb, uploaded.sha256);
      expect(byOfficer.status).toBe(200);
      expect(byOfficer.bytes).toEqual(bytes);
      expect((await download(token('officer', 'hrss'), uploaded.sha256)).status).toBe(403);
      // Science-tech's talent category runs inside the work permit: its officers judge these documents too.
      expect((await download(token('officer', 'scitech'), uploaded.sha256)).status).toBe(200);

      const other = await download(token('applicant'), uploaded.sha256);
      expect(other.status).toBe(403);
      expect(other.json().error.code).toBe('material_forbidden');
      expect((await download(token('employer'), uploaded.sha256)).status).toBe(403);
      expect((await download(token('analyst', 'bigdata'), uploaded.sha256)).status).toBe(403);
    });

    it('gives an applicant the documents their case references though someone else uploaded them', async () => {
      const clerk = token('clerk');
      const bytes = jpeg();
      const { body: uploaded } = await upload(clerk, bytes, 'window-scan.jpg');
      const applicant = token('applicant');
      expect((await download(applicant, uploaded.sha256)).status).toBe(403);
      expect((await call('POST', '/api/cases', applicant, caseWith([{ code: materialCodes[0], sha256: uploaded.sha256, fileName: 'photo.jpg' }]))).status).toBe(201);
      const read = await download(applicant, uploaded.sha256);
      expect(read.status).toBe(200);
      expect(read.bytes).toEqual(bytes);
    });

    it('describes a document at /meta with the same rights', async () => {
      const applicant = token('applicant');
      const bytes = png();
      const { body: uploaded } = await upload(applicant, bytes, 'diploma.png');
      const meta = await download(applicant, uploaded.sha256, '/meta');
      expect(meta.status).toBe(200);
      expect(meta.json()).toEqual({ sha256: uploaded.sha256, fileName: 'diploma.png', size: bytes.length, contentType: 'image/png', uploadedAt: expect.any(String) });
      expect((await download(token('applicant'), uploaded.sha256, '/meta')).status).toBe(403);
    });

    it('answers 404 for a document never uploaded and 400 for a malformed sha256', async () => {
      const unknown = await download(token('clerk'), sha256Of(randomBytes(8)));
      expect(unknown.status).toBe(404);
      expect(unknown.json().error.code).toBe('material_not_found');
      const malformed = await download(token('clerk'), 'not-a-hash');
      expect(malformed.status).toBe(400);
      expect(malformed.json().error.details).toEqual([{ field: 'sha256', message: expect.any(String) }]);
    });
  });

  describe('cases reference only uploaded documents', () => {
    it('refuses a case naming a document never uploaded, together with every other bad field', async () => {
      const body = caseWith([{ code: materialCodes[0], sha256: sha256Of(randomBytes(8)), fileName: 'passport.pdf' }]);
      const response = await call('POST', '/api/cases', token('applicant'), { ...body, applicant: { ...(body.applicant as object), passportNo: 'no!' } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details).toEqual(
        expect.arrayContaining([
          { field: 'materials.0.sha256', message: expect.stringContaining('not an uploaded document') },
          expect.objectContaining({ field: 'applicant.passportNo' }),
        ]),
      );
    });

    it('takes a case whose documents were uploaded and lists them in the case view', async () => {
      const applicant = token('applicant');
      const passport = pdf();
      const photo = jpeg();
      const uploadedPassport = (await upload(applicant, passport, 'passport.pdf')).body;
      const uploadedPhoto = (await upload(applicant, photo, 'photo.jpg')).body;
      const materials = [
        { code: materialCodes[0], sha256: uploadedPassport.sha256, fileName: 'passport.pdf' },
        { code: materialCodes[1], sha256: uploadedPhoto.sha256, fileName: 'photo.jpg' },
      ];
      const submitted = await call('POST', '/api/cases', applicant, caseWith(materials));
      expect(submitted.status).toBe(201);

      const view = await call('GET', `/api/cases/${submitted.body.caseId}`, applicant);
      expect(view.body.materials).toEqual([
        { ...materials[0], issuedAt: issuedAt(), contentType: 'application/pdf', size: passport.length },
        { ...materials[1], issuedAt: issuedAt(), contentType: 'image/jpeg', size: photo.length },
      ]);
      const officer = await call('GET', `/api/cases/${submitted.body.caseId}`, token('officer', 'approval'));
      expect(officer.body.materials.map((m: { sha256: string }) => m.sha256)).toEqual([uploadedPassport.sha256, uploadedPhoto.sha256]);
    });
  });
});
