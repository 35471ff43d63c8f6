import { Injectable } from '@nestjs/common';
import type { IncomingEvent } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import { caseLockKey } from '../events/case-lock';
import type { EventFold } from '../events/event-fold';
import { caseStatusOf } from './case-status';
import { STATISTICS_EVENT_TYPES, statisticsChangeOf } from './statistics-change';
import { statisticsWritesOf, type StatisticsWrites, writeRoundsOf } from './statistics-writes';
import type { CaseStatus, ItemOutcome } from './stats-model';

/** `column = the offered value when condition, else the kept one`, for each column of an item row. */
function takenTogetherWhen(condition: string, columns: readonly string[]): string {
  return columns.map((column) => `${column} = CASE WHEN ${condition} THEN EXCLUDED.${column} ELSE i.${column} END`).join(',\n      ');
}

/** The earliest outcome stands (ties by name, so arrival order never matters). */
const EARLIER_OUTCOME = `EXCLUDED.outcome IS NOT NULL AND (i.outcome_at IS NULL OR i.outcome_at > EXCLUDED.outcome_at OR (i.outcome_at = EXCLUDED.outcome_at AND i.outcome > EXCLUDED.outcome))`;

/** The earliest overdue notice stands, with the due date it announced passed (ties by date). */
const EARLIER_OVERDUE = `EXCLUDED.overdue_at IS NOT NULL AND (i.overdue_at IS NULL OR i.overdue_at > EXCLUDED.overdue_at
      OR (i.overdue_at = EXCLUDED.overdue_at AND EXCLUDED.overdue_due_date IS NOT NULL AND (i.overdue_due_date IS NULL OR i.overdue_due_date > EXCLUDED.overdue_due_date)))`;

/** The case's row: times keep the earliest seen, a channel once known stays. */
const CASE_KEPT = `ON CONFLICT (case_id) DO UPDATE SET
      channel = COALESCE(EXCLUDED.channel, c.channel),
      submitted_at = LEAST(c.submitted_at, EXCLUDED.submitted_at),
      withdrawn_at = LEAST(c.withdrawn_at, EXCLUDED.withdrawn_at),
      joint_review_opened_at = LEAST(c.joint_review_opened_at, EXCLUDED.joint_review_opened_at),
      joint_review_concluded_at = LEAST(c.joint_review_concluded_at, EXCLUDED.joint_review_concluded_at)`;

const ITEM_OFFERED_COLUMNS = `item text, agency text, chosen boolean, "reviewStartedAt" timestamptz, "supplementRequestedAt" timestamptz, outcome text, "outcomeAt" timestamptz,
      reason text, "reasonMessage" jsonb, "overdueAt" timestamptz, "overdueDueDate" date`;

/**
 * The items offered (`ItemWrite[]` in JSON, at `param`) as rows: of the case `caseId` (an expression),
 * or, without it, of the case each row names in its own `caseId`.
 */
const ITEMS_INSERTED = (param: string, caseId?: string) => `
    INSERT INTO stats_item AS i (case_id, item_code, agency, chosen, review_started_at, supplement_requested_at, outcome, outcome_at, reason, reason_message, overdue_at, overdue_due_date)
    SELECT ${caseId ?? '"caseId"'}, item, agency, chosen, "reviewStartedAt", "supplementRequestedAt", outcome, "outcomeAt", reason, "reasonMessage", "overdueAt", "overdueDueDate"
    FROM jsonb_to_recordset(${param}::jsonb) AS offered (${caseId ? '' : '"caseId" uuid, '}${ITEM_OFFERED_COLUMNS})`;

/** An item's row: the earliest times, the earliest outcome, the earliest overdue notice; the agency by `fromCatalogue` (see `StatisticsWrites`). */
const ITEM_KEPT = (fromCatalogue: string) => `ON CONFLICT (case_id, item_code) DO UPDATE SET
      agency = CASE WHEN ${fromCatalogue} THEN COALESCE(i.agency, EXCLUDED.agency) ELSE COALESCE(EXCLUDED.agency, i.agency) END,
      chosen = i.chosen OR EXCLUDED.chosen,
      review_started_at = LEAST(i.review_started_at, EXCLUDED.review_started_at),
      supplement_requested_at = LEAST(i.supplement_requested_at, EXCLUDED.supplement_requested_at),
      ${takenTogetherWhen(EARLIER_OUTCOME, ['outcome', 'outcome_at', 'reason', 'reason_message'])},
      ${takenTogetherWhen(EARLIER_OVERDUE, ['overdue_at', 'overdue_due_date'])}`;

/**
 * The states entered (`TransitionWrite[]` in JSON, at `param`), once per event and item: of the event
 * and case `of` names (expressions), or, without it, of those each row names in its `eventId` and `caseId`.
 */
const TRANSITIONS_INSERTED = (param: string, of?: { eventId: string; caseId: string }) => `
    INSERT INTO stats_item_transition (event_id, item_code, case_id, state, at, reason, reason_message, requested_materials)
    SELECT ${of?.eventId ?? '"eventId"'}, item, ${of?.caseId ?? '"caseId"'}, state, at, reason, "reasonMessage", "requestedMaterials"
    FROM jsonb_to_recordset(${param}::jsonb) AS entered (${of ? '' : '"eventId" uuid, "caseId" uuid, '}item text, state text, at timestamptz, reason text, "reasonMessage" jsonb, "requestedMaterials" jsonb)
    ON CONFLICT DO NOTHING`;

/**
 * One event's writes in one statement: the case row, its items, their transitions. It returns the case
 * as the event leaves it, for its status: a statement does not see its own writes, so the items it
 * wrote are read from what it returned and the others from the table.
 */
const APPLY_WRITES = `
  WITH kept_case AS (
    INSERT INTO stats_case AS c (case_id, channel, submitted_at, withdrawn_at, joint_review_opened_at, joint_review_concluded_at)
    VALUES ($1::uuid, $2, $3::timestamptz, $4::timestamptz, $5::timestamptz, $6::timestamptz)
    ${CASE_KEPT}
    RETURNING status, withdrawn_at
  ), kept_item AS (
    ${ITEMS_INSERTED('$7', '$1::uuid')}
    ${ITEM_KEPT('$8::boolean')}
    RETURNING item_code, chosen, outcome
  ), kept_transition AS (
    ${TRANSITIONS_INSERTED('$10', { eventId: '$9::uuid', caseId: '$1::uuid' })}
  )
  SELECT kept_case.status, kept_case.withdrawn_at,
    (SELECT json_agg(json_build_object('chosen', chosen, 'outcome', outcome)) FROM (
      SELECT chosen, outcome FROM kept_item
      UNION ALL
      SELECT chosen, outcome FROM stats_item WHERE case_id = $1::uuid AND item_code NOT IN (SELECT item_code FROM kept_item)
    ) AS item) AS items
  FROM kept_case`;

/** One round of several cases' writes (`writeRoundsOf`): each case's row, its items, their transitions. */
const APPLY_ROUND = `
  WITH kept_case AS (
    INSERT INTO stats_case AS c (case_id, channel, submitted_at, withdrawn_at, joint_review_opened_at, joint_review_concluded_at)
    SELECT "caseId", channel, "submittedAt", "withdrawnAt", "jointReviewOpenedAt", "jointReviewConcludedAt"
    FROM jsonb_to_recordset($1::jsonb) AS kase (
      "caseId" uuid, channel text, "submittedAt" timestamptz, "withdrawnAt" timestamptz, "jointReviewOpenedAt" timestamptz, "jointReviewConcludedAt" timestamptz)
    ${CASE_KEPT}
  ), kept_item AS (
    ${ITEMS_INSERTED('$2')}
    ${ITEM_KEPT('$4::boolean')}
  )
  ${TRANSITIONS_INSERTED('$3')}`;

/** What each case's status is derived from, as its rows stand. */
const CASES_AS_THEY_STAND = `
  SELECT c.case_id AS "caseId", c.status, c.withdrawn_at,
    COALESCE(json_agg(json_build_object('chosen', i.chosen, 'outcome', i.outcome)) FILTER (WHERE i.case_id IS NOT NULL), '[]') AS items
  FROM stats_case c LEFT JOIN stats_item i ON i.case_id = c.case_id
  WHERE c.case_id = ANY($1::uuid[])
  GROUP BY c.case_id`;

const STATUSES_SET = `UPDATE stats_case AS c SET status = s.status FROM unnest($1::uuid[], $2::text[]) AS s (case_id, status) WHERE c.case_id = s.case_id`;

interface CaseAfter {
  status: CaseStatus;
  withdrawn_at: Date | null;
  items: { chosen: boolean; outcome: ItemOutcome | null }[] | null;
}

/**
 * Keeps the statistics tables from the events alone. Events of one case reach it from several topics
 * in any order, so every write is order-free and idempotent: times keep the earliest seen (LEAST
 * ignores NULL), the first outcome by time stands, transitions are keyed by event id, and the case's
 * status is derived again from its items after each event.
 */
@Injectable()
export class StatisticsFold implements EventFold {
  readonly name = 'statistics';
  readonly rebuildable = true;
  readonly eventTypes = STATISTICS_EVENT_TYPES;

  async apply(event: IncomingEvent, tx: Transaction): Promise<void> {
    const change = statisticsChangeOf(event);
    if (!change) return;
    // Another topic's event of the same case may be in flight in another transaction.
    await tx.lock(caseLockKey(change.caseId));
    const after = await this.write(statisticsWritesOf(change), event.eventId, tx);
    const status = caseStatusOf(after.withdrawn_at, after.items ?? []);
    if (status !== after.status) await tx.manager.query('UPDATE stats_case SET status = $2 WHERE case_id = $1', [change.caseId, status]);
  }

  /**
   * The events' writes as a few statements (`writeRoundsOf`), then each case's status derived once
   * from its rows: the tables `apply` one by one would leave, since every write is order-free.
   */
  async applyBatch(events: readonly IncomingEvent[], tx: Transaction): Promise<void> {
    const writes = events.flatMap((event) => {
      const change = statisticsChangeOf(event);
      return change ? [{ ...statisticsWritesOf(change), eventId: event.eventId }] : [];
    });
    if (writes.length === 0) return;
    const caseIds = [...new Set(writes.map((write) => write.caseId))];
    for (const caseId of caseIds) await tx.lock(caseLockKey(caseId));
    for (const round of writeRoundsOf(writes)) {
      await tx.manager.query(APPLY_ROUND, [
        JSON.stringify(round.map((write) => ({ caseId: write.caseId, ...write.case }))),
        JSON.stringify(round.flatMap((write) => write.items.map((item) => ({ caseId: write.caseId, ...item })))),
        JSON.stringify(round.flatMap((write) => write.transitions.map((transition) => ({ eventId: write.eventId, caseId: write.caseId, ...transition })))),
        round[0].agencyFromCatalogue,
      ]);
    }
    const cases = (await tx.manager.query(CASES_AS_THEY_STAND, [caseIds])) as (CaseAfter & { caseId: string })[];
    const changed = cases.flatMap((kase) => {
      const status = caseStatusOf(kase.withdrawn_at, kase.items ?? []);
      return status === kase.status ? [] : [{ caseId: kase.caseId, status }];
    });
    if (changed.length > 0) await tx.manager.query(STATUSES_SET, [changed.map((kase) => kase.caseId), changed.map((kase) => kase.status)]);
  }

  private async write(writes: StatisticsWrites, eventId: string, tx: Transaction): Promise<CaseAfter> {
    const { caseId, case: kase } = writes;
    const [after] = (await tx.manager.query(APPLY_WRITES, [
      caseId,
      kase.channel,
      kase.submittedAt,
      kase.withdrawnAt,
      kase.jointReviewOpenedAt,
      kase.jointReviewConcludedAt,
      JSON.stringify(writes.items),
      writes.agencyFromCatalogue,
      eventId,
      JSON.stringify(writes.transitions),
    ])) as CaseAfter[];
    return after;
  }
}
