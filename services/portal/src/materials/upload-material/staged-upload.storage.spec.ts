import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { discardStaged, stageUpload } from './staged-upload.storage';

describe(stageUpload.name, () => {
  let directory: string;

  beforeEach(async () => {
    directory = join(await mkdtemp(join(tmpdir(), 'staging-')), 'incoming');
  });

  afterEach(() => rm(join(directory, '..'), { recursive: true, force: true }));

  it('streams the parts into one file, with their sha256, size and first bytes', async () => {
    const parts = [Buffer.from('%PD'), Buffer.from('F-1.7 '), Buffer.alloc(100_000, 7)];
    const staged = await stageUpload(directory, Readable.from(parts));
    const bytes = Buffer.concat(parts);
    expect(staged).toEqual({ path: expect.stringMatching(/\.upload$/), size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), head: bytes.subarray(0, 16) });
    expect(await readFile(staged.path)).toEqual(bytes);
  });

  it('leaves nothing behind when the stream fails', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('%PDF-'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(stageUpload(directory, failing)).rejects.toThrow('client went away');
    expect(await readdir(directory)).toEqual([]);
  });
});

describe(discardStaged.name, () => {
  it('removes the staged file, and minds neither a missing file nor no file at all', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'staging-'));
    const staged = await stageUpload(directory, Readable.from([Buffer.from('%PDF-')]));
    await discardStaged(staged);
    await discardStaged(staged);
    await discardStaged(undefined);
    expect(await readdir(directory)).toEqual([]);
    await rm(directory, { recursive: true, force: true });
  });
});
