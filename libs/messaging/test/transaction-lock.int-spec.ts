import { createTestDatabase } from '@work-permit/testing';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { MESSAGING_MIGRATIONS } from '../src';
import { type Transaction, UnitOfWork } from '../src/unit-of-work';

/** `Transaction.lock`: a named advisory lock held until the transaction ends, asked for once per transaction. */
describe('a transaction’s named lock', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    database = await createTestDatabase('txlock');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, migrations: MESSAGING_MIGRATIONS }).initialize();
    await dataSource.runMigrations();
    unitOfWork = new UnitOfWork(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  /** Whether another session could take the lock named `key` right now (it lets go at once). */
  const freeElsewhere = async (key: string): Promise<boolean> => {
    const [{ free }] = (await dataSource.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS free', [key])) as { free: boolean }[];
    if (free) await dataSource.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
    return free;
  };

  it('holds the lock until the transaction ends, and asks the database once however often it is taken', async () => {
    const seen: boolean[] = [];
    let lockQueries = 0;
    await unitOfWork.run(async (tx) => {
      const query = tx.manager.query.bind(tx.manager);
      tx.manager.query = ((sql: string, parameters?: unknown[]) => {
        if (sql.includes('pg_advisory_xact_lock')) lockQueries += 1;
        return query(sql, parameters);
      }) as typeof tx.manager.query;
      await tx.lock('case:1');
      await tx.lock('case:1');
      await tx.lock('case:2');
      seen.push(await freeElsewhere('case:1'), await freeElsewhere('case:2'), await freeElsewhere('case:3'));
    });
    expect(seen).toEqual([false, false, true]);
    expect(lockQueries).toBe(2);
    expect(await freeElsewhere('case:1')).toBe(true);
  });

  it('takes the lock again in the next transaction', async () => {
    await unitOfWork.run((tx) => tx.lock('case:1'));
    const heldInSecond = await unitOfWork.run(async (tx) => {
      await tx.lock('case:1');
      return !(await freeElsewhere('case:1'));
    });
    expect(heldInSecond).toBe(true);
  });

  /** Counts the lock statements `tx` issues from now on. */
  const countingLockQueries = (tx: Transaction) => {
    const counted = { queries: 0 };
    const query = tx.manager.query.bind(tx.manager);
    tx.manager.query = ((sql: string, parameters?: unknown[]) => {
      if (sql.includes('pg_advisory_xact_lock')) counted.queries += 1;
      return query(sql, parameters);
    }) as typeof tx.manager.query;
    return counted;
  };
  const inboxKey = () => ({ consumerGroup: 'g', eventId: randomUUID(), eventType: 'portal.case.submitted', topic: 't' });

  it('takes the locks with the inbox claim of one event: held while the work runs, and asking again costs no round trip', async () => {
    const key = inboxKey();
    const during = await unitOfWork.runOnce(
      key,
      async (tx) => {
        const counted = countingLockQueries(tx);
        await tx.lock('case:claimed');
        return { held: !(await freeElsewhere('case:claimed')), lockQueries: counted.queries };
      },
      { locks: ['case:claimed'] },
    );
    expect(during).toEqual({ duplicate: false, result: { held: true, lockQueries: 0 } });
    expect(await freeElsewhere('case:claimed')).toBe(true);
    // A redelivery is still told apart, and still holds the lock while it says so.
    expect(await unitOfWork.runOnce(key, async () => 'again', { locks: ['case:claimed'] })).toEqual({ duplicate: true });
  });

  it('takes every lock of a batch with its claim, each once, and lets a replay through as before', async () => {
    const keys = [inboxKey(), inboxKey(), inboxKey()];
    const seen: { held: boolean[]; lockQueries: number }[] = [];
    const duplicates = await unitOfWork.runOnceEach(
      keys,
      async (tx, index) => {
        if (index > 0) return;
        const counted = countingLockQueries(tx);
        await tx.lock('case:b');
        await tx.lock('case:a');
        seen.push({ held: [await freeElsewhere('case:a'), await freeElsewhere('case:b'), await freeElsewhere('case:c')].map((free) => !free), lockQueries: counted.queries });
      },
      ['case:b', 'case:a', 'case:b'],
    );
    expect(duplicates).toEqual([false, false, false]);
    expect(seen).toEqual([{ held: [true, true, false], lockQueries: 0 }]);
    expect(await freeElsewhere('case:a')).toBe(true);

    const deadLettered = inboxKey();
    await unitOfWork.markDeadLettered(deadLettered);
    expect(await unitOfWork.runOnce(deadLettered, async () => 'replayed', { replay: true, locks: ['case:a'] })).toEqual({ duplicate: false, result: 'replayed' });
    expect(await unitOfWork.runOnce(deadLettered, async () => 'twice', { replay: true, locks: ['case:a'] })).toEqual({ duplicate: true });
  });

  it('writes the claim without parameters (it goes with the BEGIN) and keeps what the bus says verbatim, quotes and backslashes too', async () => {
    const hostile = { consumerGroup: "g'; DROP TABLE inbox_entry; --", eventId: randomUUID(), eventType: `it's \\ "odd" \\'`, topic: 'weihai.\\topic' };
    const others = [inboxKey(), { ...inboxKey(), eventType: "O'Brien\\" }];
    const claims: { sql: string; parameters: unknown }[] = [];
    const query = EntityManager.prototype.query;
    const spy = jest.spyOn(EntityManager.prototype, 'query').mockImplementation(function (this: EntityManager, sql: string, parameters?: unknown[]) {
      if (sql.includes('INSERT INTO inbox_entry')) claims.push({ sql, parameters });
      return query.call(this, sql, parameters);
    });
    try {
      expect(await unitOfWork.runOnce(hostile, async () => 'applied', { locks: ["case:it's"] })).toEqual({ duplicate: false, result: 'applied' });
      expect(await unitOfWork.runOnce(hostile, async () => 'again')).toEqual({ duplicate: true });
      expect(await unitOfWork.runOnceEach([...others, hostile, others[0]], async () => undefined, ["case:it's", 'case:\\'])).toEqual([false, false, true, true]);
    } finally {
      spy.mockRestore();
    }
    expect(claims).toHaveLength(3);
    expect(claims.every((claim) => claim.parameters === undefined)).toBe(true);
    const byEventId = (a: { event_id: string }, b: { event_id: string }) => (a.event_id < b.event_id ? -1 : 1);
    const kept = (await dataSource.query('SELECT event_id, consumer_group, event_type, topic FROM inbox_entry WHERE event_id = ANY($1)', [[hostile, ...others].map((key) => key.eventId)])) as {
      event_id: string;
    }[];
    expect(kept.sort(byEventId)).toEqual([hostile, ...others].map((key) => ({ event_id: key.eventId, consumer_group: key.consumerGroup, event_type: key.eventType, topic: key.topic })).sort(byEventId));
  });
});
