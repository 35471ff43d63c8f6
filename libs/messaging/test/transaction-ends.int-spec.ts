import { createTestDatabase } from '@work-permit/testing';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SENT_WITH_THE_COMMIT, TransactionEndsClient } from '../src/database/transaction-ends.client';
import { recordSentStatements } from './fixtures/sent-statements';

/**
 * `TransactionEndsClient` sends a transaction's BEGIN with its first statement when that statement has
 * no parameters, and a statement marked for the COMMIT with the COMMIT. What the database does must
 * not change: the statements run inside the transaction and in order, a rollback undoes them, a
 * failure fails the transaction and leaves the connection usable; only the messages sent are fewer.
 */
describe('a connection that sends BEGIN with the first statement and the outbox with the COMMIT', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let sent: string[];
  let stopRecording: () => void;

  beforeAll(async () => {
    database = await createTestDatabase('deferred_begin');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 2, Client: TransactionEndsClient } }).initialize();
    await dataSource.query('CREATE TABLE probe (id integer PRIMARY KEY, note text)');
  });

  beforeEach(() => {
    ({ sent, stop: stopRecording } = recordSentStatements());
  });

  afterEach(async () => {
    stopRecording();
    await dataSource.query('TRUNCATE probe');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const ids = async () => ((await dataSource.query('SELECT id FROM probe ORDER BY id')) as { id: number }[]).map((row) => row.id);

  it('sends a first statement without parameters in one message with the BEGIN, and answers its rows', async () => {
    const rows = await dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(`INSERT INTO probe (id, note) VALUES (1, 'first'), (2, 'second') RETURNING id, note`)) as { id: number; note: string }[];
      await manager.query('INSERT INTO probe (id) VALUES ($1)', [3]);
      return inserted;
    });
    expect(rows).toEqual([
      { id: 1, note: 'first' },
      { id: 2, note: 'second' },
    ]);
    expect(sent).toEqual([`START TRANSACTION; INSERT INTO probe (id, note) VALUES (1, 'first'), (2, 'second') RETURNING id, note`, 'INSERT INTO probe (id) VALUES ($1)', 'COMMIT']);
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it('keeps the first statement inside the transaction: a rollback undoes it', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO probe (id) VALUES (1)');
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(sent).toEqual(['START TRANSACTION; INSERT INTO probe (id) VALUES (1)', 'ROLLBACK']);
    expect(await ids()).toEqual([]);
  });

  it('sends the BEGIN on its own before a first statement with parameters', async () => {
    await dataSource.transaction((manager) => manager.query('INSERT INTO probe (id) VALUES ($1)', [7]));
    expect(sent).toEqual(['START TRANSACTION', 'INSERT INTO probe (id) VALUES ($1)', 'COMMIT']);
    expect(await ids()).toEqual([7]);
  });

  it('sends nothing for a transaction without a statement', async () => {
    await dataSource.transaction(async () => undefined);
    expect(sent).toEqual([]);
  });

  it('rolls back a first statement that fails, and the connection serves the next transaction', async () => {
    await dataSource.query('INSERT INTO probe (id) VALUES (1)');
    await expect(dataSource.transaction((manager) => manager.query('INSERT INTO probe (id) VALUES (1)'))).rejects.toThrow(/duplicate key/);
    await dataSource.transaction((manager) => manager.query('INSERT INTO probe (id) VALUES (2)'));
    expect(await ids()).toEqual([1, 2]);
    expect(sent.filter((text) => text === 'ROLLBACK')).toHaveLength(1);
  });

  it('takes the snapshot at the first statement, as PostgreSQL does after a BEGIN of its own', async () => {
    // REPEATABLE READ: what the first statement sees is what the whole transaction sees.
    const seen = await dataSource.transaction('REPEATABLE READ', async (manager) => {
      const first = (await manager.query('SELECT count(*)::int AS n FROM probe')) as { n: number }[];
      await dataSource.query('INSERT INTO probe (id) VALUES (9)').catch(() => undefined);
      const second = (await manager.query('SELECT count(*)::int AS n FROM probe')) as { n: number }[];
      return [first[0].n, second[0].n];
    });
    expect(seen).toEqual([0, 0]);
    expect(sent[0]).toBe('START TRANSACTION; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  });

  const withTheCommit = (id: number) => `${SENT_WITH_THE_COMMIT} INSERT INTO probe (id) VALUES (${id})`;

  it('sends a statement marked for the COMMIT with it, after every statement asked for before it', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO probe (id) VALUES (1)');
      await manager.query('INSERT INTO probe (id) VALUES (2)');
      await manager.query(withTheCommit(3));
    });
    expect(sent).toEqual(['START TRANSACTION; INSERT INTO probe (id) VALUES (1)', 'INSERT INTO probe (id) VALUES (2)', `${withTheCommit(3)}; COMMIT`]);
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it('keeps the order when a statement follows a held one: the two go together, the held one first', async () => {
    const seen = await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO probe (id) VALUES (1)');
      await manager.query(withTheCommit(3));
      return manager.query('SELECT id FROM probe ORDER BY id');
    });
    expect(seen).toEqual([{ id: 1 }, { id: 3 }]);
    expect(sent).toEqual(['START TRANSACTION; INSERT INTO probe (id) VALUES (1)', `${withTheCommit(3)}; SELECT id FROM probe ORDER BY id`, 'COMMIT']);
  });

  it('sends a transaction that only writes with the COMMIT in one message, BEGIN included', async () => {
    await dataSource.transaction((manager) => manager.query(withTheCommit(4)));
    expect(sent).toEqual([`START TRANSACTION; ${withTheCommit(4)}; COMMIT`]);
    expect(await ids()).toEqual([4]);
  });

  it('sends a held statement first, on its own, before a statement with parameters', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO probe (id) VALUES (1)');
      await manager.query(withTheCommit(2));
      await manager.query('INSERT INTO probe (id) VALUES ($1)', [3]);
    });
    expect(sent).toEqual(['START TRANSACTION; INSERT INTO probe (id) VALUES (1)', withTheCommit(2), 'INSERT INTO probe (id) VALUES ($1)', 'COMMIT']);
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it('fails the COMMIT when the held statement fails, and keeps nothing of the transaction', async () => {
    await dataSource.query('INSERT INTO probe (id) VALUES (5)');
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO probe (id) VALUES (1)');
        await manager.query(withTheCommit(5));
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await ids()).toEqual([5]);
    await dataSource.transaction((manager) => manager.query('INSERT INTO probe (id) VALUES (6)'));
    expect(await ids()).toEqual([5, 6]);
  });

  it('drops a held statement on ROLLBACK, and sends nothing when the server never saw the BEGIN', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(withTheCommit(7));
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(sent).toEqual([]);
    expect(await ids()).toEqual([]);
  });

  it('sends a marked statement at once outside a transaction', async () => {
    await dataSource.query(withTheCommit(8));
    expect(sent).toEqual([withTheCommit(8)]);
    expect(await ids()).toEqual([8]);
  });

  it("serves pg's callback form, as TypeORM uses it when it connects", async () => {
    const runner = dataSource.createQueryRunner();
    const connection = (await runner.connect()) as Client;
    try {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        void connection.query('SELECT 1 AS one', ((error: Error | null, result: { rows: unknown[] }) => (error ? reject(error) : resolve(result.rows))) as never);
      });
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await runner.release();
    }
  });
});
