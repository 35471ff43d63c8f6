import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Catalogue, CatalogueError, dataScopeOf, getCatalogue, type Lang } from '@work-permit/catalogue';
import { Clock } from '@work-permit/platform';
import type { DataSource } from 'typeorm';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from '../agency-review.options';
import { PermitCancellations } from '../cancellation/permit-cancellations';
import { CaseReviewer } from '../case-reviewer';
import { CaseHoldRow } from '../persistence/case-hold.entity';
import { ReviewCaseRow } from '../persistence/review-case.entity';
import { ReviewItemRow } from '../persistence/review-item.entity';
import { itemOfRow } from '../persistence/review-item.mapping';
import { holdOf, readHeldCase } from '../persistence/review-state.reader';
import { type CaseHold, FINAL_STATUSES, manualItemsOf, REVIEW_STATUSES, type ReviewStatus } from '../review/review-model';
import { agencyCaseViewOf, type AgencyCaseView } from './agency-case-view';
import { itemView, type ItemView } from './item-view';
import { applicantNameOf, type QueuePage, type QueueSort, releasesApplicantName, type SortOrder, type StoredApplicantName } from './queue-item-view';

/** `isOverdue` (item-view.ts) in SQL, for the list's filter and order; `:today` is the Clock's day in China. */
const OVERDUE_SQL = `(item.status NOT IN (${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')}) AND (item.overdue_announced_at IS NOT NULL OR item.due_date < :today))`;
/** Escalated to the lead agency (its statutory limit ran out) and still undecided. */
const ESCALATED_SQL = `(item.status NOT IN (${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')}) AND item.escalated_at IS NOT NULL)`;

export interface ItemListFilter {
  status?: ReviewStatus;
  overdue?: boolean;
  escalated?: boolean;
  /** One item code. */
  item?: string;
  /** Part of a case id, or of the applicant's name where the agency's scope releases names; any case. */
  search?: string;
  sort?: QueueSort;
  order?: SortOrder;
  limit: number;
  offset: number;
}

/** The applicant's name as stored in the case's facts (filtered by the scope on the way in). */
const SURNAME_SQL = `(held.facts -> 'body' -> 'applicant' ->> 'surname')`;
const GIVEN_NAMES_SQL = `(held.facts -> 'body' -> 'applicant' ->> 'givenNames')`;
const PRIORITY_SQL = `CASE WHEN ${ESCALATED_SQL} THEN 0 WHEN ${OVERDUE_SQL} THEN 1 ELSE 2 END`;
/** The workflow's order of statuses (API.md's), not the alphabet's. */
const STATUS_RANK_SQL = `array_position(ARRAY[${REVIEW_STATUSES.map((status) => `'${status}'`).join(', ')}]::text[], item.status)`;
const SORT_KEY_SQL: Record<Exclude<QueueSort, 'priority'>, string> = {
  // Working days left rise with the due date, so one order serves both.
  due: 'item.due_date',
  item: 'item.code',
  status: STATUS_RANK_SQL,
  submitted: `(held.facts ->> 'submittedOn')`,
};

/** `value` as a LIKE pattern that matches it anywhere, its own wildcards taken literally. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
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

  /**
   * The queue, in the order asked for (by default escalated first, then overdue, then soonest due; no
   * due date last), each row with the applicant's name as the agency's scope releases it; `total`
   * counts every match. Ties fall back to the default order, then case id and item code.
   */
  async list(filter: ItemListFilter, lang: Lang): Promise<QueuePage> {
    const today = this.clock.today();
    const namesInScope = releasesApplicantName(dataScopeOf(getCatalogue(), this.options.agency));
    const query = this.dataSource
      .getRepository(ReviewItemRow)
      .createQueryBuilder('item')
      .leftJoin(ReviewCaseRow, 'held', 'held.case_id = item.case_id')
      .setParameters({ today });
    if (filter.status) query.andWhere('item.status = :status', { status: filter.status });
    if (filter.item) query.andWhere('item.code = :code', { code: filter.item });
    if (filter.overdue !== undefined) query.andWhere(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    if (filter.escalated !== undefined) query.andWhere(filter.escalated ? ESCALATED_SQL : `NOT ${ESCALATED_SQL}`);
    if (filter.search) {
      // Names only where the scope releases them: a search must not tell what a row does not show.
      const byName = namesInScope ? ` OR concat_ws(' ', ${SURNAME_SQL}, ${GIVEN_NAMES_SQL}) ILIKE :search OR concat_ws(' ', ${GIVEN_NAMES_SQL}, ${SURNAME_SQL}) ILIKE :search` : '';
      query.andWhere(`(item.case_id::text ILIKE :search${byName})`, { search: containsPattern(filter.search) });
    }
    const sort = filter.sort ?? 'priority';
    const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
    if (sort !== 'priority') query.orderBy(SORT_KEY_SQL[sort], direction, 'NULLS LAST');
    const [rows, total] = await query
      .addOrderBy(PRIORITY_SQL, 'ASC')
      .addOrderBy('item.dueDate', 'ASC', 'NULLS LAST')
      .addOrderBy('item.caseId', 'ASC')
      .addOrderBy('item.code', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getManyAndCount();
    const caseIds = [...new Set(rows.map((row) => row.caseId))];
    const [holds, cases] = await Promise.all([this.holdsOf(caseIds), this.queueCasesOf(caseIds)]);
    return {
      items: rows.map((row) => {
        const held = cases.get(row.caseId);
        return { ...this.view(row, today, holds.get(row.caseId), lang), applicantName: held?.applicantName ?? null, submittedOn: held?.submittedOn ?? null };
      }),
      total,
      applicantNameInScope: namesInScope,
    };
  }

  async item(caseId: string, code: string, lang: Lang): Promise<ItemView | undefined> {
    const row = await this.dataSource.getRepository(ReviewItemRow).findOneBy({ caseId, code });
    return row ? this.view(row, this.clock.today(), (await this.holdsOf([caseId])).get(caseId), lang) : undefined;
  }

  /** The case as this agency holds it, or undefined when no case of that id is here. One snapshot of its rows. */
  async caseView(caseId: string, lang: Lang): Promise<AgencyCaseView | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { state, marks, known } = await readHeldCase(manager, caseId);
      if (!state) return undefined;
      return agencyCaseViewOf(
        {
          facts: state.facts,
          items: state.items.map((item, index) => ({ item, ...marks[index] })),
          ...(state.hold && { hold: state.hold }),
          known,
          permitCancellations: await this.cancellations.ofCase(manager, caseId, state.facts.applicantId, lang),
        },
        this.reviewer.reviewContext(state.facts.catalogueVersion),
        lang,
      );
    });
  }

  // The queue spans catalogue versions; their manual items and item names agree, so the current one names them (a case view reads its own).
  private view(row: ReviewItemRow, today: string, hold: CaseHold | undefined, lang: Lang): ItemView {
    const catalogue = getCatalogue();
    return itemView(row.caseId, itemOfRow(row), {
      lang,
      catalogue,
      manualItems: manualItemsOf(catalogue, this.options.manualItems),
      today,
      overdueAnnounced: row.overdueAnnouncedAt !== null,
      escalated: row.escalatedAt !== null,
      ...(hold && { hold }),
    });
  }

  /** Of each case here: the applicant's name as the scope of the case's catalogue version releases it, and the day of submission. */
  private async queueCasesOf(caseIds: string[]): Promise<Map<string, { applicantName: string | null; submittedOn: string | null }>> {
    if (caseIds.length === 0) return new Map();
    // Only the few fields the queue shows, not the whole form of each case.
    const rows = (await this.dataSource.query(
      `SELECT case_id, facts ->> 'catalogueVersion' AS catalogue_version, facts ->> 'submittedOn' AS submitted_on,
              facts -> 'body' -> 'applicant' ->> 'surname' AS surname, facts -> 'body' -> 'applicant' ->> 'givenNames' AS given_names
       FROM review_case WHERE case_id = ANY($1::uuid[])`,
      [caseIds],
    )) as { case_id: string; catalogue_version: string | null; submitted_on: string | null; surname: string | null; given_names: string | null }[];
    return new Map(
      rows.map((row) => {
        const catalogue = catalogueOrUndefined(row.catalogue_version);
        const name: StoredApplicantName = { surname: row.surname, givenNames: row.given_names };
        return [row.case_id, { applicantName: catalogue ? applicantNameOf(name, dataScopeOf(catalogue, this.options.agency)) : null, submittedOn: row.submitted_on }];
      }),
    );
  }

  /** The joint-review state of each case that has one (a listed applicant's items are decided by a person). */
  private async holdsOf(caseIds: string[]): Promise<Map<string, CaseHold>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(CaseHoldRow).createQueryBuilder('hold').where('hold.case_id IN (:...caseIds)', { caseIds: [...new Set(caseIds)] }).getMany();
    return new Map(rows.map((row) => [row.caseId, holdOf(row)]));
  }
}

/** The catalogue of a case's version; undefined for one this build does not know (its names are then not shown). */
function catalogueOrUndefined(version: string | null): Catalogue | undefined {
  if (!version) return undefined;
  try {
    return getCatalogue(version);
  } catch (error) {
    if (error instanceof CatalogueError) return undefined;
    throw error;
  }
}
