import type { Readable } from 'node:stream';

/** Where the bytes of uploaded documents live, by their sha256 (content-addressed). */
export interface MaterialStorage {
  /** Keeps `bytes` under `sha256`; the same bytes stored again change nothing. */
  put(sha256: string, bytes: Buffer, contentType: string): Promise<void>;
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
