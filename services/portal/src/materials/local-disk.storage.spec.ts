import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { LocalDiskStorage } from './local-disk.storage';

describe(LocalDiskStorage.name, () => {
  let directory: string;
  let storage: LocalDiskStorage;
  const bytes = Buffer.from('%PDF-1.7 local disk');
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'materials-'));
    storage = new LocalDiskStorage(directory);
  });

  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('writes <dir>/<sha256[0:2]>/<sha256> and leaves no temporary file', async () => {
    await storage.put(sha256, bytes);
    expect(await readFile(join(directory, sha256.slice(0, 2), sha256))).toEqual(bytes);
    expect(await readdir(join(directory, sha256.slice(0, 2)))).toEqual([sha256]);
  });

  it('keeps one file for the same bytes stored twice, also at once', async () => {
    await Promise.all([storage.put(sha256, bytes), storage.put(sha256, bytes)]);
    await storage.put(sha256, bytes);
    expect(await readdir(join(directory, sha256.slice(0, 2)))).toEqual([sha256]);
  });

  it('reads the bytes back, and nothing for an unknown sha256', async () => {
    await storage.put(sha256, bytes);
    expect(await text((await storage.get(sha256))!)).toBe('%PDF-1.7 local disk');
    expect(await storage.get('f'.repeat(64))).toBeUndefined();
  });
});
