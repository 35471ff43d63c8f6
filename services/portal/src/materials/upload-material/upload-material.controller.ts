import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { MultipartErrorsInterceptor } from './multipart-errors.interceptor';
import type { UploadMaterialResult } from './upload-material.command';
import { UploadMaterialUseCase } from './upload-material.usecase';

/** What multer (memory storage) hands over of the `file` part. */
interface ReceivedFile {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('materials')
@ApiBearerAuth()
@Controller('api/materials')
export class UploadMaterialController {
  constructor(private readonly uploadMaterial: UploadMaterialUseCase) {}

  @Post()
  @HttpCode(201)
  @Roles('applicant', 'employer', 'clerk')
  @UseInterceptors(MultipartErrorsInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary: 'Upload one document (PDF, JPEG or PNG, told by its content) for a case to reference by its sha256; the same bytes again are the same document.',
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
  @ApiPayloadTooLargeResponse({ description: 'The file is over MATERIALS_MAX_BYTES; the message names the limit.' })
  upload(@CurrentPrincipal() principal: Principal, @UploadedFile() file: ReceivedFile | undefined, @Body() fields: unknown): Promise<UploadMaterialResult> {
    const otherFields = fields !== null && typeof fields === 'object' ? Object.keys(fields) : [];
    return this.uploadMaterial.execute({ principal, file: file && { originalName: file.originalname, bytes: file.buffer }, otherFields });
  }
}
