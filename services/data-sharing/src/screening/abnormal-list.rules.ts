import type { Agency } from '@work-permit/auth';
import { type Message, message } from '@work-permit/catalogue';

export const ENTRY_STATUSES = ['active', 'lifted', 'expired'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** What decides an entry's status. */
export interface EntryLifecycle {
  liftedAt: Date | null;
  /** The last day (YYYY-MM-DD, in China) the entry applies. */
  expiresOn: string | null;
}

/**
 * `lifted` once an officer lifted it (whatever its expiry), `expired` from the day after `expiresOn`,
 * `active` otherwise. Only active entries match in screening.
 */
export function entryStatus(entry: EntryLifecycle, today: string): EntryStatus {
  if (entry.liftedAt) return 'lifted';
  if (entry.expiresOn !== null && entry.expiresOn < today) return 'expired';
  return 'active';
}

export function isActive(entry: EntryLifecycle, today: string): boolean {
  return entryStatus(entry, today) === 'active';
}

/**
 * The Big Data Bureau keeps the list and sees every entry; an agency reporting to it sees, and may
 * lift, the entries it reported itself.
 */
export function maySeeEntry(officerAgency: Agency | undefined, entry: { source: string }): boolean {
  return officerAgency === 'bigdata' || (officerAgency !== undefined && entry.source === officerAgency);
}

/** Why an expiry date cannot be taken on `today`, or undefined: an entry may not be reported already expired. */
export function expiryProblem(expiresOn: string | undefined, today: string): Message | undefined {
  return expiresOn !== undefined && expiresOn < today ? message('sharing.field.expires_on_past', { today }) : undefined;
}
