import { Injectable } from '@nestjs/common';
import type { EventMetadata } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import { chinaDateOf, Clock } from '@work-permit/platform';
import type { CaseFacts } from '../policy/item-policy';
import type { ReviewNotice } from '../review/review-model';
import type { DecisionDetails, RequestDetails, SupplementDetails } from './agency-document-models';

/**
 * Turns what the workflow announces into document requests, in the transaction that announces it
 * (its outbox rows and its item rows commit with them): nothing is rendered here. A request is unique
 * by its key — one decision per item, one notice per distinct supplement request — so a step applied
 * again asks for nothing more.
 */
@Injectable()
export class DocumentRequests {
  constructor(private readonly clock: Clock) {}

  async requestFor(tx: Transaction, facts: CaseFacts, notices: readonly ReviewNotice[], metadata: EventMetadata): Promise<void> {
    const requests: Request[] = [];
    for (const notice of notices) {
      if (notice.kind === 'decided') {
        const details: DecisionDetails = {
          kind: 'decision',
          action: notice.action,
          decision: notice.decision,
          reason: notice.reason ?? null,
          decidedAt: notice.decidedAt.toISOString(),
          result: {
            ...(notice.result?.permitNo ? { permitNo: notice.result.permitNo } : {}),
            ...(notice.result?.validFrom ? { validFrom: notice.result.validFrom } : {}),
            ...(notice.result?.validTo ? { validTo: notice.result.validTo } : {}),
            ...(notice.result?.category ? { category: notice.result.category } : {}),
          },
        };
        requests.push({ requestKey: `decision:${facts.caseId}:${notice.code}`, itemCode: notice.code, details });
      } else if (notice.status === 'awaiting_supplement') {
        const requested = [...(notice.requestedMaterials ?? [])].sort();
        const details: SupplementDetails = {
          kind: 'supplement_notice',
          action: notice.action,
          reason: notice.reason ?? null,
          requestedOn: chinaDateOf(this.clock.now()),
          // Whether each was on file when asked for tells the notice why it is asked for (missing or too old).
          materials: requested.map((code) => ({ code, onFile: facts.materials.some((material) => material.code === code) })),
        };
        const key = `supplement_notice:${facts.caseId}:${notice.code}:${details.requestedOn}:${requested.join(',')}`;
        requests.push({ requestKey: key, itemCode: notice.code, details });
      }
    }
    if (requests.length === 0) return;
    // One statement for the step's requests; a key asked for before (or twice here) is skipped.
    await tx.manager.query(
      `INSERT INTO document_request (request_key, case_id, item_code, kind, details, correlation_id, causation_id)
       SELECT request_key, $1::uuid, item_code, kind, details, $2::text, $3::text
       FROM unnest($4::text[], $5::text[], $6::text[], $7::jsonb[]) WITH ORDINALITY AS request (request_key, item_code, kind, details, n)
       ORDER BY n
       ON CONFLICT (request_key) DO NOTHING`,
      [
        facts.caseId,
        metadata.correlationId,
        metadata.causationId,
        requests.map((request) => request.requestKey),
        requests.map((request) => request.itemCode),
        requests.map((request) => request.details.kind),
        requests.map((request) => JSON.stringify(request.details)),
      ],
    );
  }
}

interface Request {
  requestKey: string;
  itemCode: string;
  details: RequestDetails;
}
