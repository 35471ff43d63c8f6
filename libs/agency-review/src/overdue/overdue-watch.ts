import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { ItemEventsOf, ItemStatus } from '@work-permit/contracts';
import { UnitOfWork } from '@work-permit/messaging';
import { Clock, PeriodicTask } from '@work-permit/platform';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from '../agency-review.options';
import { message } from '@work-permit/catalogue';
import { reasonOnTheWire } from '../events/event-mapping';
import { ReviewCaseRow } from '../persistence/review-case.entity';
import { ReviewItemRow } from '../persistence/review-item.entity';
import { ReviewMetrics } from '../review-metrics';

const WIRE_STATUS = { pending: ItemStatus.PENDING, in_review: ItemStatus.IN_REVIEW, joint_review: ItemStatus.JOINT_REVIEW } as const;

const BATCH = 200;

/**
 * Announces each item that passed its due date, once, and escalates each item whose statutory
 * decision limit ran out undecided to the lead agency, once. Each announcement is a column on the
 * item, written in the transaction that publishes the notice, so a restart neither loses nor repeats
 * one; SKIP LOCKED lets several replicas scan side by side.
 */
@Injectable()
export class OverdueWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OverdueWatch.name);
  private readonly loop: PeriodicTask;

  constructor(
    @Inject(AGENCY_REVIEW_OPTIONS) private readonly options: AgencyReviewOptions,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly metrics: ReviewMetrics,
  ) {
    this.loop = new PeriodicTask('overdue scan', options.overdueScanIntervalMs, async () => (await this.announceOverdue()) + (await this.escalateStatutory()), this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Publishes one overdue notice per item past its due date that has none yet; returns how many. */
  async announceOverdue(): Promise<number> {
    const today = this.clock.today();
    const announced = await this.unitOfWork.run(async (tx) => {
      const items = await tx.manager
        .createQueryBuilder(ReviewItemRow, 'item')
        .where('item.overdue_announced_at IS NULL')
        .andWhere("item.status IN ('pending', 'in_review')")
        .andWhere('item.due_date < :today', { today })
        .orderBy('item.due_date')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const item of items) {
        const row = await tx.manager.findOne(ReviewCaseRow, { where: { caseId: item.caseId }, select: { correlationId: true } });
        await tx.manager.update(ReviewItemRow, { caseId: item.caseId, code: item.code }, { overdueAnnouncedAt: this.clock.now() });
        await tx.publish(
          ItemEventsOf[this.options.agency].progressed,
          {
            caseId: item.caseId,
            itemCode: item.code,
            action: item.action,
            agency: this.options.agency,
            status: item.status === 'pending' ? ItemStatus.PENDING : ItemStatus.IN_REVIEW,
            dueDate: item.dueDate ?? '',
            overdue: true,
            at: timestampFromDate(this.clock.now()),
          },
          { caseId: item.caseId, correlationId: row?.correlationId ?? item.caseId, causationId: item.caseId },
        );
      }
      return items;
    });
    for (const item of announced) this.metrics.announcedOverdue(item.code);
    if (announced.length > 0) this.logger.warn(`${announced.length} item(s) passed their due date`);
    return announced.length;
  }

  /**
   * Escalates, once, every item whose statutory decision limit (the work permit's 20 working days, 30
   * once extended) ran out undecided: published on this agency's topic with `escalated`, and listed
   * first in the queue (`GET /api/items?escalated=true`). Returns how many.
   */
  async escalateStatutory(): Promise<number> {
    const today = this.clock.today();
    const escalated = await this.unitOfWork.run(async (tx) => {
      const items = await tx.manager
        .createQueryBuilder(ReviewItemRow, 'item')
        .where('item.escalated_at IS NULL')
        .andWhere("item.status IN ('pending', 'in_review', 'joint_review')")
        .andWhere('item.statutory_due_date < :today', { today })
        .orderBy('item.statutory_due_date')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const item of items) {
        const row = await tx.manager.findOne(ReviewCaseRow, { where: { caseId: item.caseId }, select: { correlationId: true } });
        await tx.manager.update(ReviewItemRow, { caseId: item.caseId, code: item.code }, { escalatedAt: this.clock.now() });
        await tx.publish(
          ItemEventsOf[this.options.agency].progressed,
          {
            caseId: item.caseId,
            itemCode: item.code,
            action: item.action,
            agency: this.options.agency,
            status: WIRE_STATUS[item.status as keyof typeof WIRE_STATUS],
            ...reasonOnTheWire(message('review.escalated', { ranOutOn: item.statutoryDueDate ?? '' })),
            dueDate: item.dueDate ?? '',
            statutoryDueDate: item.statutoryDueDate ?? '',
            escalated: true,
            at: timestampFromDate(this.clock.now()),
          },
          { caseId: item.caseId, correlationId: row?.correlationId ?? item.caseId, causationId: item.caseId },
        );
      }
      return items;
    });
    for (const item of escalated) this.metrics.escalated(item.code);
    if (escalated.length > 0) this.logger.warn(`${escalated.length} item(s) ran past their statutory limit and were escalated to the lead agency`);
    return escalated.length;
  }
}

