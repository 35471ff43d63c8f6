import { createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { materialKey, type MaterialStorage, type StagedFile } from './material-storage';

/** Documents as files `<dir>/<sha256[0:2]>/<sha256>`; uploads are staged in `<dir>/.incoming`. */
export class LocalDiskStorage implements MaterialStorage {
  readonly stagingDirectory: string;

  constructor(private readonly directory: string) {
    // Never a two-character hex name, so no document folder is ever taken for it.
    this.stagingDirectory = join(directory, '.incoming');
  }

  pathOf(sha256: string): string {
    return join(this.directory, materialKey(sha256));
  }

  async keep(sha256: string, staged: StagedFile): Promise<void> {
    const target = this.pathOf(sha256);
    if (await isFile(target)) return;
    await mkdir(dirname(target), { recursive: true });
    // The staged file is complete and flushed; renamed on the same file system, a reader sees no file
    // or the whole file, never a part, and two uploads of the same bytes at once both rename a complete copy.
    await rename(staged.path, target);
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
