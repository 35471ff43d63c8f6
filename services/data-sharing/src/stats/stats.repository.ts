import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Message, messageOrWritten } from '@work-permit/catalogue';
import type { DataSource, EntityManager } from 'typeorm';
import type { DayWindow } from './daily-series';
import type { DailyRow, DecisionDays, ItemTotals, OutcomeReasons, OverdueRow, StatsAggregates, StepWaits, SupplementRequests } from './stats-aggregates';
import type { CaseChannel, CaseStatus, WaitingState } from './stats-model';

/** The civil date in China of a timestamptz column, as `chinaDateOf` gives it (China keeps no summer time). */
const chinaDay = (column: string) => `((${column}) AT TIME ZONE 'Asia/Shanghai')::date`;
/** Seconds between two timestamptz, as a double: the same value as JavaScript's milliseconds / 1000. */
const seconds = (from: string, to: string) => `extract(epoch FROM (${to}) - (${from}))::float8`;
/**
 * `percentile_cont` interpolates between the two nearest ranks, as `quantile` does (R type 7), so the
 * database's median and 90th percentile are the figures the reference functions give.
 */
const distribution = (value: string, where: string) => `
  count(*) FILTER (WHERE ${where})::int AS decided_count,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${where}) AS median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${where}) AS p90`;

const DECIDED = `i.outcome IN ('granted', 'rejected') AND c.submitted_at IS NOT NULL AND i.outcome_at IS NOT NULL`;

const CASES = `SELECT status, channel, count(*)::int AS count FROM stats_case WHERE submitted_at IS NOT NULL AND channel IS NOT NULL GROUP BY status, channel`;

const ITEM_TOTALS = `
  SELECT i.item_code AS item, min(i.agency) AS agency, count(*)::int AS total,
    count(*) FILTER (WHERE i.outcome IS NULL)::int AS open,
    count(*) FILTER (WHERE i.outcome = 'granted')::int AS granted,
    count(*) FILTER (WHERE i.outcome = 'rejected')::int AS rejected,
    count(*) FILTER (WHERE i.outcome = 'terminated')::int AS terminated,
    count(*) FILTER (WHERE i.outcome = 'withdrawn')::int AS withdrawn,
    count(*) FILTER (WHERE i.supplement_requested_at IS NOT NULL)::int AS supplemented,
    count(*) FILTER (WHERE i.overdue_at IS NOT NULL)::int AS "everOverdue",
    ${distribution(seconds('c.submitted_at', 'i.outcome_at'), DECIDED)}
  FROM stats_item i JOIN stats_case c USING (case_id)
  GROUP BY i.item_code ORDER BY i.item_code COLLATE "C"`;

/**
 * The decided items grouped by what their working days depend on: the days of submission and decision
 * and the days of their supplement requests and answers (in time order, a request first at one
 * instant). Items with the same days count the same, so the calendar is consulted once per group.
 */
const DECISION_DAYS = `
  WITH moves AS (
    SELECT case_id, item_code,
      string_agg(CASE state WHEN 'awaiting_supplement' THEN 'R' ELSE 'A' END || ${chinaDay('at')}::text, ' ' ORDER BY at, state = 'supplemented') AS moves
    FROM stats_item_transition WHERE state IN ('awaiting_supplement', 'supplemented')
    GROUP BY case_id, item_code
  )
  SELECT i.item_code, ${chinaDay('c.submitted_at')}::text AS submitted, ${chinaDay('i.outcome_at')}::text AS decided, m.moves, count(*)::int AS count
  FROM stats_item i JOIN stats_case c USING (case_id) LEFT JOIN moves m USING (case_id, item_code)
  WHERE ${DECIDED}
  GROUP BY 1, 2, 3, 4`;

/**
 * What tells one reason from another when they are grouped: its message, or its text where it has
 * none (the reason as written). Grouped rows carry `min(reason)` for that text.
 */
const A_REASON = 'reason_message, CASE WHEN reason_message IS NULL THEN reason END';

/**
 * The reasons of the rejected and terminated items, each distinct reason (`A_REASON`) once with how
 * often it was given.
 */
const OUTCOME_REASONS = `
  SELECT item_code, outcome, reason_message, min(reason) AS reason, count(*)::int AS count
  FROM stats_item WHERE outcome IN ('rejected', 'terminated')
  GROUP BY item_code, outcome, ${A_REASON}`;

/**
 * The supplement requests, one per item, reason and materials (an agency repeating a request does not
 * make its reason commoner); the materials compared as `topMaterials` reads them, joined by commas.
 * A request's reason is told apart as `A_REASON`; `statisticsOf` compares what `messageOrWritten`
 * makes of it, which differs in one case only: a message of a code this
 * build does not know, with different texts, is one request here and one per text there (events of a
 * newer producer, shown as the uncoded reason either way).
 */
const SUPPLEMENT_REQUESTS = `
  WITH request AS (
    SELECT item_code, reason_message, min(reason) AS reason, (array_agg(requested_materials))[1] AS requested_materials, materials
    FROM stats_item_transition,
      LATERAL (SELECT COALESCE(string_agg(code, ',' ORDER BY n), '') AS materials FROM jsonb_array_elements_text(requested_materials) WITH ORDINALITY AS m (code, n)) AS joined
    WHERE state = 'awaiting_supplement'
    GROUP BY case_id, item_code, ${A_REASON}, materials
  )
  SELECT item_code, reason_message, min(reason) AS reason, (array_agg(requested_materials))[1] AS requested_materials, count(*)::int AS count
  FROM request GROUP BY item_code, ${A_REASON}, materials`;

const OVERDUE = `
  SELECT case_id, item_code, agency, overdue_due_date::text AS due_date, overdue_at
  FROM stats_item WHERE overdue_at IS NOT NULL AND outcome IS NULL`;

/**
 * The waits of every step, measured as `itemWaitsOf` cuts them: transitions in time order (the order an
 * item moves at one instant); a `submitted` that is not first ignored; a repeat of the state before it
 * continues it; each remaining state lasts until the next; the first outcome ends the item. The joint
 * review is a wait of the whole case.
 */
const STEP_WAITS = `
  WITH ordered AS (
    SELECT case_id, item_code, state, at,
      row_number() OVER (PARTITION BY case_id, item_code ORDER BY at,
        array_position(ARRAY['submitted', 'pending', 'in_review', 'awaiting_supplement', 'supplemented', 'joint_review', 'granted', 'rejected', 'terminated', 'withdrawn'], state)) AS n
    FROM stats_item_transition
  ), counted AS (
    SELECT *, lag(state) OVER (PARTITION BY case_id, item_code ORDER BY n) AS before FROM ordered WHERE state <> 'submitted' OR n = 1
  ), changes AS (
    SELECT *, state IN ('granted', 'rejected', 'terminated', 'withdrawn') AS outcome FROM counted WHERE before IS DISTINCT FROM state
  ), cut AS (
    SELECT item_code, state, outcome, at AS start,
      lead(at) OVER (PARTITION BY case_id, item_code ORDER BY n) AS finish,
      min(n) FILTER (WHERE outcome) OVER (PARTITION BY case_id, item_code) AS ended_at_n, n
    FROM changes
  ), waits AS (
    SELECT item_code, state, start, finish FROM cut WHERE NOT outcome AND (ended_at_n IS NULL OR n < ended_at_n)
    UNION ALL
    SELECT NULL, 'joint_review', joint_review_opened_at, joint_review_concluded_at FROM stats_case WHERE joint_review_opened_at IS NOT NULL
  )
  SELECT item_code, state, count(*) FILTER (WHERE finish IS NULL)::int AS waiting_now, ${distribution(seconds('start', 'finish'), 'finish IS NOT NULL')}
  FROM waits GROUP BY item_code, state`;

/**
 * The cases counted in the daily series, by the day (in China) they were submitted, completed or
 * withdrawn, as `dailySeriesOf` counts them.
 */
const DAILY = `
  WITH last_outcome AS (
    SELECT case_id, max(outcome_at) AS at FROM stats_item WHERE chosen AND outcome_at IS NOT NULL GROUP BY case_id
  ), counted AS (
    SELECT c.channel, ${chinaDay('c.submitted_at')} AS submitted,
      CASE WHEN c.status = 'completed' THEN ${chinaDay('l.at')} END AS completed,
      CASE WHEN c.status = 'withdrawn' THEN ${chinaDay('COALESCE(c.withdrawn_at, l.at)')} END AS withdrawn
    FROM stats_case c LEFT JOIN last_outcome l USING (case_id)
    WHERE c.submitted_at IS NOT NULL AND c.channel IS NOT NULL
  )
  SELECT 'submitted' AS kind, channel, submitted::text AS day, count(*)::int AS count FROM counted WHERE submitted BETWEEN $1::date AND $2::date GROUP BY channel, submitted
  UNION ALL
  SELECT 'completed', NULL, completed::text, count(*)::int FROM counted WHERE completed BETWEEN $1::date AND $2::date GROUP BY completed
  UNION ALL
  SELECT 'withdrawn', NULL, withdrawn::text, count(*)::int FROM counted WHERE withdrawn BETWEEN $1::date AND $2::date GROUP BY withdrawn`;

/**
 * Reads the statistics as the database sums them up: counts, quantiles and groups, never the history
 * row by row, so what the service holds does not grow with the number of cases (only the overdue items
 * are listed one by one). Everything of one answer comes from one snapshot.
 */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The figures, and the daily series over `window` when asked for. */
  async aggregates(window?: DayWindow): Promise<{ aggregates: StatsAggregates; daily: DailyRow[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => ({
      aggregates: {
        cases: await query<{ status: CaseStatus; channel: CaseChannel; count: number }>(manager, CASES),
        items: (await query<ItemTotalsRow>(manager, ITEM_TOTALS)).map(
          ({ decided_count, median, p90, ...totals }): ItemTotals => ({ ...totals, decisionSeconds: distributionOfRow({ decided_count, median, p90 }) }),
        ),
        decisionDays: (await query<DecisionDaysRow>(manager, DECISION_DAYS)).map(decisionDaysOf),
        outcomeReasons: (await query<OutcomeReasonRow>(manager, OUTCOME_REASONS)).map(
          (row): OutcomeReasons => ({ item: row.item_code, outcome: row.outcome, reason: reasonOf(row.reason_message, row.reason), count: row.count }),
        ),
        supplementRequests: (await query<SupplementRequestRow>(manager, SUPPLEMENT_REQUESTS)).map(
          (row): SupplementRequests => ({ item: row.item_code, reason: reasonOf(row.reason_message, row.reason), requestedMaterials: row.requested_materials, count: row.count }),
        ),
        overdue: (await query<OverdueDbRow>(manager, OVERDUE)).map(
          (row): OverdueRow => ({ caseId: row.case_id, item: row.item_code, agency: row.agency, dueDate: row.due_date, since: row.overdue_at }),
        ),
        steps: (await query<StepWaitsRow>(manager, STEP_WAITS)).map(
          (row): StepWaits => ({ item: row.item_code, state: row.state, waitingNow: row.waiting_now, finished: distributionOfRow(row) }),
        ),
      },
      daily: window ? await query<DailyRow>(manager, DAILY, [window.from, window.to]) : [],
    }));
  }
}

async function query<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return (await manager.query(sql, parameters)) as T[];
}

interface DistributionColumns {
  decided_count: number;
  median: number | null;
  p90: number | null;
}

function distributionOfRow(row: DistributionColumns) {
  return { count: row.decided_count, median: row.median ?? undefined, p90: row.p90 ?? undefined };
}

type ItemTotalsRow = Omit<ItemTotals, 'decisionSeconds'> & DistributionColumns;

interface DecisionDaysRow {
  item_code: string;
  submitted: string;
  decided: string;
  moves: string | null;
  count: number;
}

function decisionDaysOf(row: DecisionDaysRow): DecisionDays {
  const moves = (row.moves ?? '')
    .split(' ')
    .filter((move) => move !== '')
    .map((move) => ({ state: move.startsWith('R') ? ('awaiting_supplement' as const) : ('supplemented' as const), day: move.slice(1) }));
  return { item: row.item_code, submitted: row.submitted, decided: row.decided, moves, count: row.count };
}

interface OutcomeReasonRow {
  item_code: string;
  outcome: OutcomeReasons['outcome'];
  reason_message: unknown;
  reason: string | null;
  count: number;
}

interface SupplementRequestRow {
  item_code: string;
  reason_message: unknown;
  reason: string | null;
  requested_materials: string[];
  count: number;
}

interface OverdueDbRow {
  case_id: string;
  item_code: string;
  agency: string | null;
  due_date: string | null;
  overdue_at: Date;
}

interface StepWaitsRow extends DistributionColumns {
  item_code: string | null;
  state: WaitingState;
  waiting_now: number;
}

/** The kept message, or for a row folded before messages were kept (or of a code this build does not know) its text as written. */
function reasonOf(structured: unknown, text: string | null): Message | null {
  return messageOrWritten(structured, text) ?? null;
}
