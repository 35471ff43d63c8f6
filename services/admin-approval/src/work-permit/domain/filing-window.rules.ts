import type { CatalogueParameters } from '@work-permit/catalogue';
import { daysBetween, type IsoDate } from '@work-permit/workdays';
import { assertIsoDate } from './civil-date';

export type ExtensionRefusalReason = 'too_early' | 'too_late' | 'expired';

export type ExtensionCheck =
  | { allowed: true; daysBeforeExpiry: number }
  | { allowed: false; daysBeforeExpiry: number; reason: ExtensionRefusalReason; message: string };

export type ChangeRefusalReason = 'not_yet_occurred' | 'too_late';

export type ChangeCheck =
  | { allowed: true; daysSinceChange: number }
  | { allowed: false; daysSinceChange: number; reason: ChangeRefusalReason; message: string };

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
  const window =
    max === undefined
      ? { zh: `延期应至迟在工作许可到期前${min}日申请`, en: `An extension may be filed up to ${min} days before the permit expires` }
      : { zh: `延期应在工作许可到期前${max}日至${min}日之间申请`, en: `An extension may be filed from ${max} to ${min} days before the permit expires` };
  if (daysBeforeExpiry < 0) {
    return {
      allowed: false,
      daysBeforeExpiry,
      reason: 'expired',
      message: both(`工作许可已于${currentValidTo}到期，不能延期，请重新申请`, `The permit expired on ${currentValidTo}; an expired permit cannot be extended, apply for a new one.`),
    };
  }
  if (daysBeforeExpiry < min) {
    return {
      allowed: false,
      daysBeforeExpiry,
      reason: 'too_late',
      message: both(`${window.zh}；该许可于${currentValidTo}到期，距今仅${daysBeforeExpiry}日`, `${window.en}; it expires on ${currentValidTo}, only ${daysBeforeExpiry} days from today.`),
    };
  }
  return {
    allowed: false,
    daysBeforeExpiry,
    reason: 'too_early',
    message: both(
      `${window.zh}；该许可于${currentValidTo}到期，距今${daysBeforeExpiry}日，请于到期前${max}日起再申请`,
      `${window.en}; it expires on ${currentValidTo}, ${daysBeforeExpiry} days from today. File again from ${max} days before.`,
    ),
  };
}

/** Chinese first, then English, as the agencies' reasons travel until the message catalogue carries them. */
function both(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

/** A change (name, passport number, position, category) is filed within `changeWindowDays` days of the change, that day included. */
export function checkChange(changeOccurredOn: IsoDate, parameters: CatalogueParameters, { today }: { today: IsoDate }): ChangeCheck {
  assertIsoDate(changeOccurredOn, 'changeOccurredOn');
  assertIsoDate(today, 'today');
  const maxDays = parameters.workPermit.changeWindowDays;
  const daysSinceChange = daysBetween(changeOccurredOn, today);
  if (daysSinceChange >= 0 && daysSinceChange <= maxDays) return { allowed: true, daysSinceChange };
  if (daysSinceChange < 0) {
    return {
      allowed: false,
      daysSinceChange,
      reason: 'not_yet_occurred',
      message: `The change is dated ${changeOccurredOn}, after today; file it once the change has occurred.`,
    };
  }
  return {
    allowed: false,
    daysSinceChange,
    reason: 'too_late',
    message: `A change must be filed within ${maxDays} days; this one occurred on ${changeOccurredOn}, ${daysSinceChange} days ago.`,
  };
}

export type HeldPermitCheck = { inForce: true } | { inForce: false; message: string };

/** A change amends a permit still in force (its last day included); an expired permit is applied for anew, not changed. */
export function checkHeldPermitInForce(validTo: IsoDate, { today }: { today: IsoDate }): HeldPermitCheck {
  assertIsoDate(validTo, 'validTo');
  assertIsoDate(today, 'today');
  if (validTo >= today) return { inForce: true };
  return { inForce: false, message: `The work permit held expired on ${validTo}; an expired permit cannot be changed, apply for a new one.` };
}
