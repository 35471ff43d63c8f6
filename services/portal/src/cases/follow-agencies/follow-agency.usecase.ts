import { Injectable, Logger } from '@nestjs/common';
import type { IncomingEvent, ItemDecided, ItemProgressed } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import { portalCaseLockKey } from '../case-lock';
import { FINAL_ITEM_STATUSES } from '../case-item.entity';
import { ObservedDecisionTimes } from '../../forecast';
import { NotifyCasePartiesUseCase } from '../../notifications/notify-case-parties.usecase';
import { changeForDecision, changeForProgress, isStep, type ItemChange } from './agency-progress';
import { type FollowedCase, type FollowedItem, readFollowedCase, writeItemChange } from './followed-case';

/** Keeps the portal's case view in step with the agencies' events: item status, result, timeline. */
@Injectable()
export class FollowAgencyUseCase {
  private readonly logger = new Logger(FollowAgencyUseCase.name);

  constructor(
    private readonly notifications: NotifyCasePartiesUseCase,
    private readonly observedTimes: ObservedDecisionTimes,
  ) {}

  async decided(event: IncomingEvent<ItemDecided>, tx: Transaction): Promise<void> {
    // The timeline is read with the case: a decision that makes its item final is measured against it.
    const applied = await this.apply(event, event.payload.itemCode, event.payload.agency, tx, true, (item) => changeForDecision(item.status, event.payload));
    // Only the decision that made the item final is observed (a second one changes nothing), with the inbox row.
    if (applied?.change.status) await this.observedTimes.record(event, applied.followed, tx);
  }

  async progressed(event: IncomingEvent<ItemProgressed>, tx: Transaction): Promise<void> {
    await this.apply(event, event.payload.itemCode, event.payload.agency, tx, false, (item) => changeForProgress(item.status, event.payload));
  }

  private async apply(
    event: IncomingEvent,
    itemCode: string,
    agency: string,
    tx: Transaction,
    withTimeline: boolean,
    changeOf: (item: FollowedItem) => ItemChange,
  ): Promise<{ followed: FollowedCase; change: ItemChange } | undefined> {
    // Two items of a case decided at once (their agencies' topics are consumed in separate transactions)
    // would each read the other as unfinished, and the case would never complete: one case, one at a time.
    await tx.lock(portalCaseLockKey(event.caseId));
    const followed = await readFollowedCase(tx.manager, event.caseId, itemCode, { timeline: withTimeline });
    if (!followed) {
      // A step inside an item (talent category, list screening) is not an item of the applicant's case;
      // anything else is another portal's case, or one this portal never stored.
      if (!isStep(itemCode)) this.logger.warn(`${event.type} for an item this portal does not hold: ${itemCode}`);
      return;
    }
    const { item } = followed;
    const change = changeOf(item);
    await writeItemChange(tx.manager, followed, change, event.occurredAt, agency || item.agency, FINAL_ITEM_STATUSES);
    // The case as it is now, for what follows in this transaction: the item's status and its new timeline entries.
    const status = change.status;
    if (status) followed.items = followed.items.map((other) => (other.code === item.code ? { code: item.code, status } : other));
    if (followed.timeline && change.timeline.length > 0) {
      // Written last, so after every entry of the same time (a stable sort keeps the order of writing).
      followed.timeline.push(...change.timeline.map((type) => ({ at: event.occurredAt, type, item: itemCode })));
      followed.timeline.sort((a, b) => a.at.getTime() - b.at.getTime());
    }
    await this.notifications.itemChanged(event, followed.file, item, change, tx);
    return { followed, change };
  }
}
