import { Injectable, Logger } from '@nestjs/common';
import type { IncomingEvent, ItemDecided, ItemProgressed } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { ObservedDecisionTimes } from '../../forecast';
import { NotifyCasePartiesUseCase } from '../../notifications/notify-case-parties.usecase';
import { changeForDecision, changeForProgress, isFinal, isStep, type ItemChange } from './agency-progress';

/** Keeps the portal's case view in step with the agencies' events: item status, result, timeline. */
@Injectable()
export class FollowAgencyUseCase {
  private readonly logger = new Logger(FollowAgencyUseCase.name);

  constructor(
    private readonly notifications: NotifyCasePartiesUseCase,
    private readonly observedTimes: ObservedDecisionTimes,
  ) {}

  async decided(event: IncomingEvent<ItemDecided>, tx: Transaction): Promise<void> {
    const applied = await this.apply(event, event.payload.itemCode, event.payload.agency, tx, (item) => changeForDecision(item.status, event.payload));
    // Only the decision that made the item final is observed (a second one changes nothing), with the inbox row.
    if (applied?.change.status) await this.observedTimes.record(event, applied.item, tx);
  }

  async progressed(event: IncomingEvent<ItemProgressed>, tx: Transaction): Promise<void> {
    await this.apply(event, event.payload.itemCode, event.payload.agency, tx, (item) => changeForProgress(item.status, event.payload));
  }

  private async apply(event: IncomingEvent, itemCode: string, agency: string, tx: Transaction, changeOf: (item: CaseItem) => ItemChange): Promise<{ item: CaseItem; change: ItemChange } | undefined> {
    const item = await tx.manager.findOne(CaseItem, { where: { caseId: event.caseId, code: itemCode }, lock: { mode: 'pessimistic_write' } });
    if (!item) {
      // A step inside an item (talent category, list screening) is not an item of the applicant's case;
      // anything else is another portal's case, or one this portal never stored.
      if (!isStep(itemCode)) this.logger.warn(`${event.type} for an item this portal does not hold: ${itemCode}`);
      return;
    }
    const change = changeOf(item);
    const { timeline, ...fields } = change;
    const updates = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (Object.keys(updates).length > 0) await tx.manager.update(CaseItem, { caseId: item.caseId, code: item.code }, updates);
    for (const type of timeline) await tx.manager.insert(CaseTimelineEntry, { caseId: event.caseId, at: event.occurredAt, type, agency: agency || item.agency, item: itemCode });
    await this.notifications.itemChanged(event, item, change, tx);
    if (change.status && isFinal(change.status)) await this.completeWhenAllFinal(event.caseId, tx);
    return { item, change };
  }

  private async completeWhenAllFinal(caseId: string, tx: Transaction): Promise<void> {
    const items = await tx.manager.findBy(CaseItem, { caseId });
    if (items.every((i) => isFinal(i.status))) {
      await tx.manager.update(CaseFile, { caseId, status: 'in_progress' }, { status: 'completed' });
    }
  }
}
