import { createTestDatabase } from '@work-permit/testing';
import { DataSource } from 'typeorm';
import { TransactionEndsClient } from '../src/database/transaction-ends.client';
import { UnitOfWork } from '../src/unit-of-work';
import { recordSentStatements } from './fixtures/sent-statements';

/**
 * `Transaction.writeWithTheCommit` writes a statement's values into it as literals, so that it can go
 * in one message with the COMMIT. What is stored must be exactly what the same statement with
 * parameters stores, for every kind of value the services write.
 */
describe('a write sent with the COMMIT, its values written in as literals', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let sent: string[];
  let stopRecording: () => void;

  beforeAll(async () => {
    database = await createTestDatabase('write_with_the_commit');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, extra: { max: 2, Client: TransactionEndsClient } }).initialize();
    unitOfWork = new UnitOfWork(dataSource);
    await dataSource.query(`
      CREATE TABLE kept (
        id text PRIMARY KEY, note text, n integer, big bigint, amount numeric, yes boolean, at timestamptz, day date,
        doc jsonb, tags text[], counts int[], days date[], ref uuid, refs uuid[], pdf bytea, times integer NOT NULL DEFAULT 1
      )`);
  });

  beforeEach(() => {
    ({ sent, stop: stopRecording } = recordSentStatements());
  });

  afterEach(async () => {
    stopRecording();
    await dataSource.query('TRUNCATE kept');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const INSERT = `INSERT INTO kept (id, note, n, big, amount, yes, at, day, doc, tags, counts, days, ref, refs, pdf)
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9::jsonb, $10::text[], $11::int[], $12::date[], $13::uuid, $14::uuid[], $15)`;
  const values = (id: string): unknown[] => [
    id,
    `王小明 O'Brien \\ "quoted" '; DROP TABLE kept; -- $1 ${'长'.repeat(300)}`,
    -7,
    '9007199254740993',
    '12.50',
    false,
    new Date(Date.UTC(2026, 11, 7, 23, 59, 58, 123)),
    '2026-12-31',
    JSON.stringify({ zh: '居留许可', en: "resident's permit", nested: [1, null, 'x\\y'] }),
    ['a', "b'c", 'd"e', 'f\\g', null, '', '王'],
    [1, -2, 3],
    ['2026-01-01', '2027-02-28'],
    '6f1c2a34-0b5e-4c8e-9a77-1d2e3f405162',
    ['6f1c2a34-0b5e-4c8e-9a77-1d2e3f405162', '00000000-0000-4000-8000-000000000000'],
    Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)),
  ];
  const stored = async (id: string): Promise<Record<string, unknown>> => {
    const [row] = (await dataSource.query('SELECT * FROM kept WHERE id = $1', [id])) as Record<string, unknown>[];
    return { ...row, id: undefined };
  };

  it('stores what the same statement with parameters stores: text, numbers, dates, JSON, arrays, bytes and NULLs', async () => {
    await unitOfWork.run((tx) => tx.manager.query(INSERT, values('with-parameters')));
    await unitOfWork.run((tx) => tx.writeWithTheCommit(INSERT, values('written-in')));
    const nulls = values('nulls-written-in').map((value, index) => (index === 0 ? value : null));
    await unitOfWork.run((tx) => tx.writeWithTheCommit(INSERT, nulls));

    expect(await stored('written-in')).toEqual(await stored('with-parameters'));
    expect((await stored('with-parameters'))['note']).toContain("'; DROP TABLE kept;");
    expect(await stored('nulls-written-in')).toMatchObject({ note: null, n: null, at: null, doc: null, tags: null, pdf: null });
  });

  it('goes in one message with the COMMIT, after the statements asked for before it', async () => {
    await unitOfWork.run(async (tx) => {
      await tx.manager.query('SELECT id FROM kept WHERE id = $1', ['none']);
      await tx.writeWithTheCommit('INSERT INTO kept (id, n) VALUES ($1, $2)', ['one', 1]);
      await tx.writeWithTheCommit('UPDATE kept SET times = times + 1 WHERE id = $1', ['one']);
    });
    expect(sent).toEqual([
      'START TRANSACTION',
      'SELECT id FROM kept WHERE id = $1',
      `/* sent with the commit */ INSERT INTO kept (id, n) VALUES ('one', '1'); /* sent with the commit */ UPDATE kept SET times = times + 1 WHERE id = 'one'; COMMIT`,
    ]);
    expect(await stored('one')).toMatchObject({ n: 1, times: 2 });
  });

  it('is seen by a statement that follows it in the same transaction', async () => {
    const seen = await unitOfWork.run(async (tx) => {
      await tx.writeWithTheCommit('INSERT INTO kept (id, n) VALUES ($1, $2)', ['two', 2]);
      return tx.manager.query('SELECT n FROM kept WHERE id = $1', ['two']);
    });
    expect(seen).toEqual([{ n: 2 }]);
  });

  it('fails the transaction when it fails at the COMMIT, and keeps nothing of it', async () => {
    await dataSource.query(`INSERT INTO kept (id) VALUES ('taken')`);
    await expect(
      unitOfWork.run(async (tx) => {
        await tx.manager.query('INSERT INTO kept (id) VALUES ($1)', ['before']);
        await tx.writeWithTheCommit('INSERT INTO kept (id) VALUES ($1)', ['taken']);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await dataSource.query('SELECT id FROM kept ORDER BY id')).toEqual([{ id: 'taken' }]);
  });
});
