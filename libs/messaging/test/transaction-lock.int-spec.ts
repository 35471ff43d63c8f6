import { createTestDatabase } from '@work-permit/testing';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../src/unit-of-work';

/** `Transaction.lock`: a named advisory lock held until the transaction ends, asked for once per transaction. */
describe('a transaction’s named lock', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    database = await createTestDatabase('txlock');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
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
});
