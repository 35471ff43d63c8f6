import type { Principal } from '@work-permit/auth';
import type { EntityManager } from 'typeorm';

/** What an earlier request with the same Idempotency-Key stored. */
export interface EarlierSubmission {
  requestHash: string;
  caseId: string;
}

export interface NewSubmission {
  caseId: string;
  channel: 'online' | 'offline';
  catalogueVersion: string;
  /** Who filed it: the case keeps an applicant's or an employer's subject, and every filer's subject and role. */
  principal: Principal;
  applicantId: string;
  employerUscc: string | null;
  body: Record<string, unknown>;
  items: { code: string; action: string; agency: string }[];
  /** The instant of submission, as the case's timeline records it. */
  at: Date;
  idempotency: { key: string; requestHash: string } | undefined;
}

// The case, its items (pending until each agency takes its own up), the timeline's first entry and the
// idempotency record, in one round trip: unless the key was used before, when nothing is written and
// the earlier request is answered. Two requests with one key at once: the second's idempotency insert
// fails on the primary key, and with it the whole statement.
const STORE_SUBMISSION = `
  WITH earlier AS (
    SELECT request_hash AS "requestHash", case_id AS "caseId" FROM idempotency_record
    WHERE $13::text IS NOT NULL AND subject = $4 AND idempotency_key = $13
  ), kept_case AS (
    INSERT INTO case_file (case_id, status, channel, catalogue_version, submitted_by_subject, submitted_by_role,
                           applicant_subject, employer_subject, applicant_id, employer_uscc, body)
    SELECT $1::uuid, 'in_progress', $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb
    WHERE NOT EXISTS (SELECT 1 FROM earlier)
    RETURNING case_id
  ), kept_items AS (
    INSERT INTO case_item (case_id, code, action, agency, status)
    SELECT kept_case.case_id, item.code, item.action, item.agency, 'pending'
    FROM kept_case, jsonb_to_recordset($11::jsonb) AS item (code text, action text, agency text)
  ), kept_timeline AS (
    INSERT INTO case_timeline_entry (case_id, at, type) SELECT case_id, $12::timestamptz, 'submitted' FROM kept_case
  ), kept_key AS (
    INSERT INTO idempotency_record (subject, idempotency_key, request_hash, case_id)
    SELECT $4, $13, $14, case_id FROM kept_case WHERE $13::text IS NOT NULL
  )
  SELECT "requestHash", "caseId" FROM earlier`;

/** Stores a new case, or answers what an earlier request with the same Idempotency-Key stored (and writes nothing). */
export async function storeSubmission(manager: EntityManager, submission: NewSubmission): Promise<EarlierSubmission | undefined> {
  const { principal } = submission;
  const [earlier] = (await manager.query(STORE_SUBMISSION, [
    submission.caseId,
    submission.channel,
    submission.catalogueVersion,
    principal.subject,
    principal.role,
    principal.role === 'applicant' ? principal.subject : null,
    principal.role === 'employer' ? principal.subject : null,
    submission.applicantId,
    submission.employerUscc,
    JSON.stringify(submission.body),
    JSON.stringify(submission.items),
    submission.at,
    submission.idempotency?.key ?? null,
    submission.idempotency?.requestHash ?? null,
  ])) as EarlierSubmission[];
  return earlier;
}
