import type { EntityManager } from 'typeorm';
import type { RecordChange, RecordFieldValue } from './record-field';
import {
  type CancellationRow,
  type CaseFiling,
  FIELD_REPLACED,
  FIELD_SELECTED,
  OFFERED_BY_APPLICANT_IN,
  PERMIT_COLUMNS,
  PERMIT_REPLACED,
  PERMIT_SELECTED,
  type PermitRow,
  RECORD_CHANGES,
  type RecordStore,
} from './record-store';
import { RecordPermitCancellationRow } from './record.entities';

/** The cases a batch of events touches, and the people known to be filed for in it. */
export interface RecordBatchKeys {
  caseIds: ReadonlySet<string>;
  applicantIds: ReadonlySet<string>;
}

const FILED_CASES = `
  INSERT INTO record_case (case_id, applicant_id, submitter_subject, submitter_role, submitted_at)
  SELECT "caseId", "applicantId", "submitterSubject", "submitterRole", "submittedAt"
  FROM jsonb_to_recordset($1::jsonb) AS filing ("caseId" text, "applicantId" text, "submitterSubject" text, "submitterRole" text, "submittedAt" timestamptz)
  ON CONFLICT DO NOTHING`;

const APPLICANT_VERSIONS = `
  INSERT INTO record_applicant (applicant_id, version) SELECT * FROM unnest($1::text[], $2::integer[])
  ON CONFLICT (applicant_id) DO UPDATE SET version = EXCLUDED.version`;

const KEPT_PERMITS = `
  INSERT INTO record_permit (${PERMIT_COLUMNS})
  SELECT "caseId", item, action, agency, status, details, reason, "reasonMessage", source, "sourceEventId", "updatedAt"
  FROM jsonb_to_recordset($1::jsonb) AS permit ("caseId" text, item text, action text, agency text, status text, details jsonb, reason text, "reasonMessage" jsonb,
    source text, "sourceEventId" text, "updatedAt" timestamptz)
  ${PERMIT_REPLACED}`;

const OFFERED_VALUES = (table: 'record_offer' | 'record_field', onConflict: string) => `
  INSERT INTO ${table} (applicant_id, path, value, source, source_case_id, source_event_id, updated_at, trust, offered_by)
  SELECT "applicantId", path, value, source, "sourceCaseId", "sourceEventId", "updatedAt", trust, "offeredBy" FROM ${OFFERED_BY_APPLICANT_IN('$1')}
  ${onConflict}`;

type ByApplicant = RecordFieldValue & { applicantId: string };

/**
 * The record of a batch's cases and people, read in five statements before the batch and written in
 * at most seven after it, however many events it holds; in between the fold reads and keeps in
 * memory, with the tables' rules. For a transaction that is the only writer of these rows — a
 * rebuild into its own database — since nothing is locked: a concurrent writer's rows would be
 * overwritten with what the batch read before them.
 */
export class RecordBatch implements RecordStore {
  /** Case → the person it is about, for the cases filed (before or in the batch). */
  private readonly cases = new Map<string, string>();
  /** Person → the version of their pre-fillable part, for the people kept. */
  private readonly versions = new Map<string, number>();
  private readonly permits = new Map<string, Map<string, PermitRow>>();
  private readonly fields = new Map<string, Map<string, RecordFieldValue>>();
  private readonly cancellations = new Set<string>();

  private readonly filed: CaseFiling[] = [];
  private readonly versioned = new Set<string>();
  private readonly permitsKept = new Map<string, PermitRow>();
  private readonly offersKept = new Map<string, ByApplicant>();
  private readonly fieldsKept = new Map<string, ByApplicant>();
  private readonly cancellationsKept: CancellationRow[] = [];
  private readonly changes: RecordChange[] = [];

  /** The rows of `keys`' cases, and of every person they or the batch's filings are about. */
  static async load(manager: EntityManager, keys: RecordBatchKeys): Promise<RecordBatch> {
    const batch = new RecordBatch();
    const caseIds = [...keys.caseIds];
    const filings = (await manager.query('SELECT case_id, applicant_id FROM record_case WHERE case_id = ANY($1)', [caseIds])) as { case_id: string; applicant_id: string }[];
    for (const row of filings) batch.cases.set(row.case_id, row.applicant_id);
    for (const row of (await manager.query(`${PERMIT_SELECTED} WHERE case_id = ANY($1)`, [caseIds])) as PermitRow[]) innerOf(batch.permits, row.caseId).set(row.item, row);
    const cancelled = (await manager.query('SELECT case_id, item FROM record_permit_cancellation WHERE case_id = ANY($1)', [caseIds])) as { case_id: string; item: string }[];
    for (const row of cancelled) batch.cancellations.add(keyOf(row.case_id, row.item));

    const applicantIds = [...new Set([...keys.applicantIds, ...batch.cases.values()])];
    const versions = (await manager.query('SELECT applicant_id, version FROM record_applicant WHERE applicant_id = ANY($1)', [applicantIds])) as { applicant_id: string; version: number }[];
    for (const row of versions) batch.versions.set(row.applicant_id, row.version);
    const fields = (await manager.query(`SELECT applicant_id AS "applicantId", ${FIELD_SELECTED} FROM record_field WHERE applicant_id = ANY($1)`, [applicantIds])) as ByApplicant[];
    for (const { applicantId, ...field } of fields) innerOf(batch.fields, applicantId).set(field.path, field);
    return batch;
  }

  keepCase(filing: CaseFiling): Promise<PermitRow[]> {
    if (!this.cases.has(filing.caseId)) {
      this.cases.set(filing.caseId, filing.applicantId);
      this.filed.push(filing);
    }
    if (!this.versions.has(filing.applicantId)) {
      this.versions.set(filing.applicantId, 0);
      this.versioned.add(filing.applicantId);
    }
    return Promise.resolve([...(this.permits.get(filing.caseId)?.values() ?? [])]);
  }

  permitOf(caseId: string, item: string): Promise<PermitRow | undefined> {
    return Promise.resolve(this.permits.get(caseId)?.get(item));
  }

  keepPermit(permit: PermitRow, change: RecordChange): Promise<string | undefined> {
    innerOf(this.permits, permit.caseId).set(permit.item, permit);
    this.permitsKept.set(keyOf(permit.caseId, permit.item), permit);
    this.changes.push(change);
    return Promise.resolve(this.cases.get(permit.caseId));
  }

  offer(applicantId: string, incoming: readonly RecordFieldValue[]): Promise<RecordFieldValue[]> {
    for (const field of incoming) {
      const key = keyOf(applicantId, field.path, field.sourceEventId);
      if (!this.offersKept.has(key)) this.offersKept.set(key, { ...field, applicantId });
    }
    return Promise.resolve([...(this.fields.get(applicantId)?.values() ?? [])]);
  }

  keepFields(applicantId: string, written: readonly RecordFieldValue[], changes: readonly RecordChange[], announced: boolean): Promise<number | undefined> {
    const fields = innerOf(this.fields, applicantId);
    for (const field of written) {
      fields.set(field.path, field);
      this.fieldsKept.set(keyOf(applicantId, field.path), { ...field, applicantId });
    }
    this.changes.push(...changes);
    const version = this.versions.get(applicantId);
    if (!announced || version === undefined) return Promise.resolve(undefined);
    this.versions.set(applicantId, version + 1);
    this.versioned.add(applicantId);
    return Promise.resolve(version + 1);
  }

  keepCancellation(cancellation: CancellationRow): Promise<boolean> {
    const key = keyOf(cancellation.caseId, cancellation.item);
    if (this.cancellations.has(key)) return Promise.resolve(false);
    this.cancellations.add(key);
    this.cancellationsKept.push(cancellation);
    return Promise.resolve(true);
  }

  recordChanges(changes: readonly RecordChange[]): Promise<void> {
    this.changes.push(...changes);
    return Promise.resolve();
  }

  /** Writes what the batch kept, each table in one statement; the history in the order it was kept. */
  async flush(manager: EntityManager): Promise<void> {
    if (this.filed.length > 0) await manager.query(FILED_CASES, [JSON.stringify(this.filed)]);
    if (this.versioned.size > 0) {
      const applicantIds = [...this.versioned];
      await manager.query(APPLICANT_VERSIONS, [applicantIds, applicantIds.map((id) => this.versions.get(id))]);
    }
    if (this.permitsKept.size > 0) await manager.query(KEPT_PERMITS, [JSON.stringify([...this.permitsKept.values()])]);
    if (this.cancellationsKept.length > 0) await manager.createQueryBuilder().insert().into(RecordPermitCancellationRow).values(this.cancellationsKept).orIgnore().execute();
    if (this.offersKept.size > 0) await manager.query(OFFERED_VALUES('record_offer', 'ON CONFLICT DO NOTHING'), [JSON.stringify([...this.offersKept.values()])]);
    if (this.fieldsKept.size > 0) await manager.query(OFFERED_VALUES('record_field', FIELD_REPLACED), [JSON.stringify([...this.fieldsKept.values()])]);
    if (this.changes.length > 0) await manager.query(`WITH ${RECORD_CHANGES('$1')} SELECT 1`, [JSON.stringify(this.changes)]);
  }
}

function keyOf(...parts: string[]): string {
  return parts.join('\u0000');
}

/** The map `outer` keeps under `key`, made empty the first time. */
function innerOf<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map()));
  return inner;
}
