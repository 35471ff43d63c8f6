import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, PeriodicTask, workWithinBudget } from '@work-permit/platform';
import { expiryCutoff } from './draft-view';
import { DraftsRepository } from './drafts.repository';
import { DraftsSettings } from './drafts-settings';

const BATCH = 500;
// A backlog (a first run after long downtime) is deleted a batch at a time without holding the event loop.
const RUN_BUDGET_MS = 500;

/**
 * Deletes the drafts nobody touched for DRAFTS_TTL_DAYS (personal data kept no longer than needed);
 * the reads already treat them as gone, so a late run changes nothing anyone sees.
 */
@Injectable()
export class DraftExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DraftExpiry.name);
  private readonly loop: PeriodicTask;

  constructor(
    private readonly drafts: DraftsRepository,
    private readonly settings: DraftsSettings,
    private readonly clock: Clock,
  ) {
    this.loop = new PeriodicTask('draft expiry', settings.purgeIntervalMs, () => this.deleteExpired(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** How many batches found drafts to delete. */
  deleteExpired(): Promise<number> {
    const before = expiryCutoff(this.clock.now(), this.settings.ttlDays);
    return workWithinBudget(RUN_BUDGET_MS, async () => (await this.drafts.deleteExpired(before, BATCH)) === BATCH);
  }
}
