import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { materialKey, type MaterialStorage } from './material-storage';

/** Documents as files `<dir>/<sha256[0:2]>/<sha256>`. */
export class LocalDiskStorage implements MaterialStorage {
  constructor(private readonly directory: string) {}

  pathOf(sha256: string): string {
    return join(this.directory, materialKey(sha256));
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(sha256);
    if (await isFile(target)) return;
    await mkdir(dirname(target), { recursive: true });
    // Written beside the target and renamed over it: a reader sees no file or the whole file, never
    // a part; two uploads of the same bytes at once both rename a complete copy.
    const temporary = join(dirname(target), `.${sha256}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temporary, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    const path = this.pathOf(sha256);
    return (await isFile(path)) ? createReadStream(path) : undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
