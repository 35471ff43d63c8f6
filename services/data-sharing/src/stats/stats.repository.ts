import { Injectable } from '@nestjs/common';
import { type Message, messageOrWritten } from '@work-permit/catalogue';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseFacts, ItemFacts, ItemState, ItemTransition, StatsRows } from './stats-model';

/**
 * Loads the statistics rows; every computation on them is in plain functions. Every figure is computed
 * from the whole history: `load` holds it all at once (the daily series needs every item), and
 * `loadByItemCode` one item code's rows at a time. The rows are read as plain values (no entities), and
 * a string repeated on many rows (a case id, an item code, a state) is held once.
 */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One consistent snapshot of the three tables. */
  async load(): Promise<StatsRows> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const once = interning();
      return { cases: await casesIn(manager, once), items: await itemsIn(manager, once), transitions: await transitionsIn(manager, once) };
    });
  }

  /**
   * The same snapshot, handed to `visit` one item code at a time (in code order), so that only one
   * code's items and transitions are held at once; answers the cases.
   */
  async loadByItemCode(visit: (items: ItemFacts[], transitions: ItemTransition[]) => void): Promise<CaseFacts[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const once = interning();
      const codes = (await manager.query(
        'SELECT item_code FROM (SELECT item_code FROM stats_item UNION SELECT item_code FROM stats_item_transition) AS code ORDER BY item_code COLLATE "C"',
      )) as { item_code: string }[];
      for (const { item_code: code } of codes) visit(await itemsIn(manager, once, code), await transitionsIn(manager, once, code));
      return casesIn(manager, once);
    });
  }
}

type Interning = ReturnType<typeof interning>;

async function casesIn(manager: EntityManager, once: Interning): Promise<CaseFacts[]> {
  const rows = (await manager.query(
    'SELECT case_id, channel, submitted_at, withdrawn_at, status, joint_review_opened_at, joint_review_concluded_at FROM stats_case',
  )) as CaseRow[];
  return rows.map((row) => ({
    caseId: once(row.case_id),
    channel: row.channel,
    submittedAt: row.submitted_at,
    withdrawnAt: row.withdrawn_at,
    status: row.status,
    jointReviewOpenedAt: row.joint_review_opened_at,
    jointReviewConcludedAt: row.joint_review_concluded_at,
  }));
}

/** The items (of `code`, or all). */
async function itemsIn(manager: EntityManager, once: Interning, code?: string): Promise<ItemFacts[]> {
  const rows = (await manager.query(
    `SELECT i.case_id, i.item_code, i.agency, i.chosen, c.submitted_at, i.review_started_at, i.outcome, i.outcome_at, i.reason, i.reason_message,
            i.supplement_requested_at, i.overdue_at, i.overdue_due_date::text AS overdue_due_date
     FROM stats_item i JOIN stats_case c USING (case_id) WHERE $1::text IS NULL OR i.item_code = $1`,
    [code ?? null],
  )) as ItemRow[];
  return rows.map((row) => itemFactsOf(row, once));
}

/** The transitions (of `code`, or all). */
async function transitionsIn(manager: EntityManager, once: Interning, code?: string): Promise<ItemTransition[]> {
  const rows = (await manager.query(
    // The time as milliseconds and an empty list as null: a number and a null cost the client far
    // less to read than a timestamp's text and a JSON document, on every row.
    `SELECT case_id, item_code, state, (extract(epoch FROM at) * 1000)::float8 AS at_ms, reason, reason_message,
            NULLIF(requested_materials, '[]'::jsonb) AS requested_materials
     FROM stats_item_transition WHERE $1::text IS NULL OR item_code = $1`,
    [code ?? null],
  )) as TransitionRow[];
  return rows.map((row) => ({
    caseId: once(row.case_id),
    item: once(row.item_code),
    state: once(row.state) as ItemState,
    at: new Date(row.at_ms),
    reason: reasonOf(row.reason_message, row.reason),
    requestedMaterials: row.requested_materials ?? NO_MATERIALS,
  }));
}

/** Shared by every transition that asked for nothing (most of them); nobody changes it. */
const NO_MATERIALS: string[] = [];

/** One copy of each string value: the same case id or item code read on many rows is held once. */
function interning(): <T extends string | null>(value: T) => T {
  const kept = new Map<string, string>();
  return <T extends string | null>(value: T): T => {
    if (value === null) return value;
    const known = kept.get(value);
    if (known !== undefined) return known as T;
    kept.set(value, value);
    return value;
  };
}

interface CaseRow {
  case_id: string;
  channel: CaseFacts['channel'];
  submitted_at: Date | null;
  withdrawn_at: Date | null;
  status: CaseFacts['status'];
  joint_review_opened_at: Date | null;
  joint_review_concluded_at: Date | null;
}

interface TransitionRow {
  case_id: string;
  item_code: string;
  state: string;
  at_ms: number;
  reason: string | null;
  reason_message: unknown;
  requested_materials: string[] | null;
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

function itemFactsOf(row: ItemRow, once: Interning): ItemFacts {
  return {
    caseId: once(row.case_id),
    item: once(row.item_code),
    agency: once(row.agency),
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
