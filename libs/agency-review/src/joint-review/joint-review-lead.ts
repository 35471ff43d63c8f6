import { Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { caseItems, fromWire, getCatalogue, type Message, message, officerReason, render, toWire } from '@work-permit/catalogue';
import { Events, type IncomingEvent, type ItemDecided, type ItemProgressed, JointReviewConclusion } from '@work-permit/contracts';
import { followingFrom, type Transaction, UnitOfWork } from '@work-permit/messaging';
import { Clock } from '@work-permit/platform';
import { PermitCancellations } from '../cancellation/permit-cancellations';
import { CaseReviewer, lockCase } from '../case-reviewer';
import { insertOutcomes } from '../persistence/review-state.writer';
import { reasonOnTheWire } from '../events/event-mapping';
import { JointReviewRow, type StoredOpinion } from '../persistence/joint-review.entity';
import { messageOf } from '../persistence/stored-message';
import { isJointReviewReferral, SCREENING } from '../consumers/observed-relevance';
import { concludeJointReview, type OpinionKind } from './joint-review.rules';


export class JointReviewRefused extends Error {
  override readonly name = 'JointReviewRefused';
  constructor(
    readonly code: 'joint_review_not_found' | 'not_involved' | 'already_answered' | 'already_concluded',
    readonly reason: Message,
  ) {
    super(render(reason, 'en'));
  }
}

/**
 * The Administrative Approval Service Bureau leads the joint review of a case whose applicant is on
 * the abnormal-information list: it opens one review per case when the screening refers it, collects
 * one opinion from every agency with an item in the case, and publishes the conclusion.
 */
@Injectable()
export class JointReviewLead {
  private readonly logger = new Logger(JointReviewLead.name);

  constructor(
    private readonly reviewer: CaseReviewer,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly cancellations: PermitCancellations,
  ) {}

  /** The screening referred the case: one review per case, however often the referral arrives. */
  async observed(event: IncomingEvent<ItemDecided | ItemProgressed>, tx: Transaction): Promise<void> {
    if (!isJointReviewReferral(event)) return;
    const payload = event.payload;
    await lockCase(tx, event.caseId);
    const reason = fromWire(payload.reasonMessage, payload.reason) ?? message('review.on_abnormal_list');
    await tx.manager.query(
      `INSERT INTO joint_review (case_id, status, reason, agencies, opinions) VALUES ($1, 'requested', $2, '{}', '[]') ON CONFLICT (case_id) DO NOTHING`,
      [event.caseId, JSON.stringify(reason)],
    );
    await this.openWhenCaseIsHere(tx, event.caseId, event);
  }

  /** The case arrived after its referral: the review opens now. */
  async caseArrived(event: IncomingEvent, tx: Transaction): Promise<void> {
    await this.openWhenCaseIsHere(tx, event.caseId, event);
  }

  async giveOpinion(caseId: string, opinion: { agency: string; opinion: OpinionKind; reason: string; officer: string }): Promise<JointReviewRow> {
    return this.unitOfWork.run(async (tx) => {
      await lockCase(tx, caseId);
      const review = await tx.manager.findOneBy(JointReviewRow, { caseId });
      if (!review || review.status === 'requested') throw new JointReviewRefused('joint_review_not_found', message('refusal.no_joint_review', { caseId }));
      if (review.status !== 'open') throw new JointReviewRefused('already_concluded', message('refusal.joint_review_concluded', { caseId, status: review.status }));
      if (!review.agencies.includes(opinion.agency)) throw new JointReviewRefused('not_involved', message('refusal.not_involved', { caseId, agency: opinion.agency }));
      if (review.opinions.some((given) => given.agency === opinion.agency)) throw new JointReviewRefused('already_answered', message('refusal.already_answered', { agency: opinion.agency }));
      const now = this.clock.now();
      review.opinions = [...review.opinions, { ...opinion, givenAt: now.toISOString() }];
      const conclusion = concludeJointReview(review.agencies, review.opinions);
      if (conclusion) {
        review.status = conclusion.status;
        review.concludedAt = now;
      }
      await tx.manager.update(JointReviewRow, { caseId }, { opinions: review.opinions, status: review.status, concludedAt: review.concludedAt });
      if (conclusion) await this.conclude(tx, review, conclusion);
      return review;
    });
  }

  /** The reviews in any of `statuses` (every one when absent), oldest opened first. */
  async list(statuses: readonly JointReviewRow['status'][] | undefined): Promise<JointReviewRow[]> {
    return this.unitOfWork.run((tx) => tx.manager.find(JointReviewRow, { where: statuses ? { status: In([...statuses]) } : {}, order: { openedAt: 'ASC' }, take: 500 }));
  }

  private async openWhenCaseIsHere(tx: Transaction, caseId: string, cause: IncomingEvent): Promise<void> {
    const review = await tx.manager.findOneBy(JointReviewRow, { caseId, status: 'requested' });
    if (!review) return;
    const facts = await this.reviewer.facts(tx, caseId);
    if (!facts) return;
    const agencies = [...new Set(caseItems(getCatalogue(facts.catalogueVersion), facts.items, facts.body).map((item) => item.agency))].filter((agency) => agency !== 'bigdata');
    const openedAt = this.clock.now();
    const reason = messageOf(review.reason) ?? message('review.on_abnormal_list');
    await tx.manager.update(JointReviewRow, { caseId }, { status: 'open', agencies, openedAt });
    await tx.publish(
      Events.JointReviewOpened,
      { caseId, ...reasonOnTheWire(reason), agencies, openedAt: timestampFromDate(openedAt) },
      followingFrom(cause),
    );
    this.logger.warn(`joint review opened with ${agencies.join(', ')}`);
    await this.reviewer.applyHold(tx, caseId, { status: 'open', reason }, cause);
  }

  private async conclude(tx: Transaction, review: JointReviewRow, conclusion: { status: 'approved' | 'rejected'; reason: Message }): Promise<void> {
    const concludedAt = review.concludedAt ?? this.clock.now();
    await tx.publish(
      Events.JointReviewConcluded,
      {
        caseId: review.caseId,
        conclusion: conclusion.status === 'approved' ? JointReviewConclusion.APPROVED : JointReviewConclusion.REJECTED,
        ...reasonOnTheWire(conclusion.reason),
        opinions: review.opinions.map((o: StoredOpinion) => ({
          agency: o.agency,
          opinion: o.opinion,
          reason: o.reason,
          reasonMessage: o.reason ? toWire(officerReason(o.reason)) : undefined,
          officer: o.officer,
          givenAt: timestampFromDate(new Date(o.givenAt)),
        })),
        concludedAt: timestampFromDate(concludedAt),
      },
      { caseId: review.caseId, correlationId: review.caseId, causationId: review.caseId },
    );
    // Cleared by the agencies together: the screening no longer stands in the work permit's way.
    if (conclusion.status === 'approved') await insertOutcomes(tx.manager, review.caseId, [{ code: SCREENING, status: 'granted', reason: message('review.cleared_by_joint_review'), result: {} }]);
    await this.reviewer.applyHold(tx, review.caseId, conclusion, undefined);
    // A holder's case (listed after the grant) ends the permit itself, through its cancellation.
    if (conclusion.status === 'rejected') await this.cancellations.jointReviewRejected(tx, review.caseId, conclusion.reason);
  }
}
