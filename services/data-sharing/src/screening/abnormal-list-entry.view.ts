import type { AbnormalListEntry } from './abnormal-list-entry.entity';
import { type EntryStatus, entryStatus } from './abnormal-list.rules';

export interface AbnormalListEntryView {
  id: string;
  passportNo: string;
  nationality: string;
  surname: string | null;
  givenNames: string | null;
  birthDate: string | null;
  reason: string;
  /** The reporting agency. */
  source: string;
  /** The reporting officer (token subject); null for entries reported before it was recorded. */
  reportedBy: string | null;
  reportedAt: string;
  expiresOn: string | null;
  status: EntryStatus;
  liftedAt: string | null;
  liftedBy: string | null;
  liftReason: string | null;
}

export function entryViewOf(entry: AbnormalListEntry, today: string): AbnormalListEntryView {
  return {
    id: entry.id,
    passportNo: entry.passportNo,
    nationality: entry.nationality,
    surname: entry.surname,
    givenNames: entry.givenNames,
    birthDate: entry.birthDate,
    reason: entry.reason,
    source: entry.source,
    reportedBy: entry.reportedBy,
    reportedAt: entry.reportedAt.toISOString(),
    expiresOn: entry.expiresOn,
    status: entryStatus(entry, today),
    liftedAt: entry.liftedAt?.toISOString() ?? null,
    liftedBy: entry.liftedBy,
    liftReason: entry.liftReason,
  };
}
