import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getCatalogue, type Lang } from '@work-permit/catalogue';
import { Clock } from '@work-permit/platform';
import type { DataSource } from 'typeorm';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from '../agency-review.options';
import { PermitCancellations } from '../cancellation/permit-cancellations';
import { CaseReviewer } from '../case-reviewer';
import { CaseHoldRow } from '../persistence/case-hold.entity';
import { ReviewItemRow } from '../persistence/review-item.entity';
import { itemOfRow } from '../persistence/review-item.mapping';
import { holdOf, readKnownOutcomes, readReviewCase } from '../persistence/review-state.reader';
import { type CaseHold, FINAL_STATUSES, manualItemsOf, type ReviewStatus } from '../review/review-model';
import { agencyCaseViewOf, type AgencyCaseView } from './agency-case-view';
import { itemView, type ItemView } from './item-view';

/** `isOverdue` (item-view.ts) in SQL, for the list's filter and order; `:today` is the Clock's day in China. */
const OVERDUE_SQL = `(item.status NOT IN (${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')}) AND (item.overdue_announced_at IS NOT NULL OR item.due_date < :today))`;
/** Escalated to the lead agency (its statutory limit ran out) and still undecided. */
const ESCALATED_SQL = `(item.status NOT IN (${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')}) AND item.escalated_at IS NOT NULL)`;

export interface ItemListFilter {
  status?: ReviewStatus;
  overdue?: boolean;
  escalated?: boolean;
  limit: number;
  offset: number;
}

/** What the officers' workbench reads: the agency's queue and one case as the agency holds it. */
@Injectable()
export class ItemsQuery {
  constructor(
    @Inject(AGENCY_REVIEW_OPTIONS) private readonly options: AgencyReviewOptions,
    private readonly reviewer: CaseReviewer,
    private readonly cancellations: PermitCancellations,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The queue: escalated first, then overdue, then soonest due (no due date last); `total` counts every match. */
  async list(filter: ItemListFilter, lang: Lang): Promise<{ items: ItemView[]; total: number }> {
    const today = this.clock.today();
    const query = this.dataSource.getRepository(ReviewItemRow).createQueryBuilder('item').setParameters({ today });
    if (filter.status) query.andWhere('item.status = :status', { status: filter.status });
    if (filter.overdue !== undefined) query.andWhere(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    if (filter.escalated !== undefined) query.andWhere(filter.escalated ? ESCALATED_SQL : `NOT ${ESCALATED_SQL}`);
    const [rows, total] = await query
      .orderBy(`CASE WHEN ${ESCALATED_SQL} THEN 0 WHEN ${OVERDUE_SQL} THEN 1 ELSE 2 END`, 'ASC')
      .addOrderBy('item.dueDate', 'ASC', 'NULLS LAST')
      .addOrderBy('item.caseId', 'ASC')
      .addOrderBy('item.code', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getManyAndCount();
    const holds = await this.holdsOf(rows.map((row) => row.caseId));
    return { items: rows.map((row) => this.view(row, today, holds.get(row.caseId), lang)), total };
  }

  async item(caseId: string, code: string, lang: Lang): Promise<ItemView | undefined> {
    const row = await this.dataSource.getRepository(ReviewItemRow).findOneBy({ caseId, code });
    return row ? this.view(row, this.clock.today(), (await this.holdsOf([caseId])).get(caseId), lang) : undefined;
  }

  /** The case as this agency holds it, or undefined when no case of that id is here. One snapshot of its rows. */
  async caseView(caseId: string, lang: Lang): Promise<AgencyCaseView | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const held = await readReviewCase(manager, caseId);
      if (!held) return undefined;
      const { state, itemRows } = held;
      return agencyCaseViewOf(
        {
          facts: state.facts,
          items: state.items.map((item, index) => ({ item, overdueAnnounced: itemRows[index].overdueAnnouncedAt !== null, escalated: itemRows[index].escalatedAt !== null })),
          ...(state.hold && { hold: state.hold }),
          known: await readKnownOutcomes(manager, caseId),
          permitCancellations: await this.cancellations.ofCase(manager, caseId, state.facts.applicantId, lang),
        },
        this.reviewer.reviewContext(state.facts.catalogueVersion),
        lang,
      );
    });
  }

  // The queue spans catalogue versions; their manual items agree, so the current one names them (a case view reads its own).
  private view(row: ReviewItemRow, today: string, hold: CaseHold | undefined, lang: Lang): ItemView {
    return itemView(row.caseId, itemOfRow(row), {
      lang,
      manualItems: manualItemsOf(getCatalogue(), this.options.manualItems),
      today,
      overdueAnnounced: row.overdueAnnouncedAt !== null,
      escalated: row.escalatedAt !== null,
      ...(hold && { hold }),
    });
  }

  /** The joint-review state of each case that has one (a listed applicant's items are decided by a person). */
  private async holdsOf(caseIds: string[]): Promise<Map<string, CaseHold>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(CaseHoldRow).createQueryBuilder('hold').where('hold.case_id IN (:...caseIds)', { caseIds: [...new Set(caseIds)] }).getMany();
    return new Map(rows.map((row) => [row.caseId, holdOf(row)]));
  }
}
