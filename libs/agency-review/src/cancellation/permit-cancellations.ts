import { Inject, Injectable, Logger } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { dependantsOf, fromWire, getCatalogue, type Lang, type Localized, localize, type Message, message, render } from '@work-permit/catalogue';
import { CancellationGround as WireGround, type ContractEnded, Events, type EventMetadata, type IncomingEvent, type PermitCancelled } from '@work-permit/contracts';
import { followingFrom, PermanentMessageError, type Transaction } from '@work-permit/messaging';
import { Clock } from '@work-permit/platform';
import type { EntityManager } from 'typeorm';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from '../agency-review.options';
import { CaseReviewer, lockCase } from '../case-reviewer';
import { reasonOnTheWire } from '../events/event-mapping';
import { readHeldCase } from '../persistence/review-state.reader';
import { messageOf } from '../persistence/stored-message';
import { isFinal } from '../review/review-model';
import { PermitCancellationRow } from './permit-cancellation.entity';
import {
  agencyDependantsOf,
  type CancellationGround,
  type CancellationRequest,
  cancellationReason,
  CONTRACT_BOUND_ITEM,
  decideCancellation,
} from './permit-cancellation.rules';

const GROUND_ON_WIRE: Record<CancellationGround, WireGround> = {
  contract_ended: WireGround.CONTRACT_ENDED,
  joint_review_rejected: WireGround.JOINT_REVIEW_REJECTED,
};

const GROUND_OF_WIRE: Partial<Record<WireGround, CancellationGround>> = {
  [WireGround.CONTRACT_ENDED]: 'contract_ended',
  [WireGround.JOINT_REVIEW_REJECTED]: 'joint_review_rejected',
};

/** A cancellation as an officer's workbench shows it. */
export interface PermitCancellationView {
  caseId: string;
  itemCode: string;
  /** `cancelled` at the permit's owner; `told` at an agency whose items depend on it. */
  role: PermitCancellationRow['role'];
  permitNo: string;
  cancelledOn: string;
  ground: CancellationGround;
  /** Why, in the reader's language (Chinese by default); `reasons` has both. */
  reason: string;
  reasons: Localized;
  contractEndedOn: string | null;
  reportedLate: boolean;
  reportedBy: { subject: string; role: string } | null;
  /** The items that depend on the permit (the catalogue's graph): at the owner every agency's, elsewhere this agency's. */
  dependantItems: string[];
  /** The items this agency ended because of it. */
  endedItems: { caseId: string; code: string }[];
  recordedAt: string;
}

/**
 * Cancellation (注销) of a granted permit. At the permit's owner (admin-approval for the work
 * permit): an employer's report of the contract's end, or a joint review that rejected the holder,
 * cancels the permit once and announces `approval.permit.cancelled`. At an agency whose items depend
 * on it: the notice is recorded, and the items here that still wait for the permit end.
 */
@Injectable()
export class PermitCancellations {
  private readonly logger = new Logger(PermitCancellations.name);

  constructor(
    @Inject(AGENCY_REVIEW_OPTIONS) private readonly options: AgencyReviewOptions,
    private readonly reviewer: CaseReviewer,
    private readonly clock: Clock,
  ) {}

  /** The employer reported the contract's end: the permit the case granted is cancelled, once. */
  async contractEnded(event: IncomingEvent<ContractEnded>, tx: Transaction): Promise<void> {
    const report = event.payload;
    const itemCode = report.itemCode || CONTRACT_BOUND_ITEM;
    const outcome = await this.cancel(
      tx,
      event.caseId,
      itemCode,
      {
        ground: 'contract_ended',
        contractEndedOn: report.endedOn,
        reportedReason: report.reason,
        reportedLate: report.late,
        windowDays: report.windowDays,
      },
      report.reportedBy ? { subject: report.reportedBy.subject, role: report.reportedBy.role } : null,
      followingFrom(event),
    );
    // The portal takes a report only for a permit it saw granted here; anything else is for a person to look at.
    if (outcome.kind === 'not_granted') {
      throw new PermanentMessageError('permit_not_granted', `case ${event.caseId} has no granted ${itemCode} here to cancel (${outcome.status ?? 'no such item'})`);
    }
  }

  /** A joint review rejected the case of a permit holder: the permit it granted is cancelled, if it was granted. */
  async jointReviewRejected(tx: Transaction, caseId: string, reason: Message): Promise<void> {
    await this.cancel(tx, caseId, CONTRACT_BOUND_ITEM, { ground: 'joint_review_rejected', jointReviewReason: reason }, null, undefined);
  }

  /** The permit's owner cancelled it: recorded here once, and this agency's items that still wait for it end. */
  async permitCancelled(event: IncomingEvent<PermitCancelled>, tx: Transaction): Promise<void> {
    const notice = event.payload;
    const dependants = agencyDependantsOf(getCatalogue(), this.options.agency, notice.itemCode);
    if (dependants.length === 0) return;
    await lockCase(tx, event.caseId);
    if (await tx.manager.existsBy(PermitCancellationRow, { caseId: event.caseId, itemCode: notice.itemCode })) return;
    const endedItems: PermitCancellationRow['endedItems'] = [];
    const reason = fromWire(notice.reasonMessage, notice.reason) ?? message('cancellation.contract_ended', { endedOn: notice.contractEndedOn, late: notice.reportedLate, windowDays: 0 });
    for (const caseId of await this.casesRelyingOn(tx.manager, event.caseId, notice)) {
      endedItems.push(...(await this.endDependants(tx, caseId, notice.itemCode, dependants, reason, event)));
    }
    await tx.manager.insert(PermitCancellationRow, {
      caseId: event.caseId,
      itemCode: notice.itemCode,
      role: 'told',
      permitNo: notice.permitNo,
      applicantId: notice.applicantId,
      cancelledOn: notice.cancelledOn,
      ground: GROUND_OF_WIRE[notice.ground] ?? 'contract_ended',
      reason,
      contractEndedOn: notice.contractEndedOn || null,
      reportedLate: notice.reportedLate,
      reportedBy: null,
      dependantItems: dependants,
      endedItems,
    });
    this.logger.log(`${notice.itemCode} of the case cancelled by its owner: ${endedItems.length} item(s) ended here`);
  }

  /** The cancellations of the permit a case granted, or of one its holder relies on, for the officers' case view. */
  async ofCase(manager: EntityManager, caseId: string, applicantId: string, lang: Lang): Promise<PermitCancellationView[]> {
    const rows = await manager
      .createQueryBuilder(PermitCancellationRow, 'cancellation')
      .where('cancellation.case_id = :caseId OR cancellation.applicant_id = :applicantId', { caseId, applicantId })
      .orderBy('cancellation.recorded_at', 'ASC')
      .getMany();
    return rows.map((row) => viewOf(row, lang));
  }

  /** The newest first, for the officers' list. */
  async list(manager: EntityManager, limit: number, lang: Lang): Promise<PermitCancellationView[]> {
    return (await manager.find(PermitCancellationRow, { order: { recordedAt: 'DESC', caseId: 'ASC' }, take: limit })).map((row) => viewOf(row, lang));
  }

  private async cancel(
    tx: Transaction,
    caseId: string,
    itemCode: string,
    request: CancellationRequest,
    reportedBy: PermitCancellationRow['reportedBy'],
    cause: EventMetadata | undefined,
  ): Promise<{ kind: 'cancelled' | 'already_cancelled' } | { kind: 'not_granted'; status: string | undefined }> {
    await lockCase(tx, caseId);
    if (await tx.manager.existsBy(PermitCancellationRow, { caseId, itemCode })) return { kind: 'already_cancelled' };
    const { state, correlationId } = await readHeldCase(tx.manager, caseId);
    const decision = decideCancellation(state?.items ?? [], itemCode);
    if (decision.kind === 'not_granted' || !state) return { kind: 'not_granted', status: decision.kind === 'not_granted' ? decision.status : undefined };
    const cancelledOn = this.clock.today();
    const reason = cancellationReason(request);
    const applicantId = state.facts.applicantId;
    const metadata = cause ?? { caseId, correlationId: correlationId ?? caseId, causationId: caseId };
    const notice = { caseId, itemCode, permitNo: decision.permitNo, applicantId, ...reasonOnTheWire(reason) };
    await tx.manager.insert(PermitCancellationRow, {
      caseId,
      itemCode,
      role: 'cancelled',
      permitNo: decision.permitNo,
      applicantId,
      cancelledOn,
      ground: request.ground,
      reason,
      contractEndedOn: request.contractEndedOn ?? null,
      reportedLate: request.reportedLate ?? false,
      reportedBy,
      // Every item the notice reaches, whichever agency owns it.
      dependantItems: dependantsOf(getCatalogue(), itemCode),
      endedItems: [],
    });
    await tx.publish(
      Events.PermitCancelled,
      {
        ...notice,
        cancelledOn,
        ground: GROUND_ON_WIRE[request.ground],
        contractEndedOn: request.contractEndedOn ?? '',
        reportedLate: request.reportedLate ?? false,
        cancelledAt: timestampFromDate(this.clock.now()),
      },
      metadata,
    );
    this.logger.warn(`${itemCode} cancelled (${request.ground}${request.reportedLate ? ', reported late' : ''})`);
    return { kind: 'cancelled' };
  }

  /**
   * The permit's own case, and this agency's other cases of the holder that name the permit as held
   * (an item applied for later on the strength of it) without applying for it themselves.
   */
  private async casesRelyingOn(manager: EntityManager, permitCaseId: string, notice: PermitCancelled): Promise<string[]> {
    const holdings = getCatalogue().items.find((item) => item.code === notice.itemCode)?.heldEvidenceField;
    const others =
      holdings && notice.permitNo && notice.applicantId
        ? ((await manager.query(
            `SELECT case_id FROM review_case
             WHERE applicant_id = $1 AND case_id <> $2 AND facts #>> $3::text[] = $4
               AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(facts->'items') chosen WHERE chosen->>'code' = $5)
             ORDER BY case_id`,
            [notice.applicantId, permitCaseId, ['body', ...holdings.split('.')], notice.permitNo, notice.itemCode],
          )) as { case_id: string }[])
        : [];
    return [permitCaseId, ...others.map((row) => row.case_id)];
  }

  /**
   * Records the permit as ended for the case (a cancelled permit carries no dependant, whatever order
   * the case and its events reach this agency in: recorded before the case arrives, it ends the
   * dependants the moment they open), then lets the workflow move the case: its dependants not yet
   * final are terminated with the reason and announced. Returns the items that ended.
   */
  private async endDependants(tx: Transaction, caseId: string, itemCode: string, dependants: readonly string[], reason: Message, cause: IncomingEvent | undefined): Promise<{ caseId: string; code: string }[]> {
    await lockCase(tx, caseId);
    await tx.manager.query(
      `INSERT INTO prerequisite_outcome (case_id, code, status, reason, result) VALUES ($1, $2, 'terminated', $3, '{}')
       ON CONFLICT (case_id, code) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, result = EXCLUDED.result`,
      [caseId, itemCode, JSON.stringify(reason)],
    );
    const before = (await readHeldCase(tx.manager, caseId)).state;
    if (!before) return [];
    const open = before.items.filter((item) => dependants.includes(item.code) && !isFinal(item.status)).map((item) => item.code);
    await this.reviewer.reconcile(tx, caseId, cause);
    const after = (await readHeldCase(tx.manager, caseId)).state;
    return (after?.items ?? []).filter((item) => open.includes(item.code) && isFinal(item.status)).map((item) => ({ caseId, code: item.code }));
  }
}

function viewOf(row: PermitCancellationRow, lang: Lang): PermitCancellationView {
  const reason = messageOf(row.reason) ?? message('cancellation.contract_ended', { endedOn: row.contractEndedOn ?? '', late: row.reportedLate, windowDays: 0 });
  return {
    caseId: row.caseId,
    itemCode: row.itemCode,
    role: row.role,
    permitNo: row.permitNo,
    cancelledOn: row.cancelledOn,
    ground: row.ground,
    reason: render(reason, lang),
    reasons: localize(reason),
    contractEndedOn: row.contractEndedOn,
    reportedLate: row.reportedLate,
    reportedBy: row.reportedBy,
    dependantItems: row.dependantItems,
    endedItems: row.endedItems,
    recordedAt: row.recordedAt.toISOString(),
  };
}
