import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@work-permit/platform';
import type { DataSource } from 'typeorm';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from '../agency-review.options';
import { CaseReviewer } from '../case-reviewer';
import { ReviewItemRow } from '../persistence/review-item.entity';
import { itemOfRow } from '../persistence/review-item.mapping';
import { readKnownOutcomes, readReviewCase } from '../persistence/review-state.reader';
import { FINAL_STATUSES, type ReviewStatus } from '../review/review-model';
import { agencyCaseViewOf, type AgencyCaseView } from './agency-case-view';
import { itemView, type ItemView } from './item-view';

/** `isOverdue` (item-view.ts) in SQL, for the list's filter and order; `:today` is the Clock's day in China. */
const OVERDUE_SQL = `(item.status NOT IN (${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')}) AND (item.overdue_announced_at IS NOT NULL OR item.due_date < :today))`;

export interface ItemListFilter {
  status?: ReviewStatus;
  overdue?: boolean;
  limit: number;
  offset: number;
}

/** What the officers' workbench reads: the agency's queue and one case as the agency holds it. */
@Injectable()
export class ItemsQuery {
  constructor(
    @Inject(AGENCY_REVIEW_OPTIONS) private readonly options: AgencyReviewOptions,
    private readonly reviewer: CaseReviewer,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The queue: overdue first, then soonest due (no due date last); `total` counts every match. */
  async list(filter: ItemListFilter): Promise<{ items: ItemView[]; total: number }> {
    const today = this.clock.today();
    const query = this.dataSource.getRepository(ReviewItemRow).createQueryBuilder('item').setParameters({ today });
    if (filter.status) query.andWhere('item.status = :status', { status: filter.status });
    if (filter.overdue !== undefined) query.andWhere(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    const [rows, total] = await query
      .orderBy(`CASE WHEN ${OVERDUE_SQL} THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('item.dueDate', 'ASC', 'NULLS LAST')
      .addOrderBy('item.caseId', 'ASC')
      .addOrderBy('item.code', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getManyAndCount();
    return { items: rows.map((row) => this.view(row, today)), total };
  }

  async item(caseId: string, code: string): Promise<ItemView | undefined> {
    const row = await this.dataSource.getRepository(ReviewItemRow).findOneBy({ caseId, code });
    return row ? this.view(row, this.clock.today()) : undefined;
  }

  /** The case as this agency holds it, or undefined when no case of that id is here. One snapshot of its rows. */
  async caseView(caseId: string): Promise<AgencyCaseView | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const held = await readReviewCase(manager, caseId);
      if (!held) return undefined;
      const { state, itemRows } = held;
      return agencyCaseViewOf(
        {
          facts: state.facts,
          items: state.items.map((item, index) => ({ item, overdueAnnounced: itemRows[index].overdueAnnouncedAt !== null })),
          ...(state.hold && { hold: state.hold }),
          known: await readKnownOutcomes(manager, caseId),
        },
        this.reviewer.reviewContext(state.facts.catalogueVersion),
      );
    });
  }

  private view(row: ReviewItemRow, today: string): ItemView {
    return itemView(row.caseId, itemOfRow(row), { manualItems: this.options.manualItems, today, overdueAnnounced: row.overdueAnnouncedAt !== null });
  }
}
