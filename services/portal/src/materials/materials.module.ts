import { type DynamicModule, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ApplicantIds, Clock } from '@work-permit/platform';
import { resolve } from 'node:path';
import type { PortalConfig } from '../portal.config';
import { DownloadMaterialController } from './download-material/download-material.controller';
import { ReadMaterialUseCase } from './download-material/read-material.usecase';
import { LocalDiskStorage } from './local-disk.storage';
import { MATERIAL_STORAGE, type MaterialStorage } from './material-storage';
import { MaterialRepository } from './material.repository';
import { MaterialsSettings } from './materials-settings';
import { MultipartErrorsInterceptor } from './upload-material/multipart-errors.interceptor';
import { StagedUploadCleanupInterceptor } from './upload-material/staged-upload-cleanup.interceptor';
import { StagedUploadStorage } from './upload-material/staged-upload.storage';
import { UploadMaterialController } from './upload-material/upload-material.controller';
import { UploadMaterialUseCase } from './upload-material/upload-material.usecase';
import { UploadedMaterials } from './uploaded-materials.service';

/** Uploaded documents: upload, read back, and what cases may reference (README.md, Materials). */
@Module({})
export class MaterialsModule {
  static register(config: PortalConfig): DynamicModule {
    const storage = materialStorageFor(config);
    return {
      module: MaterialsModule,
      imports: [
        // An upload is streamed to a staging file while it is hashed, never held in memory; multer stops it past the limit.
        MulterModule.register({
          storage: new StagedUploadStorage(storage.stagingDirectory),
          defParamCharset: 'utf8',
          limits: { fileSize: config.MATERIALS_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
        }),
      ],
      controllers: [UploadMaterialController, DownloadMaterialController],
      providers: [
        Clock,
        { provide: MaterialsSettings, useValue: new MaterialsSettings(config.MATERIALS_MAX_BYTES, config.MATERIALS_QUOTA_BYTES_PER_SUBJECT) },
        { provide: MATERIAL_STORAGE, useValue: storage },
        ApplicantIds,
        MaterialRepository,
        UploadedMaterials,
        UploadMaterialUseCase,
        ReadMaterialUseCase,
        MultipartErrorsInterceptor,
        StagedUploadCleanupInterceptor,
      ],
      exports: [UploadedMaterials],
    };
  }
}

/**
 * S3 when a bucket is configured, the local disk otherwise. The S3 client is loaded only then: the AWS
 * SDK cost a portal that did not use it about 6 MB of resident memory at rest, and start-up time.
 */
export function materialStorageFor(config: PortalConfig): MaterialStorage {
  if (!config.MATERIALS_S3_BUCKET) return new LocalDiskStorage(resolve(config.MATERIALS_DIR));
  // Required here, not imported, so that the SDK is loaded only for a bucket.
  const { S3Storage } = require('./s3.storage') as typeof import('./s3.storage');
  return S3Storage.create({
    bucket: config.MATERIALS_S3_BUCKET,
    region: config.MATERIALS_S3_REGION,
    endpoint: config.MATERIALS_S3_ENDPOINT,
    forcePathStyle: config.MATERIALS_S3_FORCE_PATH_STYLE,
    accessKeyId: config.MATERIALS_S3_ACCESS_KEY_ID,
    secretAccessKey: config.MATERIALS_S3_SECRET_ACCESS_KEY,
    stagingDirectory: config.MATERIALS_S3_STAGING_DIR && resolve(config.MATERIALS_S3_STAGING_DIR),
  });
}
