import { type CatalogueParameters, type Message, message } from '@work-permit/catalogue';
import { daysBetween, type IsoDate } from '@work-permit/workdays';
import { assertIsoDate } from './civil-date';

export type ExtensionRefusalReason = 'too_early' | 'too_late' | 'expired';

export type ExtensionCheck =
  | { allowed: true; daysBeforeExpiry: number }
  | { allowed: false; daysBeforeExpiry: number; reason: ExtensionRefusalReason; message: Message };

export type ChangeRefusalReason = 'not_yet_occurred' | 'too_late';

export type ChangeCheck =
  | { allowed: true; daysSinceChange: number }
  | { allowed: false; daysSinceChange: number; reason: ChangeRefusalReason; message: Message };

/**
 * An extension is filed from `extensionWindowDays.max` to `extensionWindowDays.min` days before the
 * permit expires, both ends included (30 to 90 by default), as the portal's filing window counts them;
 * without a `max`, any time up to `min` days before.
 */
export function checkExtension(currentValidTo: IsoDate, parameters: CatalogueParameters, { today }: { today: IsoDate }): ExtensionCheck {
  assertIsoDate(currentValidTo, 'currentValidTo');
  assertIsoDate(today, 'today');
  const { min, max } = parameters.workPermit.extensionWindowDays;
  const daysBeforeExpiry = daysBetween(today, currentValidTo);
  if (daysBeforeExpiry >= min && (max === undefined || daysBeforeExpiry <= max)) return { allowed: true, daysBeforeExpiry };
  if (daysBeforeExpiry < 0) {
    return { allowed: false, daysBeforeExpiry, reason: 'expired', message: message('work_permit.extension_window.expired', { validTo: currentValidTo }) };
  }
  if (daysBeforeExpiry < min) {
    return { allowed: false, daysBeforeExpiry, reason: 'too_late', message: message('work_permit.extension_window.too_late', { validTo: currentValidTo, days: daysBeforeExpiry, min, max }) };
  }
  // Outside the window and not too late: too early, which only a window with a `max` can be.
  return { allowed: false, daysBeforeExpiry, reason: 'too_early', message: message('work_permit.extension_window.too_early', { validTo: currentValidTo, days: daysBeforeExpiry, min, max: max ?? min }) };
}

/** A change (name, passport number, position, category) is filed within `changeWindowDays` days of the change, that day included. */
export function checkChange(changeOccurredOn: IsoDate, parameters: CatalogueParameters, { today }: { today: IsoDate }): ChangeCheck {
  assertIsoDate(changeOccurredOn, 'changeOccurredOn');
  assertIsoDate(today, 'today');
  const maxDays = parameters.workPermit.changeWindowDays;
  const daysSinceChange = daysBetween(changeOccurredOn, today);
  if (daysSinceChange >= 0 && daysSinceChange <= maxDays) return { allowed: true, daysSinceChange };
  if (daysSinceChange < 0) {
    return { allowed: false, daysSinceChange, reason: 'not_yet_occurred', message: message('work_permit.change_window.not_yet', { occurredOn: changeOccurredOn }) };
  }
  return { allowed: false, daysSinceChange, reason: 'too_late', message: message('work_permit.change_window.too_late', { maxDays, occurredOn: changeOccurredOn, days: daysSinceChange }) };
}

export type HeldPermitCheck = { inForce: true } | { inForce: false; message: Message };

/** A change amends a permit still in force (its last day included); an expired permit is applied for anew, not changed. */
export function checkHeldPermitInForce(validTo: IsoDate, { today }: { today: IsoDate }): HeldPermitCheck {
  assertIsoDate(validTo, 'validTo');
  assertIsoDate(today, 'today');
  if (validTo >= today) return { inForce: true };
  return { inForce: false, message: message('work_permit.held_permit.expired', { validTo }) };
}
