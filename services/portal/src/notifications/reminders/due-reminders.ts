/** The permits whose holders are reminded to extend them. */
export const EXPIRING_PERMITS: readonly string[] = ['WORK_PERMIT', 'RESIDENCE_PERMIT'];

export interface PlannedReminder {
  daysBefore: number;
  remindOn: string;
  validTo: string;
  permitNo: string | null;
}

export type ReminderVerdict = 'send' | 'skip' | 'wait';

/** One reminder per configured day count for a granted permit with a validTo; none for anything else. */
export function planReminders(itemCode: string, result: Record<string, unknown> | undefined, reminderDays: readonly number[]): PlannedReminder[] {
  if (!EXPIRING_PERMITS.includes(itemCode) || !result) return [];
  const validTo = result.validTo;
  if (typeof validTo !== 'string' || !isIsoDate(validTo)) return [];
  const permitNo = typeof result.permitNo === 'string' && result.permitNo ? result.permitNo : null;
  return reminderDays.map((daysBefore) => ({ daysBefore, remindOn: addDays(validTo, -daysBefore), validTo, permitNo }));
}

/**
 * What to do with a pending reminder today (China): wait until its day; then send it, unless the
 * permit has expired or a later reminder (fewer days before) is already due — after an outage, or
 * for a permit granted late, the holder gets the one most recent reminder, not a burst.
 */
export function reminderVerdict(reminder: { daysBefore: number; validTo: string }, reminderDays: readonly number[], today: string): ReminderVerdict {
  if (today < addDays(reminder.validTo, -reminder.daysBefore)) return 'wait';
  if (today > reminder.validTo) return 'skip';
  const laterDue = reminderDays.some((days) => days < reminder.daysBefore && addDays(reminder.validTo, -days) <= today);
  return laterDue ? 'skip' : 'send';
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && addDays(value, 0) === value;
}
