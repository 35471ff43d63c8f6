import type { EntityManager } from 'typeorm';
import type { HeldPermit, OpenCase } from './late-listing.rules';

/** The record's identity fields a near match (name and birth date) is checked against. */
export interface RecordedIdentity {
  applicantId: string;
  passportNo: string;
  nationality: string;
  surname: string;
  givenNames: string;
  birthDate: string;
}

const IDENTITY_PATHS = ['applicant.passportNo', 'applicant.nationality', 'applicant.surname', 'applicant.givenNames', 'applicant.birthDate'];

/**
 * What late screening reads of the service's other projections: the shared record (who a case is
 * about, the permits it granted and their cancellations) and the statistics' case status (which cases
 * are still in progress). Both are folded in the same transaction as the case's screening.
 */
export class LateListingRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The recorded identities of the people born on `birthDate`, for the near-match check. */
  async identitiesBornOn(birthDate: string): Promise<RecordedIdentity[]> {
    const rows = (await this.manager.query(
      `SELECT f.applicant_id, f.path, f.value #>> '{}' AS value FROM record_field f
       WHERE f.path = ANY($2) AND f.applicant_id IN (
         SELECT applicant_id FROM record_field WHERE path = 'applicant.birthDate' AND value = to_jsonb($1::text))`,
      [birthDate, IDENTITY_PATHS],
    )) as { applicant_id: string; path: string; value: string }[];
    const byApplicant = new Map<string, RecordedIdentity>();
    for (const row of rows) {
      const identity = byApplicant.get(row.applicant_id) ?? { applicantId: row.applicant_id, passportNo: '', nationality: '', surname: '', givenNames: '', birthDate: '' };
      const key = row.path.slice('applicant.'.length) as keyof Omit<RecordedIdentity, 'applicantId'>;
      identity[key] = row.value;
      byApplicant.set(row.applicant_id, identity);
    }
    return [...byApplicant.values()];
  }

  /** The screened cases of these people still in progress, with their screening. */
  async openScreenedCases(applicantIds: readonly string[]): Promise<OpenCase[]> {
    if (applicantIds.length === 0) return [];
    const rows = (await this.manager.query(
      `SELECT s.case_id::text AS case_id, c.applicant_id, s.outcome, s.item_action FROM applicant_screening s
       JOIN record_case c ON c.case_id = s.case_id::text
       JOIN stats_case sc ON sc.case_id = s.case_id
       WHERE c.applicant_id = ANY($1) AND sc.status = 'in_progress'`,
      [applicantIds],
    )) as { case_id: string; applicant_id: string; outcome: OpenCase['screening']; item_action: string }[];
    return rows.map((row) => ({ caseId: row.case_id, applicantId: row.applicant_id, screening: row.outcome, action: row.item_action }));
  }

  /** The work permits the record holds for these people, with whether they were cancelled and how their case was screened. */
  async workPermits(applicantIds: readonly string[], item: string): Promise<HeldPermit[]> {
    if (applicantIds.length === 0) return [];
    const rows = (await this.manager.query(
      `SELECT p.case_id, c.applicant_id, p.status, p.details ->> 'validTo' AS valid_to, p.action,
              (x.case_id IS NOT NULL) AS cancelled, s.outcome AS screening, s.item_action
       FROM record_permit p
       JOIN record_case c ON c.case_id = p.case_id
       LEFT JOIN record_permit_cancellation x ON x.case_id = p.case_id AND x.item = p.item
       LEFT JOIN applicant_screening s ON s.case_id::text = p.case_id
       WHERE c.applicant_id = ANY($1) AND p.item = $2`,
      [applicantIds, item],
    )) as { case_id: string; applicant_id: string; status: string; valid_to: string | null; action: string; cancelled: boolean; screening: HeldPermit['screening']; item_action: string | null }[];
    return rows.map((row) => ({
      caseId: row.case_id,
      applicantId: row.applicant_id,
      status: row.status,
      validTo: row.valid_to,
      cancelled: row.cancelled,
      action: row.item_action ?? row.action,
      screening: row.screening,
    }));
  }
}
