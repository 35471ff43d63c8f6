import type { Localized } from '@work-permit/catalogue';
import type { RecordAccessLogRow } from './access-log.entity';

/** One read of a person's record, as it explains itself to the person: when, which agency, which fields, why. */
export interface AccessLogRead {
  at: string;
  agency: string;
  /** The agency's name (zh, en), so the person need not know the codes. */
  agencyName: Localized | null;
  /** The released keys: form paths (`applicant.surname`), `materials.<CODE>`, `permits.<ITEM>`. */
  fields: string[];
  purpose: string;
  /** The reader's token subject: for admins' oversight only. */
  subject?: string;
}

export interface AccessLogView {
  applicantId: string;
  reads: AccessLogRead[];
}

/** The log of one person, oldest read first; officers' identities only when `withSubjects` (admins). */
export function accessLogViewOf(applicantId: string, rows: readonly RecordAccessLogRow[], agencyNames: ReadonlyMap<string, Localized>, { withSubjects }: { withSubjects: boolean }): AccessLogView {
  return {
    applicantId,
    reads: [...rows]
      .sort((a, b) => a.id - b.id)
      .map((row) => ({
        at: row.at.toISOString(),
        agency: row.agency,
        agencyName: agencyNames.get(row.agency) ?? null,
        fields: [...row.fields],
        purpose: row.purpose,
        ...(withSubjects ? { subject: row.subject } : {}),
      })),
  };
}
