import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An upload as it arrived: in a temporary file, hashed and measured on the way in. */
export interface StagedUpload {
  path: string;
  size: number;
  sha256: string;
  /** The first bytes, enough to tell the document type by. */
  head: Buffer;
}

// The longest signature document-type.ts knows is PNG's 8 bytes.
const HEAD_BYTES = 16;

/** Streams `source` into a new temporary file in `directory`, hashing it as it goes; nothing is held in memory. */
export async function stageUpload(directory: string, source: Readable): Promise<StagedUpload> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, `${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      done(null, chunk);
    },
  });
  try {
    // flush: the bytes are on disk before the file is renamed into place or sent on.
    await pipeline(source, meter, createWriteStream(path, { flags: 'wx', mode: 0o640, flush: true }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { path, size, sha256: hash.digest('hex'), head };
}

/** What multer hands a storage engine of a file part. */
interface FilePart {
  stream: Readable;
}

/**
 * A multer storage engine that stages each file part with `stageUpload`. multer stops the part at
 * the size limit and then removes what was staged (`_removeFile`), so an oversized upload never lands
 * anywhere for longer than it takes to refuse it.
 */
export class StagedUploadStorage {
  constructor(readonly directory: string) {}

  _handleFile(_request: unknown, file: FilePart, callback: (error: Error | null, info?: StagedUpload) => void): void {
    stageUpload(this.directory, file.stream).then(
      (staged) => callback(null, staged),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  _removeFile(_request: unknown, file: Partial<StagedUpload>, callback: (error: Error | null) => void): void {
    discardStaged(file).then(
      () => callback(null),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

/** Removes a staged file if it is still there (it is gone once the storage moved it into place). */
export async function discardStaged(staged: Partial<Pick<StagedUpload, 'path'>> | undefined): Promise<void> {
  if (staged?.path) await rm(staged.path, { force: true });
}
