import { createTestDatabase } from '@work-permit/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { failureDisposition } from '../src/errors';
import { PreparingClient } from '../src/database/preparing.client';

/**
 * `PreparingClient` prepares a statement with parameters once it recurs: each connection parses and
 * plans it once, then sends only its values. The answers must not change, nor a failure's.
 */
describe('a connection that prepares the statements it sends again', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let statement = 0;

  beforeAll(async () => {
    database = await createTestDatabase('preparing_client');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 2, Client: PreparingClient } }).initialize();
    await dataSource.query(`CREATE TABLE probe (id integer PRIMARY KEY, note varchar(20))`);
    await dataSource.query(`INSERT INTO probe VALUES (1, 'one'), (2, 'two'), (3, 'three')`);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  // A text no other test sent, as names are the process's.
  const fresh = (sql: string) => `${sql} /* statement ${++statement} */`;

  /** The connection's prepared statement of `text`, with the executions it planned (PostgreSQL 14 on). */
  async function preparedOn(manager: EntityManager, text: string): Promise<{ executions: number } | undefined> {
    const [row] = (await manager.query(
      `SELECT (generic_plans + custom_plans)::int AS executions FROM pg_prepared_statements WHERE statement = '${text.replace(/'/g, "''")}'`,
    )) as { executions: number }[];
    return row;
  }

  it('prepares a statement with parameters on its second use and executes it by name from then on', async () => {
    const text = fresh('SELECT id, note FROM probe WHERE id = $1');
    await dataSource.transaction(async (manager) => {
      expect(await manager.query(text, [1])).toEqual([{ id: 1, note: 'one' }]);
      expect(await preparedOn(manager, text)).toBeUndefined();
      for (const id of [2, 3, 1, 2]) expect(await manager.query(text, [id])).toEqual([{ id, note: ['one', 'two', 'three'][id - 1] }]);
      expect(await preparedOn(manager, text)).toEqual({ executions: 4 });
    });
  });

  it('prepares no statement without parameters', async () => {
    const text = fresh(`SELECT note FROM probe WHERE id = 3`);
    await dataSource.transaction(async (manager) => {
      for (let use = 0; use < 3; use += 1) expect(await manager.query(text)).toEqual([{ note: 'three' }]);
      expect(await preparedOn(manager, text)).toBeUndefined();
    });
  });

  it('prepares the statement on each connection that sends it', async () => {
    const text = fresh('SELECT count(*)::int AS n FROM probe WHERE id <= $1');
    const useOnOwnConnection = (id: number) =>
      dataSource.transaction(async (manager) => {
        const answers: unknown[] = [];
        for (let use = 0; use < 3; use += 1) answers.push(await manager.query(text, [id]));
        // Both transactions hold their connections at once: each has prepared it for itself.
        await manager.query('SELECT pg_sleep(0.2)');
        return { answers, prepared: await preparedOn(manager, text) };
      });
    const [first, second] = await Promise.all([useOnOwnConnection(1), useOnOwnConnection(3)]);
    expect(first.answers).toEqual([[{ n: 1 }], [{ n: 1 }], [{ n: 1 }]]);
    expect(second.answers).toEqual([[{ n: 3 }], [{ n: 3 }], [{ n: 3 }]]);
    expect(first.prepared).toBeDefined();
    expect(second.prepared).toBeDefined();
  });

  it('answers a statement that does not parse with its error each time, and prepares it once it parses', async () => {
    const text = fresh('SELECT id FROM probe_later WHERE id = $1');
    for (let use = 0; use < 3; use += 1) await expect(dataSource.query(text, [1])).rejects.toMatchObject({ driverError: { code: '42P01' } });
    await dataSource.query('CREATE TABLE probe_later (id integer)');
    await dataSource.query('INSERT INTO probe_later VALUES (1)');
    await dataSource.transaction(async (manager) => {
      for (let use = 0; use < 3; use += 1) expect(await manager.query(text, [1])).toEqual([{ id: 1 }]);
      expect(await preparedOn(manager, text)).toBeDefined();
    });
  });

  it('leaves the connection usable after a prepared statement failed inside a transaction', async () => {
    const text = fresh('INSERT INTO probe (id, note) VALUES ($1, $2)');
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(text, [10, 'ten']);
        await manager.query(text, [10, 'again']);
      }),
    ).rejects.toMatchObject({ driverError: { code: '23505' } });
    await dataSource.transaction(async (manager) => {
      await manager.query(text, [11, 'eleven']);
      await manager.query(text, [12, 'twelve']);
    });
    expect(await dataSource.query('SELECT id FROM probe WHERE id >= 10 ORDER BY id')).toEqual([{ id: 11 }, { id: 12 }]);
  });

  it('follows its table: a column added is planned again; a returned column changing type fails once, as transient, and is then sent unnamed', async () => {
    const text = fresh('SELECT id, note FROM probe WHERE id = $1');
    await dataSource.transaction(async (manager) => {
      await manager.query(text, [1]);
      await manager.query(text, [1]);
      await manager.query('ALTER TABLE probe ADD COLUMN extra integer');
      expect(await manager.query(text, [1])).toEqual([{ id: 1, note: 'one' }]);
    });
    await dataSource.transaction(async (manager) => {
      expect(await preparedOn(manager, text)).toBeDefined();
      await manager.query('ALTER TABLE probe ALTER COLUMN note TYPE text');
    });
    const outdated = await dataSource.transaction((manager) => manager.query(text, [2])).catch((error: unknown) => error);
    expect(outdated).toBeInstanceOf(Error);
    expect(failureDisposition(outdated)).toBe('transient');
    await dataSource.transaction(async (manager) => {
      expect(await manager.query(text, [2])).toEqual([{ id: 2, note: 'two' }]);
    });
  });
});
