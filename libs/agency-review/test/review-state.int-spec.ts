import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { message, officerReason } from '@work-permit/catalogue';
import { Decision, decodeEvent, encodeEvent, Events, type IncomingEvent, type ItemDecided } from '@work-permit/contracts';
import { UnitOfWork } from '@work-permit/messaging';
import { Clock } from '@work-permit/platform';
import { createTestDatabase } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS } from '../src';
import { CaseReviewer } from '../src/case-reviewer';
import { CaseHoldRow } from '../src/persistence/case-hold.entity';
import { PrerequisiteOutcomeRow } from '../src/persistence/prerequisite-outcome.entity';
import { ReviewCaseRow } from '../src/persistence/review-case.entity';
import { ReviewItemRow } from '../src/persistence/review-item.entity';
import { itemOfRow } from '../src/persistence/review-item.mapping';
import { holdOf, readHeldCase } from '../src/persistence/review-state.reader';
import { messageOf } from '../src/persistence/stored-message';
import { insertItems, insertOutcomes, updateItems } from '../src/persistence/review-state.writer';
import type { PrerequisiteOutcome } from '../src/policy/item-policy';
import type { ReviewItem } from '../src/review/review-model';
import { exampleCaseFacts } from '../src/testing';

/** An item decided by an officer, every column the workflow owns set. */
const decided: ReviewItem = {
  code: 'WORK_PERMIT',
  action: 'issue',
  status: 'granted',
  timeLimit: { amount: 10, unit: 'working_days' },
  pauses: [{ from: '2026-12-01', to: '2026-12-03' }],
  supplementRequested: true,
  requestedMaterials: ['PASSPORT', 'PHOTO'],
  stillMissing: ['PHOTO'],
  reason: officerReason('all in order'),
  assessment: { findings: [{ rule: 'minimum_age', passed: true, message: message('review.on_abnormal_list') }], flags: ['checked_by_hand'], result: { permitNo: 'WP1', points: 85 } },
  result: { permitNo: 'WP1', validFrom: '2026-12-07', validTo: '2027-12-06', category: 'A', attributes: { route: 'points' } },
  decidedBy: { kind: 'officer', subject: 'officer-7' },
  decidedAt: new Date('2026-12-07T03:04:05.678Z'),
  clockStartsOn: '2026-11-30',
  dueDate: '2026-12-14',
  dueDateProvisional: true,
  statutoryLimit: { amount: 20, unit: 'working_days' },
  statutoryDueDate: '2026-12-28',
  extension: { amount: 10, reason: 'a second opinion', by: 'officer-7', on: '2026-12-04' },
};

/** An item still waiting: every nullable column null. */
const waiting: ReviewItem = {
  code: 'RESIDENCE_PERMIT',
  action: 'issue',
  status: 'pending',
  timeLimit: { amount: 15, unit: 'working_days' },
  pauses: [],
  supplementRequested: false,
  requestedMaterials: [],
  stillMissing: [],
  reason: null,
  assessment: null,
  result: null,
  decidedBy: null,
  decidedAt: null,
  clockStartsOn: null,
  dueDate: null,
  dueDateProvisional: false,
  statutoryLimit: null,
  statutoryDueDate: null,
  extension: null,
};

const granted = (code: string, category: string): PrerequisiteOutcome => ({ code, status: 'granted', reason: message('review.cleared_by_joint_review'), result: { category }, decidedOn: '2026-12-02' });

/**
 * The hot path reads a case in one statement and writes it in plain SQL (json_populate_recordset):
 * read and written here against the entities that describe the same tables, on a real database.
 */
describe('a case held here, read and written in plain SQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('review_state');
    dataSource = new DataSource({ type: 'postgres', url: database.url, entities: AGENCY_REVIEW_ENTITIES, migrations: AGENCY_REVIEW_MIGRATIONS });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** The case as the entities read it: the four reads the hot path made before its one statement. */
  async function readByEntities(caseId: string) {
    const manager = dataSource.manager;
    const row = await manager.findOneBy(ReviewCaseRow, { caseId });
    const itemRows = await manager.find(ReviewItemRow, { where: { caseId }, order: { code: 'ASC' } });
    const hold = await manager.findOneBy(CaseHoldRow, { caseId });
    const outcomes = await manager.findBy(PrerequisiteOutcomeRow, { caseId });
    return {
      state: row ? { facts: row.facts, items: itemRows.map(itemOfRow), ...(hold && { hold: holdOf(hold) }) } : undefined,
      correlationId: row?.correlationId,
      marks: itemRows.map((item) => ({ overdueAnnounced: item.overdueAnnouncedAt !== null, escalated: item.escalatedAt !== null })),
      hold: hold ? holdOf(hold) : undefined,
      known: new Map(
        outcomes.map((o) => [o.code, { code: o.code, status: o.status, reason: messageOf(o.reason) ?? undefined, result: o.result, ...(o.decidedOn && { decidedOn: o.decidedOn }) }]),
      ),
    };
  }

  async function storeCase(caseId: string): Promise<void> {
    await dataSource.manager.save(Object.assign(new ReviewCaseRow(), { caseId, applicantId: 'applicant-1', correlationId: `correlation-${caseId}`, facts: exampleCaseFacts({ caseId }) }));
  }

  it('reads a case with items, hold and outcomes as the entities read it, in one statement', async () => {
    const caseId = randomUUID();
    await storeCase(caseId);
    await insertItems(dataSource.manager, caseId, [waiting, decided]);
    await dataSource.query(`UPDATE review_item SET overdue_announced_at = now() WHERE case_id = $1 AND code = 'RESIDENCE_PERMIT'`, [caseId]);
    await dataSource.query(`INSERT INTO case_hold (case_id, status, reason) VALUES ($1, 'open', $2)`, [caseId, JSON.stringify(message('review.on_abnormal_list'))]);
    await insertOutcomes(dataSource.manager, caseId, [granted('TALENT_CATEGORY', 'A'), { code: 'ABNORMAL_LIST_SCREENING', status: 'rejected', result: {} }]);

    const runner = dataSource.createQueryRunner();
    const statements = jest.spyOn(runner, 'query');
    const held = await readHeldCase(runner.manager, caseId);
    await runner.release();
    expect(statements).toHaveBeenCalledTimes(1);

    expect(held).toEqual(await readByEntities(caseId));
    // What was written is what is read: the items in code order, their timestamps as instants.
    expect(held.state?.items).toEqual([waiting, decided]);
    expect(held.state?.items[1].decidedAt).toBeInstanceOf(Date);
    expect(held.marks).toEqual([
      { overdueAnnounced: true, escalated: false },
      { overdueAnnounced: false, escalated: false },
    ]);
    expect(held.hold).toEqual({ status: 'open', reason: message('review.on_abnormal_list') });
    expect([...held.known.values()]).toEqual([{ code: 'ABNORMAL_LIST_SCREENING', status: 'rejected', result: {} }, granted('TALENT_CATEGORY', 'A')]);
    expect(held.correlationId).toBe(`correlation-${caseId}`);
  });

  it('reads a case not here yet as no state, with what arrived before it', async () => {
    const caseId = randomUUID();
    await insertOutcomes(dataSource.manager, caseId, [granted('WORK_PERMIT', 'B')]);

    const held = await readHeldCase(dataSource.manager, caseId);

    expect(held).toEqual(await readByEntities(caseId));
    expect(held).toEqual({ state: undefined, correlationId: undefined, marks: [], hold: undefined, known: new Map([['WORK_PERMIT', granted('WORK_PERMIT', 'B')]]) });
  });

  it('updates only the columns that changed, and nothing when none did', async () => {
    const caseId = randomUUID();
    await storeCase(caseId);
    await insertItems(dataSource.manager, caseId, [waiting, { ...decided, status: 'in_review', decidedBy: null, decidedAt: null }]);
    // Written behind the workflow's back: a column the step leaves as it was is not written again.
    await dataSource.query(`UPDATE review_item SET still_missing = '["VISA"]' WHERE case_id = $1`, [caseId]);
    const updatedAt = async () => ((await dataSource.query('SELECT updated_at::text AS at FROM review_item WHERE case_id = $1 ORDER BY code', [caseId])) as { at: string }[]).map((row) => row.at);
    const before = await updatedAt();

    await updateItems(dataSource.manager, caseId, [
      { stored: waiting, item: waiting },
      { stored: { ...decided, status: 'in_review', decidedBy: null, decidedAt: null }, item: decided },
    ]);

    const { state } = await readHeldCase(dataSource.manager, caseId);
    expect(state?.items).toEqual([
      { ...waiting, stillMissing: ['VISA'] },
      { ...decided, stillMissing: ['VISA'] },
    ]);
    const after = await updatedAt();
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it('keeps the first outcome of an item: one stored before, or earlier in the same list', async () => {
    const caseId = randomUUID();
    await insertOutcomes(dataSource.manager, caseId, [granted('TALENT_CATEGORY', 'A')]);

    await insertOutcomes(dataSource.manager, caseId, [
      { code: 'TALENT_CATEGORY', status: 'rejected', result: {} },
      granted('WORK_PERMIT', 'B'),
      { code: 'WORK_PERMIT', status: 'terminated', result: {} },
    ]);

    const { known } = await readHeldCase(dataSource.manager, caseId);
    expect([...known.values()]).toEqual([granted('TALENT_CATEGORY', 'A'), granted('WORK_PERMIT', 'B')]);
  });

  describe(CaseReviewer.name, () => {
    let reviewer: CaseReviewer;
    let unitOfWork: UnitOfWork;

    beforeAll(() => {
      unitOfWork = new UnitOfWork(dataSource);
      reviewer = new CaseReviewer({ agency: 'psb', policies: [], manualItems: new Set(), overdueScanIntervalMs: 60_000 }, unitOfWork, new Clock());
    });

    const talentCategory = (caseId: string, decision: Decision): IncomingEvent<ItemDecided> =>
      decodeEvent(
        encodeEvent(
          Events.ScitechItemDecided,
          { caseId, itemCode: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', decision, decidedAt: timestampFromDate(new Date('2026-12-02T02:00:00Z')), result: { category: 'A' } },
          { caseId, correlationId: caseId, causationId: caseId },
        ).value,
      ) as IncomingEvent<ItemDecided>;

    it('keeps another agency’s outcome before the case arrives, and the first of it when a different one follows', async () => {
      const caseId = randomUUID();

      await unitOfWork.run((tx) => reviewer.observed(talentCategory(caseId, Decision.GRANTED), tx));
      await unitOfWork.run((tx) => reviewer.observed(talentCategory(caseId, Decision.REJECTED), tx));

      const { state, known } = await readHeldCase(dataSource.manager, caseId);
      expect(state).toBeUndefined();
      expect([...known.values()]).toEqual([{ code: 'TALENT_CATEGORY', status: 'granted', result: { category: 'A' }, decidedOn: '2026-12-02' }]);
    });

    it('takes a joint review’s conclusion as final: a late "opened" does not reopen it, another conclusion replaces it', async () => {
      const caseId = randomUUID();
      const hold = async () => (await readHeldCase(dataSource.manager, caseId)).hold?.status;
      const apply = (status: 'open' | 'approved' | 'rejected') => unitOfWork.run((tx) => reviewer.applyHold(tx, caseId, { status, reason: message('review.on_abnormal_list') }, undefined));

      await apply('open');
      expect(await hold()).toBe('open');
      await apply('approved');
      expect(await hold()).toBe('approved');
      await apply('open');
      expect(await hold()).toBe('approved');
      await apply('rejected');
      expect(await hold()).toBe('rejected');
    });
  });
});
