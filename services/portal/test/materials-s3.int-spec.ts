import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';
import { applicantToken, newPerson } from './parties';

const BUCKET = 'weihai-materials';
// s3rver accepts this key pair only.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** The portal keeping its documents on a real S3-compatible server (s3rver), path-style, as with MinIO. */
describe('portal materials on S3', () => {
  let s3rver: S3rver;
  let s3Directory: string;
  let endpoint: string;
  let portal: ServiceUnderTest<PortalConfig>;
  let s3: S3Client;
  let stagingDirectory: string;

  const applicant = applicantToken(newPerson());

  const upload = async (bytes: Buffer, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await fetch(`${portal.url}/api/materials`, { method: 'POST', headers: { authorization: `Bearer ${applicant}` }, body: form });
    return { status: response.status, body: (await response.json()) as { sha256: string; fileName: string; size: number; contentType: string } };
  };

  beforeAll(async () => {
    s3Directory = await mkdtemp(join(tmpdir(), 's3rver-'));
    s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await s3rver.run();
    endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
    stagingDirectory = await mkdtemp(join(tmpdir(), 'portal-staging-'));
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => AppModule.register(config), {
      MATERIALS_S3_BUCKET: BUCKET,
      MATERIALS_S3_ENDPOINT: endpoint,
      MATERIALS_S3_REGION: 'us-east-1',
      MATERIALS_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      MATERIALS_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      MATERIALS_S3_FORCE_PATH_STYLE: 'true',
      MATERIALS_S3_STAGING_DIR: stagingDirectory,
    });
  });

  afterAll(async () => {
    await portal?.close();
    s3?.destroy();
    await s3rver?.close();
    await rm(s3Directory, { recursive: true, force: true });
    await rm(stagingDirectory, { recursive: true, force: true });
  });

  it('stores an upload as the object <sha256[0:2]>/<sha256> with its content type, once for the same bytes', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const first = await upload(bytes, 'passport.pdf');
    const again = await upload(bytes, 'passport-again.pdf');
    expect(first).toEqual({ status: 201, body: { sha256, fileName: 'passport.pdf', size: bytes.length, contentType: 'application/pdf' } });
    expect(again.body.sha256).toBe(sha256);

    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${sha256.slice(0, 2)}/${sha256}` }));
    expect(object.ContentType).toBe('application/pdf');
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(bytes);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: sha256.slice(0, 2) }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([`${sha256.slice(0, 2)}/${sha256}`]);
  });

  it('streams a large upload through a staged file to the bucket, and leaves nothing staged', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * 1024 * 1024)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { status } = await upload(bytes, 'scan.pdf');
    expect(status).toBe(201);
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${sha256.slice(0, 2)}/${sha256}` }));
    // Compared as bytes: a deep equality of megabytes takes the matcher seconds.
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(bytes)).toBe(true);
    expect(await readdir(stagingDirectory)).toEqual([]);
  });

  it('streams the stored object back to its uploader', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300)]);
    const { body } = await upload(bytes, 'photo.jpg');
    const response = await fetch(`${portal.url}/api/materials/${body.sha256}`, { headers: { authorization: `Bearer ${applicant}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });
});
