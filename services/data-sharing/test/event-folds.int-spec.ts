import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Channel, decodeEvent, Decision, encodeEvent, type EventDefinition, type EventMetadata, Events, type IncomingEvent, ItemStatus, type RecordUpdated } from '@work-permit/contracts';
import { Transaction } from '@work-permit/messaging';
import { type ApplicantIds, serviceDataSourceOptions } from '@work-permit/platform';
import { createTestDatabase, testDatabaseServerUrl } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DataSharingService } from '../src/data-sharing.service';
import type { EventFold } from '../src/events/event-fold';
import { ApplicantRecordFold } from '../src/record/applicant-record.fold';
import { isPrefillable } from '../src/record/record-field';
import { caseStatusOf } from '../src/stats/case-status';
import { StatisticsFold } from '../src/stats/statistics.fold';

/** A transaction that keeps what the folds announce instead of writing it to the outbox. */
class AnnouncingTransaction extends Transaction {
  readonly announced: RecordUpdated[] = [];

  override publish<D extends EventDefinition>(definition: D, payload: MessageInitShape<D['schema']>, metadata: EventMetadata): Promise<string> {
    this.announced.push(decodeEvent(encodeEvent(definition, payload, metadata).value)!.payload as RecordUpdated);
    return Promise.resolve('');
  }
}

const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);
const minutes = (n: number) => new Date(T0 + n * 60_000);

function incoming<D extends EventDefinition>(definition: D, caseId: string, at: Date, payload: MessageInitShape<D['schema']>): IncomingEvent {
  return decodeEvent(encodeEvent(definition, payload, { caseId, correlationId: caseId, causationId: caseId, occurredAt: at }).value)!;
}

describe('the statistics and the shared record folded in the consumer’s transactions', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const statistics = new StatisticsFold();
  // Every event here names its applicant: the record never derives one.
  const record = new ApplicantRecordFold({} as ApplicantIds);

  beforeAll(async () => {
    database = await createTestDatabase('sharing_folds');
    dataSource = new DataSource(serviceDataSourceOptions(DataSharingService, { DATABASE_URL: testDatabaseServerUrl(), DATABASE_NAME: database.name, DATABASE_POOL_SIZE: 4 }));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** The events in one transaction through `folds`, as the batch consumer applies them; `afterEach` sees each event's effect inside it. */
  async function inOneTransaction(events: IncomingEvent[], folds: EventFold[], afterEach?: (event: IncomingEvent, tx: AnnouncingTransaction) => Promise<void>): Promise<RecordUpdated[]> {
    return dataSource.transaction(async (manager) => {
      const tx = new AnnouncingTransaction(manager);
      for (const event of events) {
        for (const fold of folds) await fold.apply(event, tx);
        await afterEach?.(event, tx);
      }
      return tx.announced;
    });
  }

  describe(StatisticsFold.name, () => {
    const submitted = (caseId: string, at: Date, codes: string[]) =>
      incoming(Events.CaseSubmitted, caseId, at, { caseId, channel: Channel.ONLINE, items: codes.map((code) => ({ code, action: 'issue' })), catalogueVersion: '2026.1' });
    const decided = (definition: EventDefinition, caseId: string, item: string, at: Date, decision: Decision) =>
      incoming(definition, caseId, at, { caseId, itemCode: item, action: 'issue', agency: definition.producer, decision } as never);

    async function caseOf(caseId: string, manager: EntityManager = dataSource.manager) {
      const [kase] = (await manager.query('SELECT status, withdrawn_at FROM stats_case WHERE case_id = $1', [caseId])) as { status: string; withdrawn_at: Date | null }[];
      const items = (await manager.query('SELECT chosen, outcome FROM stats_item WHERE case_id = $1', [caseId])) as { chosen: boolean; outcome: null }[];
      return { status: kase.status, derived: caseStatusOf(kase.withdrawn_at, items) };
    }

    it('derives the status after every event, also from items an earlier event of the same transaction wrote', async () => {
      const caseId = randomUUID();
      const statuses: string[] = [];
      // The decisions come first: the submission then makes both items chosen, and the case complete, in one statement.
      await inOneTransaction(
        [decided(Events.ApprovalItemDecided, caseId, 'WORK_PERMIT', minutes(5), Decision.GRANTED), decided(Events.PsbItemDecided, caseId, 'RESIDENCE_PERMIT', minutes(6), Decision.REJECTED), submitted(caseId, minutes(0), ['WORK_PERMIT', 'RESIDENCE_PERMIT'])],
        [statistics],
        async (_, tx) => {
          const { status, derived } = await caseOf(caseId, tx.manager);
          expect(status).toBe(derived);
          statuses.push(status);
        },
      );
      expect(statuses).toEqual(['in_progress', 'in_progress', 'completed']);
      expect((await caseOf(caseId)).status).toBe('completed');
    });

    it('completes a case whose last item is decided in the transaction that submitted it, and withdraws one withdrawn in it', async () => {
      const [complete, withdrawn] = [randomUUID(), randomUUID()];
      await inOneTransaction(
        [
          submitted(complete, minutes(0), ['WORK_PERMIT', 'RESIDENCE_PERMIT']),
          decided(Events.ApprovalItemDecided, complete, 'WORK_PERMIT', minutes(5), Decision.GRANTED),
          submitted(withdrawn, minutes(0), ['WORK_PERMIT']),
          decided(Events.PsbItemDecided, complete, 'RESIDENCE_PERMIT', minutes(6), Decision.GRANTED),
          incoming(Events.CaseWithdrawn, withdrawn, minutes(7), { caseId: withdrawn, itemCodes: ['WORK_PERMIT'], reason: 'changed employer' }),
        ],
        [statistics],
      );
      expect(await caseOf(complete)).toEqual({ status: 'completed', derived: 'completed' });
      expect(await caseOf(withdrawn)).toEqual({ status: 'withdrawn', derived: 'withdrawn' });
    });

    /** A case's events with ties the fold must break the same way in any order: the same rows, its own ids aside. */
    function tiedEventsOf(caseId: string): IncomingEvent[] {
      const progressed = (at: Date, status: ItemStatus, more: object = {}) =>
        incoming(Events.ApprovalItemProgressed, caseId, at, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', status, ...more });
      return [
        submitted(caseId, minutes(0), ['WORK_PERMIT', 'SOCIAL_INSURANCE']),
        // The agency's own event names the item's agency over the catalogue's (hrss), whichever comes first.
        incoming(Events.HrssItemProgressed, caseId, minutes(1), { caseId, itemCode: 'SOCIAL_INSURANCE', action: 'apply', agency: 'scitech', status: ItemStatus.PENDING }),
        progressed(minutes(3), ItemStatus.IN_REVIEW),
        progressed(minutes(2), ItemStatus.IN_REVIEW),
        progressed(minutes(4), ItemStatus.AWAITING_SUPPLEMENT, { requestedMaterials: ['PASSPORT'], reason: 'unreadable' }),
        progressed(minutes(8), ItemStatus.IN_REVIEW, { overdue: true, dueDate: '2026-03-05' }),
        progressed(minutes(8), ItemStatus.IN_REVIEW, { overdue: true, dueDate: '2026-03-04' }),
        progressed(minutes(9), ItemStatus.IN_REVIEW, { overdue: true, dueDate: '2026-03-01' }),
        // Two outcomes at the same time: the first by name stands.
        progressed(minutes(10), ItemStatus.TERMINATED, { reason: 'terminated' }),
        decided(Events.ApprovalItemDecided, caseId, 'WORK_PERMIT', minutes(10), Decision.REJECTED),
        incoming(Events.JointReviewOpened, caseId, minutes(6), { caseId, reason: 'x', agencies: [] }),
        incoming(Events.JointReviewOpened, caseId, minutes(5), { caseId, reason: 'y', agencies: [] }),
      ];
    }

    async function rowsOf(caseId: string): Promise<Record<string, unknown>> {
      const read = async (sql: string) => ((await dataSource.query(sql, [caseId])) as Record<string, unknown>[]).map(({ case_id: _case, event_id: _event, ...row }) => JSON.stringify(row)).sort();
      return {
        case: await read('SELECT * FROM stats_case WHERE case_id = $1'),
        items: await read('SELECT * FROM stats_item WHERE case_id = $1'),
        transitions: await read('SELECT * FROM stats_item_transition WHERE case_id = $1'),
      };
    }

    it('keeps the same rows whatever order the events arrive in and however they share transactions', async () => {
      const orders: ((events: IncomingEvent[]) => IncomingEvent[][])[] = [
        (events) => events.map((event) => [event]),
        (events) => [...events].reverse().map((event) => [event]),
        (events) => [[...events.slice(6), ...events.slice(0, 6)]],
        (events) => [[...events].reverse()],
        (events) => [events.filter((_, i) => i % 2 === 1), events.filter((_, i) => i % 2 === 0)],
      ];
      const results: Record<string, unknown>[] = [];
      for (const order of orders) {
        const caseId = randomUUID();
        for (const batch of order(tiedEventsOf(caseId))) await inOneTransaction(batch, [statistics]);
        results.push(await rowsOf(caseId));
      }
      for (const result of results.slice(1)) expect(result).toEqual(results[0]);

      const items = (results[0].items as string[]).map((row) => JSON.parse(row) as Record<string, unknown>);
      expect(items).toEqual([
        expect.objectContaining({ item_code: 'SOCIAL_INSURANCE', agency: 'scitech', chosen: true, outcome: null }),
        expect.objectContaining({
          item_code: 'WORK_PERMIT',
          agency: 'approval',
          chosen: true,
          review_started_at: minutes(2).toISOString(),
          supplement_requested_at: minutes(4).toISOString(),
          outcome: 'rejected',
          outcome_at: minutes(10).toISOString(),
          reason: null,
          overdue_at: minutes(8).toISOString(),
        }),
      ]);
      // The earliest notice stands, and of two at the same time the one with the earlier due date.
      const dueDates = (await dataSource.query(`SELECT overdue_due_date::text AS due FROM stats_item WHERE item_code = 'WORK_PERMIT' AND overdue_at = $1 AND case_id IN (SELECT case_id FROM stats_case WHERE joint_review_opened_at = $2)`, [minutes(8), minutes(5)])) as { due: string }[];
      expect(dueDates.map((row) => row.due)).toEqual(orders.map(() => '2026-03-04'));
      expect((results[0].case as string[]).map((row) => JSON.parse(row) as Record<string, unknown>)).toEqual([
        expect.objectContaining({ channel: 'online', submitted_at: minutes(0).toISOString(), joint_review_opened_at: minutes(5).toISOString(), status: 'in_progress' }),
      ]);
      // Two submitted, the title's pending, and the work permit's eight.
      expect(results[0].transitions).toHaveLength(11);
    });
  });

  describe(ApplicantRecordFold.name, () => {
    const applicantId = `ap_${randomUUID().replace(/-/g, '')}`;
    const submission = (caseId: string, at: Date, role: string, fields: { position: string; phone?: string; material?: string }) =>
      incoming(Events.CaseSubmitted, caseId, at, {
        caseId,
        applicantId,
        submittedBy: { subject: `${role}-1`, role },
        items: [{ code: 'WORK_PERMIT', action: 'issue' }],
        applicant: { surname: 'SCHMIDT', givenNames: 'MARIA', nationality: 'DEU', passportNo: 'T0123456', email: 'maria@example.com', ...(fields.phone ? { phone: fields.phone } : {}) },
        employer: { uscc: '91371000MA3C5LXX0F', name: 'Weihai Example Co.' },
        employment: { position: fields.position, annualSalaryCny: 480000n },
        materials: [{ code: fields.material ?? 'NO_CRIMINAL_RECORD', sha256: 'a'.repeat(64), fileName: 'police.pdf', issuedAt: '2026-01-10' }],
        catalogueVersion: '2026.1',
      });
    const granted = (caseId: string, at: Date, permitNo: string) =>
      incoming(Events.ApprovalItemDecided, caseId, at, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo, validTo: '2028-02-28' } });

    /** What the announcement carried before it reused the merge: the pre-fillable fields read afresh, by path, and the version. */
    async function freshRead(manager: EntityManager) {
      const rows = (await manager.query(`SELECT path, value, source, source_case_id, updated_at FROM record_field WHERE applicant_id = $1 ORDER BY path COLLATE "C"`, [applicantId])) as {
        path: string;
        value: unknown;
        source: string;
        source_case_id: string;
        updated_at: Date;
      }[];
      const [{ version }] = (await manager.query('SELECT version FROM record_applicant WHERE applicant_id = $1', [applicantId])) as { version: number }[];
      return {
        version,
        fields: rows.filter((row) => isPrefillable(row.path)).map((row) => ({ path: row.path, valueJson: JSON.stringify(row.value), source: row.source, sourceCaseId: row.source_case_id, updatedAt: row.updated_at.toISOString() })),
      };
    }

    const asRead = (update: RecordUpdated) => ({
      version: Number(update.version),
      fields: update.fields.map((field) => ({ path: field.path, valueJson: field.valueJson, source: field.source, sourceCaseId: field.sourceCaseId, updatedAt: timestampDate(field.updatedAt!).toISOString() })),
    });

    it('announces exactly the fields and version a fresh read finds after each event, several events to a transaction or one', async () => {
      const [first, employer, second] = [randomUUID(), randomUUID(), randomUUID()];
      const checked: number[] = [];
      const checkEach = async (_: IncomingEvent, tx: AnnouncingTransaction) => {
        const latest = tx.announced.at(-1);
        if (!latest || checked.includes(Number(latest.version))) return;
        checked.push(Number(latest.version));
        expect(asRead(latest)).toEqual(await freshRead(tx.manager));
      };
      await inOneTransaction([submission(first, minutes(0), 'applicant', { position: 'engineer' }), granted(first, minutes(5), 'WP2026001')], [record], checkEach);
      // The employer's filing adds the phone the record lacked, not its position; the person's later case changes the position.
      await inOneTransaction([submission(employer, minutes(90), 'employer', { position: 'intern', phone: '+86 631 555 0100' })], [record], checkEach);
      await inOneTransaction([submission(second, minutes(60), 'applicant', { position: 'lead engineer' }), granted(second, minutes(65), 'WP2026002')], [record], checkEach);

      expect(checked).toEqual([1, 2, 3, 4, 5]);
      const latest = await freshRead(dataSource.manager);
      expect(latest.version).toBe(5);
      expect(Object.fromEntries(latest.fields.map((field) => [field.path, field.valueJson]))).toMatchObject({
        'employment.position': '"lead engineer"',
        'applicant.phone': '"+86 631 555 0100"',
        'holdings.workPermitNo': '"WP2026002"',
      });
    });

    it('holds a permit whose decision is folded while its case’s submission is still being folded in another transaction', async () => {
      const caseId = randomUUID();
      let commitSubmission!: () => void;
      let submissionFolded!: () => void;
      const folded = new Promise<void>((resolve) => (submissionFolded = resolve));
      const submissionTx = dataSource.transaction(async (manager) => {
        await record.apply(submission(caseId, minutes(1000), 'applicant', { position: 'engineer' }), new AnnouncingTransaction(manager));
        submissionFolded();
        await new Promise<void>((resolve) => (commitSubmission = resolve));
      });
      await folded;
      // The decision arrives from another topic while the submission's transaction is open.
      const decisionTx = inOneTransaction([granted(caseId, minutes(1005), 'WP2026777')], [record]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      commitSubmission();
      await Promise.all([submissionTx, decisionTx]);

      const [held] = (await dataSource.query(`SELECT value, source_case_id FROM record_field WHERE applicant_id = $1 AND path = 'holdings.workPermitNo'`, [applicantId])) as { value: unknown; source_case_id: string }[];
      expect(held).toEqual({ value: 'WP2026777', source_case_id: caseId });
    });

    it('neither announces nor raises the version when only values that are not pre-filled changed', async () => {
      const before = await freshRead(dataSource.manager);
      // An employer's later filing: its pre-fillable values do not outrank the person's, its new material is taken.
      const announced = await inOneTransaction([submission(randomUUID(), minutes(300), 'employer', { position: 'intern', material: 'HEALTH_CERTIFICATE' })], [record]);
      expect(announced).toEqual([]);
      expect(await freshRead(dataSource.manager)).toEqual(before);
      const [material] = (await dataSource.query(`SELECT offered_by FROM record_field WHERE applicant_id = $1 AND path = 'materials.HEALTH_CERTIFICATE'`, [applicantId])) as { offered_by: string }[];
      expect(material).toEqual({ offered_by: 'employer' });
    });
  });
});
