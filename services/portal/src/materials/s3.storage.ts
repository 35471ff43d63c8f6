import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { OnModuleDestroy } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { materialKey, type MaterialStorage, type StagedFile } from './material-storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For an S3-compatible server (MinIO, Ceph, …); unset for AWS itself. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Both or neither; without them the SDK's default credential chain applies (environment, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Where uploads wait while they arrive; the system's temporary directory by default. */
  stagingDirectory?: string;
}

/** The narrow part of S3Client used here, so the requests can be checked without a server. */
export interface S3Sender {
  send(command: HeadObjectCommand | PutObjectCommand | GetObjectCommand): Promise<unknown>;
  destroy?(): void;
}

/** Documents as objects `<sha256[0:2]>/<sha256>` in one bucket of S3 or an S3-compatible server. */
export class S3Storage implements MaterialStorage, OnModuleDestroy {
  constructor(
    private readonly client: S3Sender,
    private readonly bucket: string,
    readonly stagingDirectory: string = join(tmpdir(), 'weihai-portal-uploads'),
  ) {}

  static create(options: S3StorageOptions): S3Storage {
    const client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
      // Checksums only where S3 requires them: several S3-compatible servers refuse the SDK's default extra checksum headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return new S3Storage(client, options.bucket, options.stagingDirectory);
  }

  async keep(sha256: string, staged: StagedFile, contentType: string): Promise<void> {
    const key = materialKey(sha256);
    if (await this.exists(key)) return;
    // Streamed from the staged file in one request; its length is known, so nothing is buffered.
    const body = createReadStream(staged.path);
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: staged.size }));
    } finally {
      body.destroy();
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    try {
      const object = (await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: materialKey(sha256) }))) as { Body?: unknown };
      if (object.Body instanceof Readable) return object.Body;
      throw new Error('the S3 client answered without a readable body');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.client.destroy?.();
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return true;
  const name = (error as { name?: unknown })?.name;
  return name === 'NotFound' || name === 'NoSuchKey';
}
