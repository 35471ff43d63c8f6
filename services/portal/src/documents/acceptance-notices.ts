import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { CaseSubmitted, IncomingEvent } from '@work-permit/contracts';
import { acceptanceNotice, newDocumentNo, renderPdf } from '@work-permit/documents';
import { type Transaction, UnitOfWork } from '@work-permit/messaging';
import { PeriodicTask, workWithinBudget } from '@work-permit/platform';
import { createHash } from 'node:crypto';
import { knownCatalogue } from '../catalogue/known-catalogue';
import { CaseFile } from '../cases/case-file.entity';
import { CaseItem } from '../cases/case-item.entity';
import { acceptanceNoticeDataKeys, acceptanceNoticeHolder, acceptanceNoticeInput } from './acceptance-notice.model';
import { AcceptanceNoticeRequest } from './acceptance-notice-request.entity';
import { CaseDocuments } from './case-documents';

export const DOCUMENTS_SETTINGS = Symbol('DOCUMENTS_SETTINGS');

export interface DocumentsSettings {
  renderIntervalMs: number;
}

/** A request that fails this often (a bug, not a passing fault) is left for a person, with its last error. */
const MAX_ATTEMPTS = 5;
// Rendering is CPU work in the process that also consumes the bus (see workWithinBudget).
const RUN_BUDGET_MS = 300;

/**
 * The acceptance notice (受理通知书, or 受理回执 at the window) of every case the portal accepted. The
 * case's own CaseSubmitted, read back from the portal's topic, asks for it in the consumer's
 * transaction; a periodic renderer issues it off the submission's path, once (`FOR UPDATE SKIP LOCKED`,
 * the notice and the request's `done_at` in one transaction).
 */
@Injectable()
export class AcceptanceNotices implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AcceptanceNotices.name);
  private readonly loop: PeriodicTask;

  constructor(
    @Inject(DOCUMENTS_SETTINGS) settings: DocumentsSettings,
    private readonly unitOfWork: UnitOfWork,
    private readonly documents: CaseDocuments,
  ) {
    this.loop = new PeriodicTask('acceptance notices', settings.renderIntervalMs, () => this.issuePending(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  async request(event: IncomingEvent<CaseSubmitted>, tx: Transaction): Promise<void> {
    const caseId = event.payload.caseId || event.caseId;
    // A submission this portal does not hold (its database was replaced) has nothing to put in a notice.
    await tx.writeWithTheCommit(
      `INSERT INTO acceptance_notice_request (case_id, correlation_id, causation_id)
       SELECT $1::uuid, $2::text, $3::text WHERE EXISTS (SELECT 1 FROM case_file WHERE case_id = $1::uuid)
       ON CONFLICT DO NOTHING`,
      [caseId, event.correlationId, event.eventId],
    );
  }

  /** Issues pending notices for up to RUN_BUDGET_MS; returns how many were handled. */
  async issuePending(): Promise<number> {
    return workWithinBudget(RUN_BUDGET_MS, () => this.issueNext());
  }

  private issueNext(): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      // Without parameters, the statement goes in one message with the BEGIN (\`TransactionEndsClient\`).
      const [request] = (await tx.manager.query(
        `SELECT case_id AS "caseId", attempts FROM acceptance_notice_request
          WHERE done_at IS NULL AND attempts < ${MAX_ATTEMPTS}
          ORDER BY requested_at LIMIT 1
          FOR UPDATE SKIP LOCKED`,
      )) as Pick<AcceptanceNoticeRequest, 'caseId' | 'attempts'>[];
      if (!request) return false;
      try {
        await this.issue(tx, request.caseId);
        await tx.writeWithTheCommit('UPDATE acceptance_notice_request SET done_at = now(), attempts = $2, last_error = NULL WHERE case_id = $1', [request.caseId, request.attempts + 1]);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await tx.manager.update(AcceptanceNoticeRequest, { caseId: request.caseId }, { attempts: request.attempts + 1, lastError: message });
        this.logger.error(`acceptance notice of case ${request.caseId} failed: ${message}`);
      }
      return true;
    });
  }

  private async issue(tx: Transaction, caseId: string): Promise<void> {
    const file = await tx.manager.findOneByOrFail(CaseFile, { caseId });
    const catalogue = knownCatalogue(file.catalogueVersion);
    if (!catalogue) throw new Error(`catalogue ${file.catalogueVersion} is not in this build`);
    const items = await tx.manager.find(CaseItem, { where: { caseId }, select: { code: true, action: true }, order: { code: 'ASC' } });
    const input = acceptanceNoticeInput(file, items, catalogue);
    const model = acceptanceNotice({ ...input, documentNo: newDocumentNo('portal', input.issuedOn) });
    const pdf = await renderPdf(model);
    await this.documents.keep(tx.manager, {
      documentNo: model.documentNo,
      caseId,
      kind: 'acceptance_notice',
      itemCode: null,
      issuer: 'portal',
      issuedAt: file.submittedAt,
      title: model.title,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      pdf,
      holderMasked: acceptanceNoticeHolder(file.body),
      dataKeys: acceptanceNoticeDataKeys(file.body),
      permitNo: null,
      validFrom: null,
      validTo: null,
    });
    this.logger.log(`issued acceptance notice ${model.documentNo}`);
  }
}
