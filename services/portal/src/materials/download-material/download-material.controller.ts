import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { attachmentDisposition } from './content-disposition';
import { type MaterialMeta, ReadMaterialUseCase } from './read-material.usecase';

const SHA256_PARAM = { name: 'sha256', description: 'the sha256 POST /api/materials answered', example: 'a'.repeat(64) };

@ApiTags('materials')
@ApiBearerAuth()
@Controller('api/materials')
export class DownloadMaterialController {
  constructor(private readonly readMaterial: ReadMaterialUseCase) {}

  @Get(':sha256')
  // Every role: who may read which document is decided per document, and a refusal looks like "unknown".
  @Roles('applicant', 'employer', 'clerk', 'officer', 'analyst', 'admin')
  // Passport scans and the like: kept out of shared caches and browser history, never sniffed into another type.
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({
    summary:
      "The document itself, with its content type and file name. Clerks and admins: any; officers: those a case their agency reviews references under a material code their agency's data scope releases; applicants and employers: their own uploads and those their cases (by verified identity) reference. Anything else is answered as unknown (404).",
  })
  @ApiParam(SHA256_PARAM)
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No document with this sha256 that the caller may read: unknown and forbidden look the same.' })
  async download(@CurrentPrincipal() principal: Principal, @Param('sha256') sha256: string): Promise<StreamableFile> {
    const material = await this.readMaterial.open(principal, sha256);
    return new StreamableFile(material.content, { type: material.contentType, length: material.size, disposition: attachmentDisposition(material.fileName) });
  }

  @Get(':sha256/meta')
  @Roles('applicant', 'employer', 'clerk', 'officer', 'analyst', 'admin')
  @ApiOperation({ summary: 'What is known of a document: file name, size, content type, when it was uploaded. The same rights as the download.' })
  @ApiParam(SHA256_PARAM)
  meta(@CurrentPrincipal() principal: Principal, @Param('sha256') sha256: string): Promise<MaterialMeta> {
    return this.readMaterial.meta(principal, sha256);
  }
}
