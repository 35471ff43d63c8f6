import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type S3Sender, S3Storage } from './s3.storage';

const SHA = `cd${'1'.repeat(62)}`;

/** Answers each command with the next scripted reply and keeps what was sent (a streamed body as the bytes it carried). */
function fakeS3(...replies: (object | Error)[]): S3Sender & { sent: { name: string; input: Record<string, unknown> }[] } {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  return {
    sent,
    send: async (command) => {
      const input: Record<string, unknown> = { ...command.input };
      if (input.Body instanceof Readable) input.Body = Buffer.concat(await input.Body.toArray());
      sent.push({ name: command.constructor.name, input });
      const reply = replies.shift() ?? {};
      if (reply instanceof Error) throw reply;
      return reply;
    },
  };
}

const notFound = (name: 'NotFound' | 'NoSuchKey') => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 404 } });

describe(S3Storage.name, () => {
  let directory: string;
  const bytes = Buffer.from('%PDF-1.7 s3');
  let staged: { path: string; size: number };

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 's3-staged-'));
    staged = { path: join(directory, 'a.upload'), size: bytes.length };
    await writeFile(staged.path, bytes);
  });

  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('streams an absent document from its staged file to <sha256[0:2]>/<sha256> with its content type and length', async () => {
    const s3 = fakeS3(notFound('NotFound'), {});
    await new S3Storage(s3, 'weihai-materials').keep(SHA, staged, 'application/pdf');
    expect(s3.sent).toEqual([
      { name: HeadObjectCommand.name, input: { Bucket: 'weihai-materials', Key: `cd/${SHA}` } },
      { name: PutObjectCommand.name, input: { Bucket: 'weihai-materials', Key: `cd/${SHA}`, Body: bytes, ContentType: 'application/pdf', ContentLength: bytes.length } },
    ]);
  });

  it('does not send the same bytes again when the object is there', async () => {
    const s3 = fakeS3({ ContentLength: 11 });
    await new S3Storage(s3, 'weihai-materials').keep(SHA, staged, 'application/pdf');
    expect(s3.sent.map((c) => c.name)).toEqual([HeadObjectCommand.name]);
  });

  it('fails the upload when S3 answers anything but "not found"', async () => {
    const s3 = fakeS3(Object.assign(new Error('AccessDenied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    await expect(new S3Storage(s3, 'b').keep(SHA, staged, 'application/pdf')).rejects.toThrow('AccessDenied');
  });

  it('stages uploads in the directory it is given, the system temporary directory by default', () => {
    expect(new S3Storage(fakeS3(), 'b', '/var/staging').stagingDirectory).toBe('/var/staging');
    expect(new S3Storage(fakeS3(), 'b').stagingDirectory.startsWith(tmpdir())).toBe(true);
  });

  it('reads the object body, and nothing for a missing key', async () => {
    const body = Readable.from([Buffer.from('%PDF-')]);
    const s3 = fakeS3({ Body: body }, notFound('NoSuchKey'));
    const storage = new S3Storage(s3, 'weihai-materials');
    expect(await storage.get(SHA)).toBe(body);
    expect(await storage.get(SHA)).toBeUndefined();
    expect(s3.sent).toEqual([
      { name: GetObjectCommand.name, input: { Bucket: 'weihai-materials', Key: `cd/${SHA}` } },
      { name: GetObjectCommand.name, input: { Bucket: 'weihai-materials', Key: `cd/${SHA}` } },
    ]);
  });
});
