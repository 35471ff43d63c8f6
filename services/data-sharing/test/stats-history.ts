import { messageOrWritten } from '@work-permit/catalogue';
import type { DataSource } from 'typeorm';
import type { CaseFacts, ItemFacts, ItemTransition, StatsRows } from '../src/stats/stats-model';

/**
 * The whole history of the statistics' tables, as the reference functions (`statisticsOf`,
 * `dailySeriesOf`) read it: what the service's sums in the database must agree with.
 */
export async function statsHistoryIn(dataSource: DataSource): Promise<StatsRows> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const cases = (await manager.query(
      `SELECT case_id AS "caseId", channel, submitted_at AS "submittedAt", withdrawn_at AS "withdrawnAt", status,
              joint_review_opened_at AS "jointReviewOpenedAt", joint_review_concluded_at AS "jointReviewConcludedAt" FROM stats_case`,
    )) as CaseFacts[];
    const items = (await manager.query(
      `SELECT i.case_id AS "caseId", i.item_code AS item, i.agency, i.chosen, c.submitted_at AS "submittedAt", i.review_started_at AS "reviewStartedAt",
              i.outcome, i.outcome_at AS "outcomeAt", i.reason, i.reason_message AS "reasonMessage", i.supplement_requested_at AS "supplementRequestedAt",
              i.overdue_at AS "overdueAt", i.overdue_due_date::text AS "overdueDueDate"
       FROM stats_item i JOIN stats_case c USING (case_id)`,
    )) as (ItemFacts & { reason: string | null; reasonMessage: unknown })[];
    const transitions = (await manager.query(
      `SELECT case_id AS "caseId", item_code AS item, state, at, reason, reason_message AS "reasonMessage", requested_materials AS "requestedMaterials" FROM stats_item_transition`,
    )) as (Omit<ItemTransition, 'reason'> & { reason: string | null; reasonMessage: unknown })[];
    return {
      cases,
      items: items.map(({ reasonMessage, reason, ...item }) => ({ ...item, reason: messageOrWritten(reasonMessage, reason) ?? null })),
      transitions: transitions.map(({ reasonMessage, reason, ...transition }) => ({ ...transition, reason: messageOrWritten(reasonMessage, reason) ?? null })),
    };
  });
}
