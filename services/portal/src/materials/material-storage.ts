import type { Readable } from 'node:stream';

/** A file whose bytes are known: where it is and how long it is. */
export interface StagedFile {
  path: string;
  size: number;
}

/** Where the bytes of uploaded documents live, by their sha256 (content-addressed). */
export interface MaterialStorage {
  /**
   * Where uploads are staged while they arrive: beside the documents on a disk storage, so keeping
   * one is a rename on the same file system.
   */
  readonly stagingDirectory: string;
  /**
   * Keeps the staged file's bytes under `sha256` (their hash); the same bytes kept again change
   * nothing. The staged file may be moved away; whatever is left of it is the caller's to remove.
   */
  keep(sha256: string, staged: StagedFile, contentType: string): Promise<void>;
  /** The stored bytes as a stream, or undefined when nothing is stored under `sha256`. */
  get(sha256: string): Promise<Readable | undefined>;
}

export const MATERIAL_STORAGE = Symbol('MATERIAL_STORAGE');

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256.test(value);
}

/**
 * `<sha256[0:2]>/<sha256>`: a file path below the materials directory, or an object key. The first
 * two characters spread the documents over 256 folders. Anything but a lower-case hex sha256 is
 * refused, so a key can never leave its folder.
 */
export function materialKey(sha256: string): string {
  if (!isSha256(sha256)) throw new Error('a material key needs a sha256 of 64 lower-case hexadecimal characters');
  return `${sha256.slice(0, 2)}/${sha256}`;
}
