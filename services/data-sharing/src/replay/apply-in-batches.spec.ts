import type { IncomingEvent } from '@work-permit/contracts';
import { PermanentMessageError, TransientMessageError } from '@work-permit/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventFold } from '../events/event-fold';
import { applyInBatches } from './apply-in-batches';

const eventsNamed = (...ids: string[]) => ids.map((eventId) => ({ eventId }) as IncomingEvent);

/** A database whose transactions keep what their work wrote only when the work succeeds, as PostgreSQL's do. */
function fakeDatabase() {
  const committed: string[] = [];
  const transactions: { statements: string[]; wrote: string[] }[] = [];
  let pending: string[] = [];
  const dataSource = {
    async transaction(work: (manager: EntityManager) => Promise<void>) {
      const statements: string[] = [];
      pending = [];
      await work({ query: async (sql: string) => void statements.push(sql) } as unknown as EntityManager);
      transactions.push({ statements, wrote: pending });
      committed.push(...pending);
    },
  } as unknown as DataSource;
  const foldRefusing = (refuse: (eventId: string) => Error | undefined): EventFold => ({
    name: 'test',
    eventTypes: [],
    rebuildable: true,
    apply: async (event) => {
      const refusal = refuse(event.eventId);
      if (refusal) throw refusal;
      pending.push(event.eventId);
    },
  });
  return { dataSource, committed, transactions, foldRefusing };
}

describe(applyInBatches.name, () => {
  it('applies the events in order, a batch to a transaction that does not wait for its commit to be flushed', async () => {
    const db = fakeDatabase();
    const applied = await applyInBatches(db.dataSource, [db.foldRefusing(() => undefined)], eventsNamed('a', 'b', 'c', 'd', 'e'), 2);
    expect(applied).toBe(5);
    expect(db.committed).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(db.transactions.map((tx) => tx.wrote)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(db.transactions.every((tx) => tx.statements[0] === 'SET LOCAL synchronous_commit = off')).toBe(true);
  });

  it("hands a batch to a fold's batch form whole, and a batch of one event to its apply", async () => {
    const db = fakeDatabase();
    const seen: string[] = [];
    const batchForm: EventFold = {
      ...db.foldRefusing(() => undefined),
      apply: async (event) => void seen.push(`apply ${event.eventId}`),
      applyBatch: async (events) => void seen.push(`batch ${events.map((event) => event.eventId).join('')}`),
    };
    expect(await applyInBatches(db.dataSource, [batchForm], eventsNamed('a', 'b', 'c', 'd', 'e'), 2)).toBe(5);
    expect(seen).toEqual(['batch ab', 'batch cd', 'apply e']);
  });

  it('applies a batch with a refused event again one event per transaction: the others once each, the refused one not at all', async () => {
    const db = fakeDatabase();
    const refuseC = db.foldRefusing((id) => (id === 'c' ? new PermanentMessageError('refused', 'no') : undefined));
    const applied = await applyInBatches(db.dataSource, [refuseC], eventsNamed('a', 'b', 'c', 'd', 'e'), 4);
    expect(applied).toBe(4);
    expect(db.committed).toEqual(['a', 'b', 'd', 'e']);
    expect(db.transactions.map((tx) => tx.wrote)).toEqual([['a'], ['b'], ['d'], ['e']]);
  });

  it('skips an event refused alone in its batch without applying it twice', async () => {
    const db = fakeDatabase();
    let attempts = 0;
    const refuseB = db.foldRefusing((id) => (id === 'b' ? (attempts++, new Error('violates a constraint')) : undefined));
    expect(await applyInBatches(db.dataSource, [refuseB], eventsNamed('a', 'b'), 1)).toBe(1);
    expect(attempts).toBe(1);
  });

  it('stops at a transient failure instead of skipping the batch', async () => {
    const db = fakeDatabase();
    const unavailable = db.foldRefusing((id) => (id === 'b' ? new TransientMessageError('database unavailable') : undefined));
    await expect(applyInBatches(db.dataSource, [unavailable], eventsNamed('a', 'b', 'c'), 3)).rejects.toThrow('database unavailable');
    expect(db.committed).toEqual([]);
  });
});
