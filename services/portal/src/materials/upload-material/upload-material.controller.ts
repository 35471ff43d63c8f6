import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { RateLimit } from '@work-permit/platform';
import { MultipartErrorsInterceptor } from './multipart-errors.interceptor';
import { StagedUploadCleanupInterceptor } from './staged-upload-cleanup.interceptor';
import type { StagedUpload } from './staged-upload.storage';
import type { UploadMaterialResult } from './upload-material.command';
import { UploadMaterialUseCase } from './upload-material.usecase';

/** What multer, with the staging storage, hands over of the `file` part. */
type ReceivedFile = StagedUpload & { originalname: string };

@ApiTags('materials')
@ApiBearerAuth()
@Controller('api/materials')
export class UploadMaterialController {
  constructor(private readonly uploadMaterial: UploadMaterialUseCase) {}

  @Post()
  @HttpCode(201)
  @Roles('applicant', 'employer', 'clerk')
  @RateLimit('upload')
  @UseInterceptors(MultipartErrorsInterceptor, StagedUploadCleanupInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary:
      'Upload one document (PDF, JPEG or PNG, told by its content) for a case to reference by its sha256; the same bytes again are the same document. Streamed to storage, at most MATERIALS_MAX_BYTES, within the uploader’s quota (MATERIALS_QUOTA_BYTES_PER_SUBJECT).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } }, additionalProperties: false } })
  @ApiCreatedResponse({
    schema: {
      type: 'object',
      properties: {
        sha256: { type: 'string', example: 'a'.repeat(64) },
        fileName: { type: 'string', example: 'passport.pdf' },
        size: { type: 'integer', example: 183204 },
        contentType: { type: 'string', enum: ['application/pdf', 'image/jpeg', 'image/png'] },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'No file, a file that is not a PDF, JPEG or PNG, or another multipart field: details name the field.' })
  @ApiPayloadTooLargeResponse({
    description: '`material_too_large`: the file is over MATERIALS_MAX_BYTES; `material_quota_exceeded`: it would take the uploader past MATERIALS_QUOTA_BYTES_PER_SUBJECT. The message names the limit.',
  })
  @ApiTooManyRequestsResponse({ description: 'More than RATE_LIMIT_UPLOADS_PER_MINUTE uploads in a minute by the caller.' })
  upload(@CurrentPrincipal() principal: Principal, @UploadedFile() file: ReceivedFile | undefined, @Body() fields: unknown): Promise<UploadMaterialResult> {
    const otherFields = fields !== null && typeof fields === 'object' ? Object.keys(fields) : [];
    return this.uploadMaterial.execute({
      principal,
      file: file && { originalName: file.originalname, staged: { path: file.path, size: file.size, sha256: file.sha256, head: file.head } },
      otherFields,
    });
  }
}
