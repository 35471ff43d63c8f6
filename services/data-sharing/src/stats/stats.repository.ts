import { Injectable } from '@nestjs/common';
import { type Message, messageOrWritten } from '@work-permit/catalogue';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { StatsCase } from './stats-case.entity';
import { StatsItemTransition } from './stats-item-transition.entity';
import type { ItemFacts, StatsRows } from './stats-model';

/** Loads the statistics rows; every computation on them is in plain functions. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One consistent snapshot of the three tables. */
  async load(): Promise<StatsRows> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const cases = await manager.find(StatsCase);
      const items = (await manager.query(
        `SELECT i.case_id, i.item_code, i.agency, i.chosen, c.submitted_at, i.review_started_at, i.outcome, i.outcome_at, i.reason, i.reason_message,
                i.supplement_requested_at, i.overdue_at, i.overdue_due_date::text AS overdue_due_date
         FROM stats_item i JOIN stats_case c USING (case_id)`,
      )) as ItemRow[];
      const transitions = await manager.find(StatsItemTransition);
      return {
        cases,
        items: items.map(itemFactsOf),
        transitions: transitions.map(({ caseId, itemCode, state, at, reason, reasonMessage, requestedMaterials }) => ({
          caseId,
          item: itemCode,
          state,
          at,
          reason: reasonOf(reasonMessage, reason),
          requestedMaterials,
        })),
      };
    });
  }
}

interface ItemRow {
  case_id: string;
  item_code: string;
  agency: string | null;
  chosen: boolean;
  submitted_at: Date | null;
  review_started_at: Date | null;
  outcome: ItemFacts['outcome'];
  outcome_at: Date | null;
  reason: string | null;
  reason_message: unknown;
  supplement_requested_at: Date | null;
  overdue_at: Date | null;
  overdue_due_date: string | null;
}

function itemFactsOf(row: ItemRow): ItemFacts {
  return {
    caseId: row.case_id,
    item: row.item_code,
    agency: row.agency,
    chosen: row.chosen,
    submittedAt: row.submitted_at,
    reviewStartedAt: row.review_started_at,
    outcome: row.outcome,
    outcomeAt: row.outcome_at,
    reason: reasonOf(row.reason_message, row.reason),
    supplementRequestedAt: row.supplement_requested_at,
    overdueAt: row.overdue_at,
    overdueDueDate: row.overdue_due_date,
  };
}

/** The kept message, or for a row folded before messages were kept (or of a code this build does not know) its text as written. */
function reasonOf(structured: unknown, text: string | null): Message | null {
  return messageOrWritten(structured, text) ?? null;
}
