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
import { applicantToken, bodyFor, bodyFromForm, employerToken, newPerson, newUscc, type Person, staffToken } from './parties';

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MAX_BYTES = 64 * 1024;
const QUOTA_BYTES = 4 * MAX_BYTES;
const UPLOADS_PER_MINUTE = 12;
const anApplicant = () => applicantToken(newPerson());
const anEmployer = () => employerToken(newUscc());

const TWO_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
];
// A case with an HR item: the HR bureau reviews it, but its scope leaves out the criminal-record certificate.
const WITH_HR_ITEM = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'SOCIAL_INSURANCE', action: 'apply' },
];

/** An upload's answer: the document, or the error body. */
interface UploadAnswer {
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
  error: { code: string; message: string; messages?: { zh: string; en: string }; details: { field: string; message: string; messages?: { zh: string; en: string } }[] };
}

/** Documents with the right magic numbers and a random rest, so each test's bytes are its own. */
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200), Buffer.from('\n%%EOF\n')]);
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(200), Buffer.from([0xff, 0xd9])]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);

describe('portal materials', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let directory: string;
  const templates = new Map<typeof TWO_ITEMS, Record<string, unknown>>();

  const upload = async (
    auth: string,
    bytes: Buffer,
    fileName: string,
    { type = 'application/octet-stream', field = 'file', extra = {}, language }: { type?: string; field?: string; extra?: Record<string, string>; language?: string } = {},
  ) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(extra)) form.append(name, value);
    form.append(field, new Blob([new Uint8Array(bytes)], { type }), fileName);
    const response = await fetch(`${portal.url}/api/materials`, { method: 'POST', headers: { authorization: `Bearer ${auth}`, ...(language ? { 'accept-language': language } : {}) }, body: form });
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
  /** The body of a case for `person` (and a new employer) referencing these documents. */
  const caseWith = (person: Person, materials: { code: string; sha256: string; fileName: string }[], items = TWO_ITEMS): Record<string, unknown> => ({
    ...bodyFor(templates.get(items)!, person, newUscc()),
    materials: materials.map((m) => ({ ...m, issuedAt: issuedAt() })),
  });
  const rows = (sql: string, parameters: unknown[]) => portal.app.get(DataSource).query(sql, parameters) as Promise<Record<string, unknown>[]>;
  const stagedLeft = async () => readdir(join(directory, '.incoming')).catch(() => [] as string[]);

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'portal-materials-'));
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config), {
      MATERIALS_DIR: directory,
      MATERIALS_MAX_BYTES: String(MAX_BYTES),
      MATERIALS_QUOTA_BYTES_PER_SUBJECT: String(QUOTA_BYTES),
      RATE_LIMIT_UPLOADS_PER_MINUTE: String(UPLOADS_PER_MINUTE),
    });
    for (const items of [TWO_ITEMS, WITH_HR_ITEM]) {
      const form = await call('POST', '/api/forms', anApplicant(), { items });
      expect(form.status).toBe(200);
      templates.set(items, bodyFromForm(form.body.fields, items));
    }
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
      const response = await upload(anApplicant(), bytes, fileName, { type: 'text/plain' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ sha256: sha256Of(bytes), fileName, size: bytes.length, contentType });
      const sha256 = sha256Of(bytes);
      expect(await readFile(join(directory, sha256.slice(0, 2), sha256))).toEqual(bytes);
    });

    it('streams a document of the largest size allowed to the disk and leaves nothing staged', async () => {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(MAX_BYTES - 9)]);
      const response = await upload(anApplicant(), bytes, 'scan.pdf');
      expect(response.status).toBe(201);
      expect(response.body.size).toBe(MAX_BYTES);
      expect((await readFile(join(directory, response.body.sha256.slice(0, 2), response.body.sha256))).equals(bytes)).toBe(true);
      expect(await stagedLeft()).toEqual([]);
    });

    it('keeps the same bytes uploaded twice as one document, and remembers each uploader', async () => {
      const bytes = pdf();
      const employer = anEmployer();
      const clerk = staffToken('clerk');
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
      expect(await stagedLeft()).toEqual([]);
    });

    it('keeps a Chinese file name intact', async () => {
      const response = await upload(anApplicant(), png(), '护照照片.png');
      expect(response.status).toBe(201);
      expect(response.body.fileName).toBe('护照照片.png');
    });

    it('refuses a text file named .pdf and declared a PDF, naming the file field, and keeps nothing of it', async () => {
      const bytes = Buffer.from('I am a passport, honestly.\n');
      const response = await upload(anApplicant(), bytes, 'passport.pdf', { type: 'application/pdf' });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        code: 'validation_failed',
        message: '请求中有无效字段',
        messages: { zh: '请求中有无效字段', en: 'the request has invalid fields' },
        details: [{ field: 'file', message: expect.stringContaining('PDF、JPEG 或 PNG'), messages: { zh: expect.stringContaining('PDF、JPEG 或 PNG'), en: expect.stringContaining('PDF, JPEG or PNG') } }],
      });
      expect(await rows('SELECT 1 FROM material WHERE sha256 = $1', [sha256Of(bytes)])).toEqual([]);
      expect(await stagedLeft()).toEqual([]);
    });

    it('answers a file over the limit with 413 naming the limit, not a 500, and keeps nothing of it', async () => {
      const response = await upload(anApplicant(), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_BYTES)]), 'big.pdf', { language: 'en' });
      expect(response.status).toBe(413);
      expect(response.body.error).toEqual({
        code: 'material_too_large',
        message: 'the document is too large: it must be at most 64 KiB (65536 bytes)',
        messages: { zh: '文件过大：不得超过64 KiB（65536字节）', en: 'the document is too large: it must be at most 64 KiB (65536 bytes)' },
        details: [{ field: 'file', message: 'must be at most 64 KiB (65536 bytes)', messages: { zh: '不得超过64 KiB（65536字节）', en: 'must be at most 64 KiB (65536 bytes)' } }],
      });
      expect(await stagedLeft()).toEqual([]);
      // The connection is still good for the next request.
      expect((await upload(anApplicant(), pdf(), 'small.pdf')).status).toBe(201);
    });

    it('answers a request without a file with 400 naming the file field', async () => {
      const json = await call('POST', '/api/materials', anApplicant(), {});
      expect(json.status).toBe(400);
      expect(json.body.error.details).toEqual([{ field: 'file', message: expect.stringMatching(/^必填/), messages: { zh: expect.stringMatching(/^必填/), en: expect.stringContaining('is required') } }]);
      const form = new FormData();
      form.append('note', 'no file here');
      const response = await fetch(`${portal.url}/api/materials`, { method: 'POST', headers: { authorization: `Bearer ${anApplicant()}` }, body: form });
      expect(response.status).toBe(400);
      expect(((await response.json()) as UploadAnswer).error.details.map((d) => d.field)).toEqual(['note', 'file']);
    });

    it('rejects unknown multipart fields, and a file in another field, naming them', async () => {
      const extra = await upload(anApplicant(), pdf(), 'a.pdf', { extra: { caseId: randomUUID() } });
      expect(extra.status).toBe(400);
      expect(extra.body.error.details).toEqual([{ field: 'caseId', message: '未知字段', messages: { zh: '未知字段', en: 'unknown field' } }]);
      const elsewhere = await upload(anApplicant(), pdf(), 'a.pdf', { field: 'passport', language: 'en' });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.error.details).toEqual([{ field: 'passport', message: expect.stringContaining('"file"'), messages: { zh: expect.stringContaining('“file”'), en: expect.stringContaining('"file"') } }]);
      expect(await stagedLeft()).toEqual([]);
    });

    it('takes uploads from applicants, employers and clerks only', async () => {
      expect((await upload(staffToken('officer', 'psb'), pdf(), 'a.pdf')).status).toBe(403);
      expect((await upload(staffToken('analyst', 'bigdata'), pdf(), 'a.pdf')).status).toBe(403);
      const anonymous = await fetch(`${portal.url}/api/materials`, { method: 'POST', body: new FormData() });
      expect(anonymous.status).toBe(401);
    });

    it("refuses a document past the uploader's quota with 413 material_quota_exceeded, keeping nothing of it, and still takes the same bytes again", async () => {
      const uploader = anApplicant();
      const near = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
      const kept: Buffer[] = [];
      for (let i = 0; i < 4; i += 1) {
        kept.push(near(MAX_BYTES - 1024));
        expect((await upload(uploader, kept[i], `page-${i}.pdf`)).status).toBe(201);
      }
      const over = near(MAX_BYTES - 1024);
      const refused = await upload(uploader, over, 'page-4.pdf');
      expect(refused.status).toBe(413);
      expect(refused.body.error).toEqual({
        code: 'material_quota_exceeded',
        message: expect.stringContaining('配额256 KiB（262144字节）'),
        messages: { zh: expect.stringContaining('配额256 KiB（262144字节）'), en: expect.stringContaining('quota of 256 KiB (262144 bytes)') },
        details: [{ field: 'file', message: expect.stringContaining('配额256 KiB'), messages: { zh: expect.stringContaining('配额256 KiB'), en: expect.stringContaining('quota of 256 KiB (262144 bytes)') } }],
      });
      expect(await rows('SELECT 1 FROM material WHERE sha256 = $1', [sha256Of(over)])).toEqual([]);
      await expect(readFile(join(directory, sha256Of(over).slice(0, 2), sha256Of(over)))).rejects.toThrow('ENOENT');
      expect(await stagedLeft()).toEqual([]);

      // What the uploader already has costs nothing more; somebody else still has room for the refused bytes.
      expect((await upload(uploader, kept[0], 'page-0 again.pdf')).status).toBe(201);
      expect((await upload(anApplicant(), over, 'page-4.pdf')).status).toBe(201);
    });

    it('limits how many uploads one subject makes in a minute', async () => {
      const busy = anApplicant();
      const statuses: number[] = [];
      for (let i = 0; i <= UPLOADS_PER_MINUTE; i += 1) statuses.push((await upload(busy, pdf(), `${i}.pdf`)).status);
      expect(statuses).toEqual([...Array<number>(UPLOADS_PER_MINUTE).fill(201), 429]);
      // Counted by subject: somebody else is not held up.
      expect((await upload(anApplicant(), pdf(), 'a.pdf')).status).toBe(201);
    });
  });

  describe('download', () => {
    it("gives the uploader, a clerk and an officer whose agency's scope releases it in a case it reviews (steps included) the same bytes; to everyone else it does not exist", async () => {
      const person = newPerson();
      const applicant = applicantToken(person);
      const bytes = pdf();
      const { body: uploaded } = await upload(applicant, bytes, '护照 passport.pdf');
      const { body: talentProof } = await upload(applicant, pdf(), 'talent.pdf');

      const own = await download(applicant, uploaded.sha256);
      expect(own.status).toBe(200);
      expect(own.bytes).toEqual(bytes);
      expect(own.headers.get('content-type')).toBe('application/pdf');
      expect(own.headers.get('content-length')).toBe(String(bytes.length));
      expect(own.headers.get('content-disposition')).toBe(`attachment; filename="__ passport.pdf"; filename*=UTF-8''%E6%8A%A4%E7%85%A7%20passport.pdf`);
      expect(own.headers.get('x-content-type-options')).toBe('nosniff');
      expect(own.headers.get('cache-control')).toBe('private, no-store');
      expect((await download(staffToken('clerk'), uploaded.sha256)).bytes).toEqual(bytes);

      const psb = staffToken('officer', 'psb');
      expect((await download(psb, uploaded.sha256)).status).toBe(404);
      const submitted = await call(
        'POST',
        '/api/cases',
        applicant,
        caseWith(person, [
          { code: 'PASSPORT', sha256: uploaded.sha256, fileName: 'passport.pdf' },
          { code: 'TALENT_CATEGORY_PROOF', sha256: talentProof.sha256, fileName: 'talent.pdf' },
        ]),
      );
      expect(submitted.status).toBe(201);
      const byOfficer = await download(psb, uploaded.sha256);
      expect(byOfficer.status).toBe(200);
      expect(byOfficer.bytes).toEqual(bytes);
      expect((await download(staffToken('officer', 'hrss'), uploaded.sha256)).status).toBe(404);
      // Science-tech's talent category runs inside the work permit: its officers judge the talent proof, not the passport.
      expect((await download(staffToken('officer', 'scitech'), talentProof.sha256)).status).toBe(200);
      expect((await download(staffToken('officer', 'scitech'), uploaded.sha256)).status).toBe(404);
      expect((await download(psb, talentProof.sha256)).status).toBe(404);

      const unknown = sha256Of(randomBytes(8));
      for (const stranger of [anApplicant(), anEmployer(), staffToken('analyst', 'bigdata'), staffToken('officer', 'hrss')]) {
        const foreign = await download(stranger, uploaded.sha256);
        const never = await download(stranger, unknown);
        // The same answer for somebody else's document as for one that does not exist: no oracle.
        expect([foreign.status, foreign.json().error.code]).toEqual([404, 'material_not_found']);
        expect([never.status, never.json().error.code]).toEqual([404, 'material_not_found']);
        expect((await download(stranger, uploaded.sha256, '/meta')).status).toBe(404);
      }
    });

    it("never lets the HR bureau download a criminal-record certificate, while the approval bureau gets it; the HR officer's case view leaves it out", async () => {
      const person = newPerson();
      const applicant = applicantToken(person);
      const { body: certificate } = await upload(applicant, pdf(), 'no-criminal-record.pdf');
      const { body: contract } = await upload(applicant, pdf(), 'contract.pdf');
      const submitted = await call(
        'POST',
        '/api/cases',
        applicant,
        caseWith(
          person,
          [
            { code: 'NO_CRIMINAL_RECORD', sha256: certificate.sha256, fileName: 'no-criminal-record.pdf' },
            { code: 'EMPLOYMENT_CONTRACT', sha256: contract.sha256, fileName: 'contract.pdf' },
          ],
          WITH_HR_ITEM,
        ),
      );
      expect(submitted.status).toBe(201);

      const hrss = staffToken('officer', 'hrss');
      expect((await download(hrss, certificate.sha256)).status).toBe(404);
      expect((await download(hrss, certificate.sha256, '/meta')).status).toBe(404);
      expect((await download(hrss, contract.sha256)).status).toBe(200);
      expect((await download(staffToken('officer', 'approval'), certificate.sha256)).status).toBe(200);

      const hrView = await call('GET', `/api/cases/${submitted.body.caseId}`, hrss);
      expect(hrView.status).toBe(200);
      expect(hrView.body.materials.map((m: { code: string }) => m.code)).toEqual(['EMPLOYMENT_CONTRACT']);
      const approvalView = await call('GET', `/api/cases/${submitted.body.caseId}`, staffToken('officer', 'approval'));
      expect(approvalView.body.materials.map((m: { code: string }) => m.code)).toEqual(['NO_CRIMINAL_RECORD', 'EMPLOYMENT_CONTRACT']);
    });

    it('gives the person a clerk filed for the documents of their case, once they sign in as themselves', async () => {
      const clerk = staffToken('clerk');
      const bytes = jpeg();
      const { body: uploaded } = await upload(clerk, bytes, 'window-scan.jpg');
      const person = newPerson();
      const applicant = applicantToken(person);
      expect((await download(applicant, uploaded.sha256)).status).toBe(404);
      expect((await call('POST', '/api/cases', clerk, caseWith(person, [{ code: 'PHOTO', sha256: uploaded.sha256, fileName: 'photo.jpg' }]))).status).toBe(201);
      const read = await download(applicant, uploaded.sha256);
      expect(read.status).toBe(200);
      expect(read.bytes).toEqual(bytes);
      expect((await download(anApplicant(), uploaded.sha256)).status).toBe(404);
    });

    it('describes a document at /meta with the same rights', async () => {
      const applicant = anApplicant();
      const bytes = png();
      const { body: uploaded } = await upload(applicant, bytes, 'diploma.png');
      const meta = await download(applicant, uploaded.sha256, '/meta');
      expect(meta.status).toBe(200);
      expect(meta.json()).toEqual({ sha256: uploaded.sha256, fileName: 'diploma.png', size: bytes.length, contentType: 'image/png', uploadedAt: expect.any(String) });
      expect((await download(anApplicant(), uploaded.sha256, '/meta')).status).toBe(404);
    });

    it('answers 404 for a document never uploaded and 400 for a malformed sha256', async () => {
      const unknown = await download(staffToken('clerk'), sha256Of(randomBytes(8)));
      expect(unknown.status).toBe(404);
      expect(unknown.json().error).toMatchObject({ code: 'material_not_found', message: expect.stringMatching(/^没有您可查看的材料/), messages: { en: expect.stringMatching(/^no material [0-9a-f]{64} for you$/) } });
      const malformed = await download(staffToken('clerk'), 'not-a-hash');
      expect(malformed.status).toBe(400);
      expect(malformed.json().error.details).toEqual([{ field: 'sha256', message: '须为64位小写十六进制字符', messages: { zh: '须为64位小写十六进制字符', en: 'must be 64 lower-case hexadecimal characters' } }]);
    });
  });

  describe('cases reference only documents the caller uploaded', () => {
    it('refuses a case naming a document never uploaded, together with every other bad field', async () => {
      const person = newPerson();
      const body = caseWith(person, [{ code: 'PASSPORT', sha256: sha256Of(randomBytes(8)), fileName: 'passport.pdf' }]);
      const response = await call('POST', '/api/cases', applicantToken(person), { ...body, applicant: { ...(body.applicant as object), passportNo: 'no!' } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details).toEqual(
        expect.arrayContaining([
          { field: 'materials.0.sha256', message: expect.stringMatching(/^不是您上传的材料/), messages: { zh: expect.stringMatching(/^不是您上传的材料/), en: expect.stringContaining('not an uploaded document') } },
          expect.objectContaining({ field: 'applicant.passportNo' }),
        ]),
      );
    });

    it("refuses somebody else's upload exactly as one that does not exist", async () => {
      const { body: theirs } = await upload(anApplicant(), pdf(), 'their-passport.pdf');
      const person = newPerson();
      const applicant = applicantToken(person);
      const foreign = await call('POST', '/api/cases', applicant, caseWith(person, [{ code: 'PASSPORT', sha256: theirs.sha256, fileName: 'passport.pdf' }]));
      const unknown = await call('POST', '/api/cases', applicant, caseWith(person, [{ code: 'PASSPORT', sha256: sha256Of(randomBytes(8)), fileName: 'passport.pdf' }]));
      expect(foreign.status).toBe(400);
      expect(foreign.body).toEqual(unknown.body);
      expect(foreign.body.error.details).toEqual([expect.objectContaining({ field: 'materials.0.sha256', messages: { zh: expect.any(String), en: expect.stringContaining('not an uploaded document') } })]);
      // A clerk's case likewise takes only that clerk's uploads, not another clerk's.
      const { body: otherClerks } = await upload(staffToken('clerk'), pdf(), 'scan.pdf');
      const byClerk = await call('POST', '/api/cases', staffToken('clerk'), caseWith(newPerson(), [{ code: 'PASSPORT', sha256: otherClerks.sha256, fileName: 'scan.pdf' }]));
      expect(byClerk.status).toBe(400);
      expect(byClerk.body.error.details.map((d: { field: string }) => d.field)).toEqual(['materials.0.sha256']);
    });

    it('takes a case whose documents the applicant uploaded and lists them in the case view', async () => {
      const person = newPerson();
      const applicant = applicantToken(person);
      const passport = pdf();
      const photo = jpeg();
      const uploadedPassport = (await upload(applicant, passport, 'passport.pdf')).body;
      const uploadedPhoto = (await upload(applicant, photo, 'photo.jpg')).body;
      const materials = [
        { code: 'PASSPORT', sha256: uploadedPassport.sha256, fileName: 'passport.pdf' },
        { code: 'PHOTO', sha256: uploadedPhoto.sha256, fileName: 'photo.jpg' },
      ];
      const submitted = await call('POST', '/api/cases', applicant, caseWith(person, materials));
      expect(submitted.status).toBe(201);

      const view = await call('GET', `/api/cases/${submitted.body.caseId}`, applicant);
      expect(view.body.materials).toEqual([
        { ...materials[0], issuedAt: issuedAt(), contentType: 'application/pdf', size: passport.length },
        { ...materials[1], issuedAt: issuedAt(), contentType: 'image/jpeg', size: photo.length },
      ]);
      const officer = await call('GET', `/api/cases/${submitted.body.caseId}`, staffToken('officer', 'approval'));
      expect(officer.body.materials.map((m: { sha256: string }) => m.sha256)).toEqual([uploadedPassport.sha256, uploadedPhoto.sha256]);
    });
  });
});
