import type { Transaction } from '@work-permit/messaging';
import type { EntityManager } from 'typeorm';
import type { PermitCancellation } from './record-events';
import type { RecordChange, RecordFieldValue } from './record-field';
import { RecordPermitCancellationRow, type RecordPermitRow } from './record.entities';

/** An item's outcome as the record keeps it. */
export type PermitRow = Pick<RecordPermitRow, 'caseId' | 'item' | 'action' | 'agency' | 'status' | 'details' | 'reason' | 'reasonMessage' | 'source' | 'sourceEventId' | 'updatedAt'>;

/** Which person a case is about and who filed it, as its submission says. */
export interface CaseFiling {
  caseId: string;
  applicantId: string;
  submitterSubject: string;
  submitterRole: string;
  submittedAt: Date;
}

export type CancellationRow = PermitCancellation & Pick<RecordPermitCancellationRow, 'source' | 'sourceEventId' | 'updatedAt'>;

/**
 * Where the record's fold reads and keeps what it folds. The fold decides; a store only keeps, with
 * the rules of the tables: the first filing of a case stands, an item's outcome and a field's value
 * are replaced by what the fold hands it, an offer and a cancellation are kept once.
 * `RecordStatements` goes to the database at each step (the live consumer); `RecordBatch` reads a
 * batch's rows first and writes them at its end (the rebuild).
 */
export interface RecordStore {
  /** Keeps the case and its person; answers the case's outcomes the record holds already. */
  keepCase(filing: CaseFiling): Promise<PermitRow[]>;
  permitOf(caseId: string, item: string): Promise<PermitRow | undefined>;
  /** Keeps the item's outcome and its history entry; answers the person the case is about, once its filing has arrived. */
  keepPermit(permit: PermitRow, change: RecordChange): Promise<string | undefined>;
  /** Keeps every offered value; answers the person's values as the record holds them. */
  offer(applicantId: string, incoming: readonly RecordFieldValue[]): Promise<RecordFieldValue[]>;
  /** Keeps the values that won and their history entries; when `announced`, raises the person's version and answers it. */
  keepFields(applicantId: string, written: readonly RecordFieldValue[], changes: readonly RecordChange[], announced: boolean): Promise<number | undefined>;
  /** Keeps a permit's cancellation once; false when it is kept already. */
  keepCancellation(cancellation: CancellationRow): Promise<boolean>;
  recordChanges(changes: readonly RecordChange[]): Promise<void>;
}

const OFFERED_COLUMNS = `path text, value jsonb, source text, "sourceCaseId" text, "sourceEventId" text, "updatedAt" timestamptz, trust text, "offeredBy" text`;

/** Offered values (a `RecordFieldValue[]` in JSON) as rows. */
const OFFERED_IN = (param: string) => `jsonb_to_recordset(${param}::jsonb) AS offered (${OFFERED_COLUMNS})`;

/** Offered values of several people (each with its `applicantId`) as rows. */
export const OFFERED_BY_APPLICANT_IN = (param: string) => `jsonb_to_recordset(${param}::jsonb) AS offered ("applicantId" text, ${OFFERED_COLUMNS})`;

/** A value that won replaces the one kept. */
export const FIELD_REPLACED = `ON CONFLICT (applicant_id, path) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, source_case_id = EXCLUDED.source_case_id,
      source_event_id = EXCLUDED.source_event_id, updated_at = EXCLUDED.updated_at, trust = EXCLUDED.trust, offered_by = EXCLUDED.offered_by`;

/** A later outcome replaces the one kept. */
export const PERMIT_REPLACED = `ON CONFLICT (case_id, item) DO UPDATE SET action = EXCLUDED.action, agency = EXCLUDED.agency, status = EXCLUDED.status, details = EXCLUDED.details,
      reason = EXCLUDED.reason, reason_message = EXCLUDED.reason_message, source = EXCLUDED.source, source_event_id = EXCLUDED.source_event_id, updated_at = EXCLUDED.updated_at`;

export const PERMIT_COLUMNS = 'case_id, item, action, agency, status, details, reason, reason_message, source, source_event_id, updated_at';

/** A CTE appending the history entries (a `RecordChange[]` in JSON), in their order. */
export const RECORD_CHANGES = (param: string) => `history AS (
  INSERT INTO record_change (case_id, subject, old_value, new_value, source, source_event_id, occurred_at)
  SELECT "caseId", subject, "oldValue", "newValue", source, "sourceEventId", "occurredAt"
  FROM ROWS FROM (jsonb_to_recordset(${param}::jsonb) AS (
    "caseId" text, subject text, "oldValue" jsonb, "newValue" jsonb, source text, "sourceEventId" text, "occurredAt" timestamptz)) WITH ORDINALITY AS change (
    "caseId", subject, "oldValue", "newValue", source, "sourceEventId", "occurredAt", position)
  ORDER BY position)`;

export const PERMIT_SELECTED = `SELECT case_id AS "caseId", item, action, agency, status, details, reason, reason_message AS "reasonMessage", source, source_event_id AS "sourceEventId", updated_at AS "updatedAt" FROM record_permit`;

/** A kept value's columns as a `RecordFieldValue`. */
export const FIELD_SELECTED = `path, value, source, source_case_id AS "sourceCaseId", source_event_id AS "sourceEventId", updated_at AS "updatedAt", trust, offered_by AS "offeredBy"`;

/** Keeps the case and its person; answers the permits of the case decided before it arrived. */
const KEEP_CASE_READ_PERMITS = `
  WITH kept_case AS (
    INSERT INTO record_case (case_id, applicant_id, submitter_subject, submitter_role, submitted_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
  ), kept_applicant AS (
    INSERT INTO record_applicant (applicant_id, version) VALUES ($2, 0) ON CONFLICT DO NOTHING
  )
  ${PERMIT_SELECTED} WHERE case_id = $1`;

/** Keeps the item's outcome and its history entry; answers the person the case is about, if it has arrived. */
const KEEP_PERMIT_READ_OWNER = `
  WITH kept_permit AS (
    INSERT INTO record_permit (${PERMIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10, $11)
    ${PERMIT_REPLACED}
  ), ${RECORD_CHANGES('$12')}
  SELECT applicant_id FROM record_case WHERE case_id = $1`;

/** Keeps every offered value (what conflicts are computed from); answers the person's kept values. */
const OFFER_READ_FIELDS = `
  WITH kept_offers AS (
    INSERT INTO record_offer (applicant_id, path, value, source, source_case_id, source_event_id, updated_at, trust, offered_by)
    SELECT $1, path, value, source, "sourceCaseId", "sourceEventId", "updatedAt", trust, "offeredBy" FROM ${OFFERED_IN('$2')}
    ON CONFLICT DO NOTHING
  )
  SELECT ${FIELD_SELECTED} FROM record_field WHERE applicant_id = $1`;

/** Keeps the values that won and their history entries; when the pre-fillable part changed ($4), raises the person's version and answers it. */
const KEEP_FIELDS_BUMP_VERSION = `
  WITH kept_fields AS (
    INSERT INTO record_field (applicant_id, path, value, source, source_case_id, source_event_id, updated_at, trust, offered_by)
    SELECT $1, path, value, source, "sourceCaseId", "sourceEventId", "updatedAt", trust, "offeredBy" FROM ${OFFERED_IN('$2')}
    ${FIELD_REPLACED}
  ), ${RECORD_CHANGES('$3')}, bumped AS (
    UPDATE record_applicant SET version = version + 1 WHERE applicant_id = $1 AND $4::boolean RETURNING version
  )
  SELECT version FROM bumped`;

/** The record in the database, a statement or two per step: what the live consumer folds into. */
export class RecordStatements implements RecordStore {
  // The transaction's manager is looked up at each step, so a fold that ends up doing nothing never touches it.
  constructor(private readonly tx: Transaction) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  async keepCase(filing: CaseFiling): Promise<PermitRow[]> {
    return (await this.manager.query(KEEP_CASE_READ_PERMITS, [filing.caseId, filing.applicantId, filing.submitterSubject, filing.submitterRole, filing.submittedAt])) as PermitRow[];
  }

  async permitOf(caseId: string, item: string): Promise<PermitRow | undefined> {
    const [row] = (await this.manager.query(`${PERMIT_SELECTED} WHERE case_id = $1 AND item = $2`, [caseId, item])) as PermitRow[];
    return row;
  }

  async keepPermit(permit: PermitRow, change: RecordChange): Promise<string | undefined> {
    const [owner] = (await this.manager.query(KEEP_PERMIT_READ_OWNER, [
      permit.caseId,
      permit.item,
      permit.action,
      permit.agency,
      permit.status,
      JSON.stringify(permit.details),
      permit.reason,
      permit.reasonMessage ? JSON.stringify(permit.reasonMessage) : null,
      permit.source,
      permit.sourceEventId,
      permit.updatedAt,
      JSON.stringify([change]),
    ])) as { applicant_id: string }[];
    return owner?.applicant_id;
  }

  async offer(applicantId: string, incoming: readonly RecordFieldValue[]): Promise<RecordFieldValue[]> {
    return (await this.manager.query(OFFER_READ_FIELDS, [applicantId, JSON.stringify(incoming)])) as RecordFieldValue[];
  }

  async keepFields(applicantId: string, written: readonly RecordFieldValue[], changes: readonly RecordChange[], announced: boolean): Promise<number | undefined> {
    const [bumped] = (await this.manager.query(KEEP_FIELDS_BUMP_VERSION, [applicantId, JSON.stringify(written), JSON.stringify(changes), announced])) as { version: number }[];
    return bumped?.version;
  }

  async keepCancellation(cancellation: CancellationRow): Promise<boolean> {
    const inserted = await this.manager.createQueryBuilder().insert().into(RecordPermitCancellationRow).values(cancellation).orIgnore().returning('case_id').execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  async recordChanges(changes: readonly RecordChange[]): Promise<void> {
    if (changes.length > 0) await this.manager.query(`WITH ${RECORD_CHANGES('$1')} SELECT 1`, [JSON.stringify(changes)]);
  }
}
