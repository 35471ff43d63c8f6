import { Injectable } from '@nestjs/common';
import type { EventMetadata } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import { chinaDateOf, Clock } from '@work-permit/platform';
import type { CaseFacts } from '../policy/item-policy';
import type { ReviewNotice } from '../review/review-model';
import type { DecisionDetails, RequestDetails, SupplementDetails } from './agency-document-models';
import { DocumentRequestRow } from './document-request.entity';

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
        await this.request(tx, facts.caseId, `decision:${facts.caseId}:${notice.code}`, notice.code, details, metadata);
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
        await this.request(tx, facts.caseId, key, notice.code, details, metadata);
      }
    }
  }

  private async request(tx: Transaction, caseId: string, requestKey: string, itemCode: string, details: RequestDetails, metadata: EventMetadata): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .insert()
      .into(DocumentRequestRow)
      .values({ requestKey, caseId, itemCode, kind: details.kind, details, correlationId: metadata.correlationId, causationId: metadata.causationId })
      .orIgnore()
      .execute();
  }
}
