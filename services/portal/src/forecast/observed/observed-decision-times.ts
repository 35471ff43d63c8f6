import { Injectable, Logger } from '@nestjs/common';
import { type Catalogue, getCatalogue, type ItemSelection, observedDecisionTime, type ObservedDecisionTime } from '@work-permit/catalogue';
import type { IncomingEvent } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import { addMonths } from '@work-permit/workdays';
import { DataSource } from 'typeorm';
import { knownCatalogue } from '../../catalogue/known-catalogue';
import type { FollowedCase } from '../../cases/follow-agencies/followed-case';
import { ForecastSettings } from '../forecast-settings';
import { measureDecision } from './measure-decision';

/**
 * The observed decision times the forecast learns from (table `observed_decision_time`): a fold of the
 * agencies' decisions, one histogram bar per item, action, month and whole working days.
 */
@Injectable()
export class ObservedDecisionTimes {
  private readonly logger = new Logger(ObservedDecisionTimes.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ForecastSettings,
  ) {}

  /**
   * Folds in the decision of `item` that `event` just applied, in the consumer's transaction (the one
   * that writes the event's inbox row): a redelivered event never reaches here, and a second decision
   * of an item already final is not applied, so each item's decision counts once. `decided` is the case
   * as the decision left it, its timeline included.
   */
  async record(event: IncomingEvent, decided: FollowedCase, tx: Transaction): Promise<void> {
    const { item, file } = decided;
    const measured = measureDecision(
      { catalogue: knownCatalogue(file.catalogueVersion) ?? getCatalogue(), submittedAt: file.submittedAt, items: decided.items.map((i) => i.code), timeline: decided.timeline ?? [] },
      item.code,
      event.occurredAt,
    );
    if (typeof measured === 'string') {
      this.logger.debug(`decision of ${item.code} not observed (${measured}): event ${event.eventId}, case ${item.caseId}`);
      return;
    }
    await tx.writeWithTheCommit(
      `INSERT INTO observed_decision_time (item_code, action, decided_month, working_days, decisions) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (item_code, action, decided_month, working_days) DO UPDATE SET decisions = observed_decision_time.decisions + 1`,
      [item.code, item.action, monthOf(measured.decidedOn), measured.workingDays],
    );
  }

  /** The observed times of each chosen item and action, over the decisions of the window's months up to `today`'s. */
  async of(selection: readonly ItemSelection[], today: string, catalogue: Catalogue): Promise<Record<string, ObservedDecisionTime>> {
    if (selection.length === 0) return {};
    const since = addMonths(monthOf(today), -(this.settings.observationWindowMonths(catalogue) - 1));
    const rows: { item_code: string; action: string; working_days: number; decisions: number }[] = await this.dataSource.query(
      `SELECT item_code, action, working_days, SUM(decisions)::int AS decisions FROM observed_decision_time
        WHERE item_code = ANY($1) AND decided_month >= $2 GROUP BY item_code, action, working_days`,
      [selection.map((s) => s.code), since],
    );
    const observed: Record<string, ObservedDecisionTime> = {};
    for (const { code, action } of selection) {
      const buckets = rows.filter((row) => row.item_code === code && row.action === action).map((row) => ({ workingDays: row.working_days, decisions: row.decisions }));
      const time = observedDecisionTime(buckets);
      if (time) observed[code] = time;
    }
    return observed;
  }
}

function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}
