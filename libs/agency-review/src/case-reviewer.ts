import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { type Catalogue, CatalogueError, type DataScope, dataScopeOf, fromWire, getCatalogue, type Message, message, officerReason } from '@work-permit/catalogue';
import {
  type CaseSubmitted,
  type CaseSupplemented,
  type CaseWithdrawn,
  Decision,
  DeciderKind,
  type EventMetadata,
  type IncomingEvent,
  type ItemDecided,
  ItemEventsOf,
  type ItemProgressed,
  ItemStatus,
  JointReviewConclusion,
  type JointReviewConcluded,
  type JointReviewOpened,
} from '@work-permit/contracts';
import { followingFrom, PermanentMessageError, type Transaction, UnitOfWork } from '@work-permit/messaging';
import { Clock } from '@work-permit/platform';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from './agency-review.options';
import { DocumentRequests } from './documents/document-requests.usecase';
import { caseFactsOf, materialsOf, outcomeOf, reasonOnTheWire, resultMessage } from './events/event-mapping';
import { ReviewCaseRow } from './persistence/review-case.entity';
import { type HeldCase, readHeldCase } from './persistence/review-state.reader';
import { insertItems, insertOutcomes, updateItems } from './persistence/review-state.writer';
import type { ItemPolicy, PrerequisiteOutcome } from './policy/item-policy';
import { advanceReview, decideByOfficer, DecisionRefused, extendDecisionLimit, type OfficerDecision, openReview, supplementReview, withdrawReview } from './review/case-review';
import { type CaseHold, type CaseReviewState, manualItemsOf, type ReviewContext, type ReviewItem, type ReviewNotice, type ReviewStep } from './review/review-model';

const STATUS_ON_WIRE: Record<Extract<ReviewNotice, { kind: 'progressed' }>['status'], ItemStatus> = {
  pending: ItemStatus.PENDING,
  in_review: ItemStatus.IN_REVIEW,
  awaiting_supplement: ItemStatus.AWAITING_SUPPLEMENT,
  joint_review: ItemStatus.JOINT_REVIEW,
  terminated: ItemStatus.TERMINATED,
  withdrawn: ItemStatus.WITHDRAWN,
};

/**
 * The agency's side of every case: applies the bus's events and the officers' decisions to its own
 * projection, one case at a time (a transaction-scoped lock per case), and publishes what changed
 * through the outbox in the same transaction.
 */
@Injectable()
export class CaseReviewer {
  private readonly logger = new Logger(CaseReviewer.name);
  private readonly policies: ReadonlyMap<string, ItemPolicy>;

  constructor(
    @Inject(AGENCY_REVIEW_OPTIONS) private readonly options: AgencyReviewOptions,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    // The formal documents the decisions and supplement requests call for, asked for in the same transaction.
    @Optional() private readonly documents?: DocumentRequests,
  ) {
    this.policies = new Map(options.policies.map((policy) => [policy.code, policy]));
  }

  async submitted(event: IncomingEvent<CaseSubmitted>, tx: Transaction): Promise<void> {
    const context = this.reviewContext(event.payload.catalogueVersion);
    // Filtered on the way in: the agency stores, logs and shows only what its data scope releases.
    const facts = caseFactsOf(event, this.scopeOf(context.catalogue));
    await lockCase(tx, facts.caseId);
    // Its hold and the outcomes known may have come first.
    const held = await readHeldCase(tx.manager, facts.caseId);
    if (held.state) return;
    const opened = openReview(facts, context);
    if (opened.items.length === 0) return;
    await tx.writeWithTheCommit('INSERT INTO review_case (case_id, applicant_id, correlation_id, facts) VALUES ($1, $2, $3, $4)', [
      facts.caseId,
      facts.applicantId,
      event.correlationId,
      JSON.stringify(facts),
    ]);
    const state = { facts, items: opened.items, ...(held.hold && { hold: held.hold }) };
    const advanced = advanceReview(state, held.known, context);
    await this.save(tx, { state: { facts, items: [] }, correlationId: event.correlationId }, { ...advanced, notices: [...opened.notices, ...advanced.notices] }, event);
  }

  async supplemented(event: IncomingEvent<CaseSupplemented>, tx: Transaction): Promise<void> {
    await lockCase(tx, event.caseId);
    const held = await readHeldCase(tx.manager, event.caseId);
    const { state } = held;
    if (!state) return;
    const context = this.reviewContext(state.facts.catalogueVersion);
    const supplied = this.scopeOf(context.catalogue).filterMaterials(materialsOf(event.payload.materials));
    const { facts, step } = supplementReview(state, event.payload.itemCode, supplied, context);
    await tx.writeWithTheCommit('UPDATE review_case SET facts = $2 WHERE case_id = $1', [event.caseId, JSON.stringify(facts)]);
    const advanced = advanceReview({ facts, items: step.items, hold: state.hold }, held.known, context);
    await this.save(tx, { state, correlationId: held.correlationId }, { ...advanced, notices: [...step.notices, ...advanced.notices] }, event);
  }

  async withdrawn(event: IncomingEvent<CaseWithdrawn>, tx: Transaction): Promise<void> {
    await lockCase(tx, event.caseId);
    const held = await readHeldCase(tx.manager, event.caseId);
    const { state } = held;
    if (!state) return;
    await this.save(tx, { state, correlationId: held.correlationId }, withdrawReview(state, withdrawalReason(event.payload)), event);
  }

  /** Another agency's decision or termination: kept, whether or not the case has arrived here yet. */
  async observed(event: IncomingEvent<ItemDecided | ItemProgressed>, tx: Transaction): Promise<void> {
    const outcome = outcomeOf(event.payload);
    if (!outcome) return;
    await this.reconcile(tx, event.caseId, event, outcome);
  }

  /** A joint review of the case opened or concluded (from the lead agency's event). */
  async jointReviewChanged(event: IncomingEvent<JointReviewOpened | JointReviewConcluded>, tx: Transaction): Promise<void> {
    const hold: CaseHold =
      'conclusion' in event.payload
        ? { status: event.payload.conclusion === JointReviewConclusion.APPROVED ? 'approved' : 'rejected', reason: holdReason(event.payload) }
        : { status: 'open', reason: holdReason(event.payload) };
    await this.applyHold(tx, event.caseId, hold, event);
  }

  /** Records the case's joint-review state (before or after the case arrives) and moves its items accordingly. */
  async applyHold(tx: Transaction, caseId: string, hold: CaseHold, cause: IncomingEvent | undefined): Promise<void> {
    await lockCase(tx, caseId);
    // A conclusion is final: a late or redelivered "opened" never reopens it (no row comes back then).
    const applied = (await tx.manager.query(
      `INSERT INTO case_hold (case_id, status, reason) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, updated_at = now()
       WHERE case_hold.status = 'open' OR EXCLUDED.status <> 'open'
       RETURNING case_id`,
      [caseId, hold.status, JSON.stringify(hold.reason)],
    )) as unknown[];
    if (applied.length === 0) return;
    await this.reconcile(tx, caseId, cause);
  }

  /**
   * Moves the case's items as far as what is known allows, and publishes what changed. An `observed`
   * outcome is recorded with the step's own unless its item already has one (the first stands).
   */
  async reconcile(tx: Transaction, caseId: string, cause: IncomingEvent | undefined, observed?: PrerequisiteOutcome): Promise<void> {
    await lockCase(tx, caseId);
    const held = await readHeldCase(tx.manager, caseId);
    const fresh = observed && !held.known.has(observed.code) ? [observed] : [];
    for (const outcome of fresh) held.known.set(outcome.code, outcome);
    const { state } = held;
    if (!state) {
      await insertOutcomes(tx.manager, caseId, fresh);
      return;
    }
    const step = advanceReview(state, held.known, this.reviewContext(state.facts.catalogueVersion));
    await this.save(tx, { state, correlationId: held.correlationId }, { ...step, outcomes: [...fresh, ...step.outcomes] }, cause);
  }

  /** The case as this agency holds it, for the lead of a joint review. */
  async facts(tx: Transaction, caseId: string): Promise<CaseReviewState['facts'] | undefined> {
    return (await tx.manager.findOneBy(ReviewCaseRow, { caseId }))?.facts;
  }

  async decide(caseId: string, itemCode: string, decision: OfficerDecision, officer: string): Promise<ReviewItem> {
    return this.unitOfWork.run(async (tx) => {
      await lockCase(tx, caseId);
      const held = await readHeldCase(tx.manager, caseId);
      const { state } = held;
      if (!state) throw new DecisionRefused('item_not_found', message('refusal.case_not_here', { caseId, agency: this.options.agency }));
      const step = decideByOfficer(state, held.known, itemCode, decision, officer, this.reviewContext(state.facts.catalogueVersion));
      await this.save(tx, { state, correlationId: held.correlationId }, step, undefined);
      // decideByOfficer refuses an item the case does not have, so it is there.
      return step.items.find((item) => item.code === itemCode) as ReviewItem;
    });
  }

  /** The owning agency's officer extends an item's statutory decision limit, once, with the reason (announced to the applicant). */
  async extend(caseId: string, itemCode: string, reason: string, officer: string): Promise<ReviewItem> {
    return this.unitOfWork.run(async (tx) => {
      await lockCase(tx, caseId);
      const held = await readHeldCase(tx.manager, caseId);
      const { state } = held;
      if (!state) throw new DecisionRefused('item_not_found', message('refusal.case_not_here', { caseId, agency: this.options.agency }));
      const step = extendDecisionLimit(state, itemCode, reason, officer, this.reviewContext(state.facts.catalogueVersion));
      await this.save(tx, { state, correlationId: held.correlationId }, step, undefined);
      return step.items.find((item) => item.code === itemCode) as ReviewItem;
    });
  }

  /** What the workflow needs to review a case of this catalogue version, as of now (the Clock's day in China). */
  reviewContext(catalogueVersion: string): ReviewContext {
    let catalogue;
    try {
      catalogue = getCatalogue(catalogueVersion);
    } catch (error) {
      if (error instanceof CatalogueError) throw new PermanentMessageError('unknown_catalogue_version', error.message);
      throw error;
    }
    return {
      catalogue,
      agency: this.options.agency,
      policies: this.policies,
      manualItems: manualItemsOf(catalogue, this.options.manualItems),
      today: this.clock.today(),
      now: this.clock.now(),
    };
  }

  /** This agency's data scope under the case's catalogue version. */
  private scopeOf(catalogue: Catalogue): DataScope {
    return dataScopeOf(catalogue, this.options.agency);
  }

  /** Stores the items that changed and the step's outcomes, and publishes the notices, all in `tx`. */
  private async save(tx: Transaction, before: { state: CaseReviewState; correlationId: HeldCase['correlationId'] }, step: ReviewStep, cause: IncomingEvent | undefined): Promise<void> {
    const { caseId } = before.state.facts;
    const stored = new Map(before.state.items.map((item) => [item.code, item]));
    await insertItems(tx.manager, caseId, step.items.filter((item) => !stored.has(item.code)));
    // Most events change nothing here (another agency's progress): no write for an unchanged item.
    const kept = step.items.flatMap((item) => {
      const was = stored.get(item.code);
      return was ? [{ stored: was, item }] : [];
    });
    await updateItems(tx.manager, caseId, kept);
    await insertOutcomes(tx.manager, caseId, step.outcomes);
    const metadata: EventMetadata = cause ? followingFrom(cause) : { caseId, correlationId: before.correlationId ?? caseId, causationId: caseId };
    for (const notice of step.notices) await this.publish(tx, caseId, notice, metadata);
    await this.documents?.requestFor(tx, before.state.facts, step.notices, metadata);
  }

  private async publish(tx: Transaction, caseId: string, notice: ReviewNotice, metadata: EventMetadata): Promise<void> {
    const events = ItemEventsOf[this.options.agency];
    const common = {
      caseId,
      itemCode: notice.code,
      action: notice.action,
      agency: this.options.agency,
      ...reasonOnTheWire(notice.reason),
    };
    if (notice.kind === 'decided') {
      await tx.publish(
        events.decided,
        {
          ...common,
          decision: notice.decision === 'granted' ? Decision.GRANTED : Decision.REJECTED,
          decidedBy: { kind: notice.decidedBy.kind === 'automatic' ? DeciderKind.AUTOMATIC : DeciderKind.OFFICER, subject: notice.decidedBy.subject ?? '' },
          decidedAt: timestampFromDate(notice.decidedAt),
          result: notice.result ? resultMessage(notice.result) : undefined,
        },
        metadata,
      );
      this.logger.log(`${notice.code} ${notice.decision} (${notice.decidedBy.kind})`);
      return;
    }
    await tx.publish(
      events.progressed,
      {
        ...common,
        status: STATUS_ON_WIRE[notice.status],
        dueDate: notice.dueDate ?? '',
        requestedMaterials: notice.requestedMaterials ?? [],
        overdue: false,
        at: timestampFromDate(this.clock.now()),
        statutoryDueDate: notice.statutoryDueDate ?? '',
        deadlineExtended: notice.deadlineExtended ?? false,
      },
      metadata,
    );
  }
}

/** Who withdrew, and their own words when they gave any. */
function withdrawalReason(payload: CaseWithdrawn): Message {
  const by = message('review.withdrawn_by', { by: payload.withdrawnBy?.role || 'applicant' });
  return payload.reason ? message('text.list', { parts: [by, officerReason(payload.reason)] }) : by;
}

function holdReason(payload: JointReviewOpened | JointReviewConcluded): Message {
  return fromWire(payload.reasonMessage, payload.reason) ?? message('review.on_abnormal_list');
}

/** Serialises everything that touches one case in this service, across consumers, officers and replicas. */
export function lockCase(tx: Transaction, caseId: string): Promise<void> {
  // Taken once per transaction: a batch of the case's events, or a handler calling another, pays one
  // round trip, and none at all when the consumer's inbox claim took it (the service's `caseLockKey`).
  return tx.lock(reviewCaseLockKey(caseId));
}

/** The lock `lockCase` takes: an agency's service definition names it, so its consumer takes it with the inbox claim. */
export function reviewCaseLockKey(caseId: string): string {
  return `review-case:${caseId}`;
}
