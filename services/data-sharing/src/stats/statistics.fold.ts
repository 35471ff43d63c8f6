import { Injectable } from '@nestjs/common';
import type { Message } from '@work-permit/catalogue';
import type { IncomingEvent } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import type { EventFold } from '../events/event-fold';
import { caseStatusOf } from './case-status';
import { STATISTICS_EVENT_TYPES, statisticsChangeOf, type StatisticsChange } from './statistics-change';
import { isOutcome, type ItemOutcome } from './stats-model';

type ItemChange = Extract<StatisticsChange, { kind: 'item' }>;

/** A reason as the tables keep it: the event's plain text, and its catalogue message (what the statistics count). */
interface KeptReason {
  text: string | null;
  message: Message | null;
}

const NO_REASON: KeptReason = { text: null, message: null };

function jsonOf(message: Message | null): string | null {
  return message ? JSON.stringify(message) : null;
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
    await tx.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`stats-case:${change.caseId}`]);
    await tx.manager.query('INSERT INTO stats_case (case_id) VALUES ($1) ON CONFLICT DO NOTHING', [change.caseId]);
    switch (change.kind) {
      case 'submitted':
        await this.submitted(change, event.eventId, tx);
        break;
      case 'item':
        await this.item(change, event.eventId, tx);
        break;
      case 'withdrawn':
        await tx.manager.query('UPDATE stats_case SET withdrawn_at = LEAST(withdrawn_at, $2) WHERE case_id = $1', [change.caseId, change.at]);
        for (const item of change.items) {
          await this.item(
            {
              kind: 'item',
              caseId: change.caseId,
              at: change.at,
              item,
              agency: null,
              state: 'withdrawn',
              reason: change.reason,
              reasonMessage: change.reasonMessage,
              requestedMaterials: [],
              overdue: false,
              dueDate: null,
            },
            event.eventId,
            tx,
          );
        }
        break;
      case 'joint_review_opened':
        await tx.manager.query('UPDATE stats_case SET joint_review_opened_at = LEAST(joint_review_opened_at, $2) WHERE case_id = $1', [change.caseId, change.at]);
        break;
      case 'joint_review_concluded':
        await tx.manager.query('UPDATE stats_case SET joint_review_concluded_at = LEAST(joint_review_concluded_at, $2) WHERE case_id = $1', [change.caseId, change.at]);
        break;
    }
    await this.deriveCaseStatus(change.caseId, tx);
  }

  private async submitted(change: Extract<StatisticsChange, { kind: 'submitted' }>, eventId: string, tx: Transaction): Promise<void> {
    await tx.manager.query('UPDATE stats_case SET channel = $2, submitted_at = LEAST(submitted_at, $3) WHERE case_id = $1', [change.caseId, change.channel, change.at]);
    for (const { item, agency } of change.items) {
      await tx.manager.query(
        `INSERT INTO stats_item (case_id, item_code, agency, chosen) VALUES ($1, $2, $3, true)
         ON CONFLICT (case_id, item_code) DO UPDATE SET chosen = true, agency = COALESCE(stats_item.agency, EXCLUDED.agency)`,
        [change.caseId, item, agency],
      );
      await this.transition(change.caseId, item, 'submitted', change.at, NO_REASON, [], eventId, tx);
    }
  }

  private async item(change: ItemChange, eventId: string, tx: Transaction): Promise<void> {
    const { caseId, item, at, state } = change;
    await tx.manager.query(
      `INSERT INTO stats_item (case_id, item_code, agency) VALUES ($1, $2, $3)
       ON CONFLICT (case_id, item_code) DO UPDATE SET agency = COALESCE(EXCLUDED.agency, stats_item.agency)`,
      [caseId, item, change.agency],
    );
    if (change.overdue) await this.overdue(caseId, item, at, change.dueDate, tx);
    if (state === null) return;
    const reason = { text: change.reason, message: change.reasonMessage };
    await this.transition(caseId, item, state, at, reason, change.requestedMaterials, eventId, tx);
    if (state === 'in_review') await this.earliest('review_started_at', caseId, item, at, tx);
    if (state === 'awaiting_supplement') await this.earliest('supplement_requested_at', caseId, item, at, tx);
    if (isOutcome(state)) await this.outcome(caseId, item, state, at, reason, tx);
  }

  /** The earliest overdue notice stands, with the due date it announced passed (ties by date, so arrival order never matters). */
  private async overdue(caseId: string, item: string, at: Date, dueDate: string | null, tx: Transaction): Promise<void> {
    await tx.manager.query(
      `UPDATE stats_item SET overdue_at = $3, overdue_due_date = $4
       WHERE case_id = $1 AND item_code = $2
         AND (overdue_at IS NULL OR overdue_at > $3 OR (overdue_at = $3 AND $4::date IS NOT NULL AND (overdue_due_date IS NULL OR overdue_due_date > $4::date)))`,
      [caseId, item, at, dueDate],
    );
  }

  private async earliest(column: 'review_started_at' | 'supplement_requested_at', caseId: string, item: string, at: Date, tx: Transaction): Promise<void> {
    await tx.manager.query(`UPDATE stats_item SET ${column} = LEAST(${column}, $3) WHERE case_id = $1 AND item_code = $2`, [caseId, item, at]);
  }

  /** The earliest outcome stands (ties by name, so arrival order never matters). */
  private async outcome(caseId: string, item: string, outcome: ItemOutcome, at: Date, reason: KeptReason, tx: Transaction): Promise<void> {
    await tx.manager.query(
      `UPDATE stats_item SET outcome = $3, outcome_at = $4, reason = $5, reason_message = $6
       WHERE case_id = $1 AND item_code = $2 AND (outcome_at IS NULL OR outcome_at > $4 OR (outcome_at = $4 AND outcome > $3))`,
      [caseId, item, outcome, at, reason.text, jsonOf(reason.message)],
    );
  }

  private async transition(caseId: string, item: string, state: string, at: Date, reason: KeptReason, requestedMaterials: string[], eventId: string, tx: Transaction): Promise<void> {
    await tx.manager.query(
      `INSERT INTO stats_item_transition (event_id, item_code, case_id, state, at, reason, reason_message, requested_materials)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [eventId, item, caseId, state, at, reason.text, jsonOf(reason.message), JSON.stringify(requestedMaterials)],
    );
  }

  private async deriveCaseStatus(caseId: string, tx: Transaction): Promise<void> {
    const [facts] = (await tx.manager.query('SELECT withdrawn_at FROM stats_case WHERE case_id = $1', [caseId])) as { withdrawn_at: Date | null }[];
    const items = (await tx.manager.query('SELECT chosen, outcome FROM stats_item WHERE case_id = $1', [caseId])) as { chosen: boolean; outcome: ItemOutcome | null }[];
    await tx.manager.query('UPDATE stats_case SET status = $2 WHERE case_id = $1', [caseId, caseStatusOf(facts.withdrawn_at, items)]);
  }
}
