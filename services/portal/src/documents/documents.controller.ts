import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import { isDocumentNo } from '@work-permit/documents';
import { attachmentDisposition } from '../materials/download-material/content-disposition';
import { type CaseDocumentView, CaseDocuments } from './case-documents';
import { DocumentErrorCode, DocumentException } from './documents.exception';

const WHO =
  "The case's applicant and employer (by verified identity, whoever filed it), clerks and admins; the issuing agency's officers; another agency's officers when the agency has an item in the case and its data scope releases all the document shows of the person. Anything else is answered as unknown (404).";

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api')
export class DocumentsController {
  constructor(private readonly documents: CaseDocuments) {}

  @Get('cases/:caseId/documents')
  @Roles('applicant', 'employer', 'clerk', 'officer', 'admin')
  @ApiOperation({ summary: `The formal documents of a case the caller may read, oldest first. ${WHO}` })
  @ApiNotFoundResponse({ description: 'No such case for the caller: unknown and forbidden look the same.' })
  async list(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string): Promise<CaseDocumentView[]> {
    return this.documents.list(principal, caseId);
  }

  @Get('documents/:documentNo')
  @Roles('applicant', 'employer', 'clerk', 'officer', 'analyst', 'admin')
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: `The document as a PDF (Chinese with English beneath). ${WHO}` })
  @ApiParam({ name: 'documentNo', example: 'PSB-20261206-K7M2Q9XT4C' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such document for the caller: unknown and forbidden look the same.' })
  async download(@CurrentPrincipal() principal: Principal, @Param('documentNo') documentNo: string): Promise<StreamableFile> {
    if (!isDocumentNo(documentNo)) throw new DocumentException(DocumentErrorCode.DocumentNotFound, message('refusal.document_not_found', { documentNo }));
    const document = await this.documents.open(principal, documentNo);
    return new StreamableFile(document.pdf, { type: 'application/pdf', length: document.pdf.length, disposition: attachmentDisposition(`${document.documentNo}.pdf`) });
  }
}
