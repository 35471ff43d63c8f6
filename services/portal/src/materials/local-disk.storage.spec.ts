import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { LocalDiskStorage } from './local-disk.storage';

describe(LocalDiskStorage.name, () => {
  let directory: string;
  let storage: LocalDiskStorage;
  const bytes = Buffer.from('%PDF-1.7 local disk');
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  /** A staged upload, as the staging storage leaves it in the storage's staging directory. */
  const staged = async (name: string) => {
    await mkdir(storage.stagingDirectory, { recursive: true });
    const path = join(storage.stagingDirectory, name);
    await writeFile(path, bytes);
    return { path, size: bytes.length };
  };

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'materials-'));
    storage = new LocalDiskStorage(directory);
  });

  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('stages uploads beside the documents, in a folder no sha256 can name', () => {
    expect(storage.stagingDirectory).toBe(join(directory, '.incoming'));
  });

  it('moves the staged file to <dir>/<sha256[0:2]>/<sha256>', async () => {
    await storage.keep(sha256, await staged('a.upload'));
    expect(await readFile(join(directory, sha256.slice(0, 2), sha256))).toEqual(bytes);
    expect(await readdir(join(directory, sha256.slice(0, 2)))).toEqual([sha256]);
    expect(await readdir(storage.stagingDirectory)).toEqual([]);
  });

  it('keeps one file for the same bytes kept twice, also at once, and leaves the spare staged copy to its owner', async () => {
    const [first, second] = [await staged('a.upload'), await staged('b.upload')];
    await Promise.all([storage.keep(sha256, first), storage.keep(sha256, second)]);
    const third = await staged('c.upload');
    await storage.keep(sha256, third);
    expect(await readdir(join(directory, sha256.slice(0, 2)))).toEqual([sha256]);
    expect(await readdir(storage.stagingDirectory)).toEqual(['c.upload']);
  });

  it('reads the bytes back, and nothing for an unknown sha256', async () => {
    await storage.keep(sha256, await staged('a.upload'));
    expect(await text((await storage.get(sha256))!)).toBe('%PDF-1.7 local disk');
    expect(await storage.get('f'.repeat(64))).toBeUndefined();
  });
});
