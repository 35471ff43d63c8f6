import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { dataScopeOf, getCatalogue } from '@work-permit/catalogue';
import { DocumentIssuedEventsOf, DocumentKind as WireKind } from '@work-permit/contracts';
import { type DocumentKind, newDocumentNo, renderPdf } from '@work-permit/documents';
import { type Transaction, UnitOfWork } from '@work-permit/messaging';
import { PeriodicTask, workWithinBudget } from '@work-permit/platform';
import { createHash } from 'node:crypto';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from '../agency-review.options';
import { withinScope } from '../events/event-mapping';
import type { CaseFacts } from '../policy/item-policy';
import { type ComposedDocument, composeDocuments } from './agency-document-models';
import { AGENCY_DOCUMENTS_OPTIONS, type AgencyDocumentsOptions } from './agency-documents.options';
import { DocumentRequestRow } from './document-request.entity';

/** A pending request as the issuer takes it, with the facts of its case (null when the case is not held here). */
type PendingRequest = Pick<DocumentRequestRow, 'id' | 'caseId' | 'itemCode' | 'kind' | 'details' | 'correlationId' | 'causationId' | 'attempts'> & { facts: CaseFacts | null };

const WIRE_KIND: Record<DocumentKind, WireKind> = {
  acceptance_notice: WireKind.ACCEPTANCE_NOTICE,
  supplement_notice: WireKind.SUPPLEMENT_NOTICE,
  decision: WireKind.DECISION,
  e_permit: WireKind.E_PERMIT,
};

/** A request that fails this often (a bug, not a passing fault) is left for a person, with its last error. */
const MAX_ATTEMPTS = 5;
// Rendering is CPU work in the process that also consumes the bus (see workWithinBudget).
const RUN_BUDGET_MS = 300;

/**
 * Issues the requested documents off the decision's path: takes one pending request at a time
 * (`FOR UPDATE SKIP LOCKED`, so replicas share the work), renders its PDFs, and stores them, publishes
 * `<agency>.document.issued` and marks the request done in one transaction — so each document is
 * issued once, across restarts and replicas.
 */
@Injectable()
export class AgencyDocumentIssuer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AgencyDocumentIssuer.name);
  private readonly loop: PeriodicTask;

  constructor(
    @Inject(AGENCY_REVIEW_OPTIONS) private readonly options: AgencyReviewOptions,
    @Inject(AGENCY_DOCUMENTS_OPTIONS) private readonly documents: AgencyDocumentsOptions,
    private readonly unitOfWork: UnitOfWork,
  ) {
    this.loop = new PeriodicTask('document issuing', documents.renderIntervalMs, () => this.issuePending(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Issues pending requests for up to RUN_BUDGET_MS; returns how many were handled. */
  async issuePending(): Promise<number> {
    return workWithinBudget(RUN_BUDGET_MS, () => this.issueNext());
  }

  private issueNext(): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      // The request with its case's facts in one round trip; only the request is locked. Without
      // parameters, the statement goes in one message with the BEGIN (\`TransactionEndsClient\`).
      const [request] = (await tx.manager.query(
        `SELECT r.id, r.case_id AS "caseId", r.item_code AS "itemCode", r.kind, r.details, r.correlation_id AS "correlationId",
                r.causation_id AS "causationId", r.attempts, c.facts
         FROM document_request r LEFT JOIN review_case c ON c.case_id = r.case_id
         WHERE r.done_at IS NULL AND r.attempts < ${MAX_ATTEMPTS}
         ORDER BY r.id LIMIT 1
         FOR UPDATE OF r SKIP LOCKED`,
      )) as PendingRequest[];
      if (!request) return false;
      let composed: ComposedDocument[];
      try {
        composed = await this.compose(request);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await tx.manager.update(DocumentRequestRow, { id: request.id }, { attempts: request.attempts + 1, lastError: message });
        this.logger.error(`document request ${request.id} (${request.kind} of ${request.itemCode}) failed: ${message}`);
        return true;
      }
      for (const document of composed) await this.issue(tx, request, document);
      await tx.writeWithTheCommit('UPDATE document_request SET done_at = now(), attempts = $2, last_error = NULL WHERE id = $1', [request.id, request.attempts + 1]);
      return true;
    });
  }

  private async compose({ facts, ...request }: PendingRequest): Promise<ComposedDocument[]> {
    if (!facts) throw new Error(`case ${request.caseId} is not held here`);
    const catalogue = getCatalogue(facts.catalogueVersion);
    return composeDocuments(request.itemCode, request.details, {
      catalogue,
      agency: this.options.agency,
      // Kept filtered on the way in; filtered again so a document can never show more than the scope.
      facts: withinScope(facts, dataScopeOf(catalogue, this.options.agency)),
      publicWebUrl: this.documents.publicWebUrl,
      newDocumentNo: (issuedOn) => newDocumentNo(this.options.agency, issuedOn),
    });
  }

  private async issue(tx: Transaction, request: PendingRequest, document: ComposedDocument): Promise<void> {
    const pdf = await renderPdf(document.model);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const { documentNo, title } = document.model;
    // Sent as asked for: the PDF's bytes travel as a binary parameter, where written into a statement
    // for the COMMIT they would cost more than the round trip saved.
    await tx.manager.query(
      `INSERT INTO issued_document (document_no, request_id, case_id, item_code, kind, issued_at, title, sha256, pdf, holder_masked, data_keys, permit_no, valid_from, valid_to)
       VALUES ($1, $2::bigint, $3::uuid, $4, $5, $6::timestamptz, $7::jsonb, $8, $9::bytea, $10, $11::jsonb, $12, $13::date, $14::date)`,
      [
        documentNo,
        request.id,
        request.caseId,
        request.itemCode,
        document.kind,
        document.issuedAt,
        JSON.stringify(title),
        sha256,
        pdf,
        document.holderMasked,
        JSON.stringify(document.dataKeys),
        document.permit?.permitNo ?? null,
        document.permit?.validFrom ?? null,
        document.permit?.validTo ?? null,
      ],
    );
    await tx.publish(
      DocumentIssuedEventsOf[this.options.agency],
      {
        documentNo,
        kind: WIRE_KIND[document.kind],
        caseId: request.caseId,
        itemCode: request.itemCode,
        issuer: this.options.agency,
        issuedAt: timestampFromDate(document.issuedAt),
        title,
        pdf,
        sha256,
        holderMasked: document.holderMasked,
        dataKeys: document.dataKeys,
        ...(document.permit ?? {}),
      },
      { caseId: request.caseId, correlationId: request.correlationId, causationId: request.causationId },
    );
    this.logger.log(`issued ${document.kind} ${documentNo} for ${request.itemCode}`);
  }
}
