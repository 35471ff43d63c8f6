import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import { isDocumentNo } from '@work-permit/documents';
import { RateLimit } from '@work-permit/platform';
import { CaseDocuments, type VerificationView } from './case-documents';
import { DocumentErrorCode, DocumentException } from './documents.exception';

@ApiTags('documents')
@Controller('api/verify')
export class VerifyController {
  constructor(private readonly documents: CaseDocuments) {}

  @Get(':documentNo')
  @Public()
  @RateLimit('public')
  // The answer changes when a permit is cancelled or superseded: never served from a cache.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Whether a document is valid, expired, cancelled or superseded (a later e-permit of the same item for the same person), with the holder masked (e.g. SMI*** J***): what a checker needs, no more. The QR code of an e-permit opens the web front’s page for it.',
  })
  @ApiParam({ name: 'documentNo', example: 'PSB-20261206-K7M2Q9XT4C' })
  @ApiNotFoundResponse({ description: 'No document of that number.' })
  verify(@Param('documentNo') documentNo: string): Promise<VerificationView> {
    if (!isDocumentNo(documentNo)) throw new DocumentException(DocumentErrorCode.DocumentNotFound, message('portal.document.unknown', { documentNo }));
    return this.documents.verify(documentNo);
  }
}
