import type { IncomingEvent } from '@work-permit/contracts';
import { classifyFailure } from '@work-permit/messaging';
import type { DataSource } from 'typeorm';
import type { EventFold } from '../events/event-fold';
import { ReplayTransaction } from './replay-transaction';

/**
 * Events a rebuild applies in one transaction: a transaction of its own adds begin and commit to each
 * event's few statements. Measured on the bench's topics, 100 to 2,000 apply alike; a few hundred keep
 * a batch with a refused event (applied again one by one) cheap to redo.
 */
export const REPLAY_EVENTS_PER_TRANSACTION = 500;

/**
 * Applies `events` in order through every fold, `perTransaction` to a transaction. A batch with an
 * event the folds refuse for good (the live consumer would dead-letter it) is rolled back and applied
 * again one event per transaction, so only that event is skipped and the others are applied once; a
 * transient failure is thrown. Returns how many events were applied.
 */
export async function applyInBatches(dataSource: DataSource, folds: readonly EventFold[], events: readonly IncomingEvent[], perTransaction = REPLAY_EVENTS_PER_TRANSACTION): Promise<number> {
  let applied = 0;
  for (let start = 0; start < events.length; start += perTransaction) {
    const batch = events.slice(start, start + perTransaction);
    if (await applyTogether(dataSource, folds, batch)) applied += batch.length;
    else if (batch.length > 1) for (const event of batch) if (await applyTogether(dataSource, folds, [event])) applied += 1;
  }
  return applied;
}

/** The events through every fold in one transaction; false, and nothing kept, when one was refused for good. */
async function applyTogether(dataSource: DataSource, folds: readonly EventFold[], events: readonly IncomingEvent[]): Promise<boolean> {
  try {
    await dataSource.transaction(async (manager) => {
      // A rebuild writes into a new database and is started again from scratch if it stops half-way:
      // a commit that survives a crash buys nothing, so none waits for its WAL flush.
      await manager.query('SET LOCAL synchronous_commit = off');
      const tx = new ReplayTransaction(manager);
      for (const event of events) for (const fold of folds) await fold.apply(event, tx);
    });
    return true;
  } catch (error) {
    if (classifyFailure(error) === 'permanent') return false;
    throw error;
  }
}
