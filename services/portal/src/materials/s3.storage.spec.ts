import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { type S3Sender, S3Storage } from './s3.storage';

const SHA = `cd${'1'.repeat(62)}`;

/** Answers each command with the next scripted reply and keeps what was sent. */
function fakeS3(...replies: (object | Error)[]): S3Sender & { sent: { name: string; input: unknown }[] } {
  const sent: { name: string; input: unknown }[] = [];
  return {
    sent,
    send: (command) => {
      sent.push({ name: command.constructor.name, input: command.input });
      const reply = replies.shift() ?? {};
      return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
    },
  };
}

const notFound = (name: 'NotFound' | 'NoSuchKey') => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 404 } });

describe(S3Storage.name, () => {
  it('puts an absent document under <sha256[0:2]>/<sha256> with its content type and length', async () => {
    const s3 = fakeS3(notFound('NotFound'), {});
    const bytes = Buffer.from('%PDF-1.7 s3');
    await new S3Storage(s3, 'weihai-materials').put(SHA, bytes, 'application/pdf');
    expect(s3.sent).toEqual([
      { name: HeadObjectCommand.name, input: { Bucket: 'weihai-materials', Key: `cd/${SHA}` } },
      { name: PutObjectCommand.name, input: { Bucket: 'weihai-materials', Key: `cd/${SHA}`, Body: bytes, ContentType: 'application/pdf', ContentLength: bytes.length } },
    ]);
  });

  it('does not send the same bytes again when the object is there', async () => {
    const s3 = fakeS3({ ContentLength: 11 });
    await new S3Storage(s3, 'weihai-materials').put(SHA, Buffer.from('%PDF-1.7 s3'), 'application/pdf');
    expect(s3.sent.map((c) => c.name)).toEqual([HeadObjectCommand.name]);
  });

  it('fails the upload when S3 answers anything but "not found"', async () => {
    const s3 = fakeS3(Object.assign(new Error('AccessDenied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    await expect(new S3Storage(s3, 'b').put(SHA, Buffer.from('%PDF-'), 'application/pdf')).rejects.toThrow('AccessDenied');
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
