import { Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { Principal } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import { type DocumentIssued, DocumentKind as WireKind, type IncomingEvent } from '@work-permit/contracts';
import type { DocumentKind } from '@work-permit/documents';
import { ApplicantIds, Clock } from '@work-permit/platform';
import type { Transaction } from '@work-permit/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { knownCatalogue } from '../catalogue/known-catalogue';
import { CaseFile } from '../cases/case-file.entity';
import { CaseItem } from '../cases/case-item.entity';
import { callerOf } from '../cases/case-parties';
import { canViewCase } from '../cases/case-access';
import { CaseDocument } from './case-document.entity';
import { type DocumentCase, mayReadDocument } from './document-access';
import { DocumentErrorCode, DocumentException } from './documents.exception';
import { verificationStatus, type VerificationStatus } from './verification-status';

const KIND_OF: Partial<Record<WireKind, DocumentKind>> = {
  [WireKind.ACCEPTANCE_NOTICE]: 'acceptance_notice',
  [WireKind.SUPPLEMENT_NOTICE]: 'supplement_notice',
  [WireKind.DECISION]: 'decision',
  [WireKind.E_PERMIT]: 'e_permit',
};

/** API.md: one entry of `GET /api/cases/:caseId/documents`. */
export interface CaseDocumentView {
  documentNo: string;
  kind: DocumentKind;
  item?: string;
  issuedAt: string;
  title: { zh: string; en: string };
}

/** API.md: `GET /api/verify/:documentNo`, with no more of the person than a checker needs. */
export interface VerificationView {
  documentNo: string;
  kind: DocumentKind;
  item: string | null;
  status: VerificationStatus;
  validFrom?: string;
  validTo?: string;
  holder: string;
}

/** A document to keep, whoever issued it. */
export type NewCaseDocument = Omit<CaseDocument, 'applicantId' | 'receivedAt'>;

/** The formal documents of the cases: kept once each, read by the case's parties and offices within scope, verified by anyone. */
@Injectable()
export class CaseDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applicantIds: ApplicantIds,
    private readonly clock: Clock,
  ) {}

  /** Keeps an agency's document, once (a redelivery or a second copy of the same number changes nothing). */
  async received(event: IncomingEvent<DocumentIssued>, tx: Transaction): Promise<void> {
    const { payload } = event;
    const kind = KIND_OF[payload.kind];
    if (!kind) return;
    await this.keep(tx.manager, {
      documentNo: payload.documentNo,
      caseId: payload.caseId || event.caseId,
      kind,
      itemCode: payload.itemCode || null,
      issuer: payload.issuer,
      issuedAt: payload.issuedAt ? timestampDate(payload.issuedAt) : event.occurredAt,
      title: { zh: payload.title?.zh ?? '', en: payload.title?.en ?? '' },
      sha256: payload.sha256,
      pdf: Buffer.from(payload.pdf),
      holderMasked: payload.holderMasked,
      dataKeys: [...payload.dataKeys],
      permitNo: payload.permitNo ?? null,
      validFrom: payload.validFrom ?? null,
      validTo: payload.validTo ?? null,
    });
  }

  /**
   * Keeps a document once. Sent as it is asked for, not with the COMMIT: the PDF's bytes travel as a
   * binary parameter, where written into the statement they would cost more than the round trip saved.
   */
  async keep(manager: EntityManager, document: NewCaseDocument): Promise<void> {
    await manager.query(...keptDocument(document));
  }

  /** The documents of a case the caller may read, oldest first; 404 for an unknown case and for one they may not see at all. */
  async list(principal: Principal, caseId: string): Promise<CaseDocumentView[]> {
    const theCase = await this.caseOf(caseId);
    const caller = callerOf(principal, this.applicantIds);
    const documents = await this.dataSource.getRepository(CaseDocument).find({
      where: { caseId },
      select: { documentNo: true, kind: true, itemCode: true, issuedAt: true, title: true, issuer: true, dataKeys: true },
      order: { issuedAt: 'ASC', documentNo: 'ASC' },
    });
    const readable = documents.filter((document) => mayReadDocument(caller, theCase, document));
    const seesCase = theCase.parties !== undefined && (canViewCase(caller, theCase.parties, theCase.itemAgencies) || readable.length > 0);
    if (!seesCase) throw new DocumentException(DocumentErrorCode.CaseNotFound, message('refusal.case_not_found', { caseId }));
    return readable.map((document) => ({
      documentNo: document.documentNo,
      kind: document.kind,
      ...(document.itemCode ? { item: document.itemCode } : {}),
      issuedAt: document.issuedAt.toISOString(),
      title: document.title,
    }));
  }

  /** The PDF, for whoever may read it; unknown and forbidden both 404. */
  async open(principal: Principal, documentNo: string): Promise<Pick<CaseDocument, 'documentNo' | 'pdf' | 'sha256'>> {
    const document = await this.dataSource.getRepository(CaseDocument).findOneBy({ documentNo });
    if (document && mayReadDocument(callerOf(principal, this.applicantIds), await this.caseOf(document.caseId), document)) return document;
    throw new DocumentException(DocumentErrorCode.DocumentNotFound, message('refusal.document_not_found', { documentNo }));
  }

  /** What the public verification page shows of a document. */
  async verify(documentNo: string): Promise<VerificationView> {
    const document = await this.dataSource.getRepository(CaseDocument).findOne({
      where: { documentNo },
      select: { documentNo: true, kind: true, caseId: true, itemCode: true, validFrom: true, validTo: true, holderMasked: true, applicantId: true, issuedAt: true },
    });
    if (!document) throw new DocumentException(DocumentErrorCode.DocumentNotFound, message('portal.document.unknown', { documentNo }));
    const superseded = document.kind === 'e_permit' && document.applicantId !== null && (await this.hasLaterPermit(document));
    const cancelledOn = document.kind === 'e_permit' ? await this.cancelledOn(document.caseId, document.itemCode) : null;
    return {
      documentNo: document.documentNo,
      kind: document.kind,
      item: document.itemCode,
      status: verificationStatus({ ...document, cancelledOn }, superseded, this.clock.today()),
      ...(document.validFrom ? { validFrom: document.validFrom } : {}),
      ...(document.validTo ? { validTo: document.validTo } : {}),
      holder: document.holderMasked,
    };
  }

  /**
   * The day the case's permit was cancelled (注销), as the case itself records it from
   * `approval.permit.cancelled`: one record of a cancellation, whichever of the e-permit and the
   * cancellation arrived first.
   */
  private async cancelledOn(caseId: string, itemCode: string | null): Promise<string | null> {
    if (!itemCode) return null;
    const item = await this.dataSource.getRepository(CaseItem).findOne({ where: { caseId, code: itemCode }, select: { result: true } });
    const cancelled = item?.result?.['cancelledOn'];
    return typeof cancelled === 'string' ? cancelled : null;
  }

  private async hasLaterPermit(document: Pick<CaseDocument, 'documentNo' | 'applicantId' | 'itemCode' | 'issuedAt'>): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM case_document
        WHERE kind = 'e_permit' AND applicant_id = $1 AND item_code = $2 AND document_no <> $3
          AND (issued_at > $4 OR (issued_at = $4 AND document_no > $3))
        LIMIT 1`,
      [document.applicantId, document.itemCode, document.documentNo, document.issuedAt],
    );
    return rows.length > 0;
  }

  private async caseOf(caseId: string): Promise<DocumentCase> {
    const file = await this.dataSource.getRepository(CaseFile).findOne({ where: { caseId }, select: { caseId: true, applicantId: true, employerUscc: true, catalogueVersion: true } });
    if (!file) return { itemAgencies: [] };
    const items = await this.dataSource.getRepository(CaseItem).find({ where: { caseId }, select: { agency: true } });
    return { parties: file, itemAgencies: items.map((item) => item.agency), catalogue: knownCatalogue(file.catalogueVersion) };
  }
}

/** One statement: the case's applicant (none when the document came before its case) is read as the row is written; a number kept already is left as it is. */
function keptDocument(document: NewCaseDocument): [string, unknown[]] {
  return [
    `INSERT INTO case_document (document_no, case_id, kind, item_code, issuer, issued_at, title, sha256, pdf, holder_masked, data_keys, permit_no, valid_from, valid_to, applicant_id)
     VALUES ($1, $2::uuid, $3, $4, $5, $6::timestamptz, $7::jsonb, $8, $9::bytea, $10, $11::jsonb, $12, $13::date, $14::date, (SELECT applicant_id FROM case_file WHERE case_id = $2::uuid))
     ON CONFLICT DO NOTHING`,
    [
      document.documentNo,
      document.caseId,
      document.kind,
      document.itemCode,
      document.issuer,
      document.issuedAt,
      JSON.stringify(document.title),
      document.sha256,
      document.pdf,
      document.holderMasked,
      JSON.stringify(document.dataKeys),
      document.permitNo,
      document.validFrom,
      document.validTo,
    ],
  ];
}
