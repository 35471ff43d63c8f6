import { type CatalogueParameters, message } from '@work-permit/catalogue';
import { daysBetween, type IsoDate } from '@work-permit/workdays';
import { assertIsoDate } from './calendar-date';
import type { ResidencePermitFinding } from './residence-permit-finding.model';
import type { ResidenceRuleOptions } from './residence-validity.rules';

/**
 * An extension is filed at the latest `extensionWindowDays.min` days before the held permit's last day
 * (Exit-Entry Administration Law Art. 32: at least 30 days before expiry), and not earlier than
 * `extensionWindowDays.max` days before it when the catalogue sets an opening. `today` is the filing day.
 */
export function checkExtension(residencePermitValidTo: IsoDate, parameters: CatalogueParameters, { today }: ResidenceRuleOptions): ResidencePermitFinding {
  assertIsoDate(residencePermitValidTo, 'residencePermitValidTo');
  assertIsoDate(today, 'today');
  const { min, max } = parameters.residencePermit.extensionWindowDays;
  const left = daysBetween(today, residencePermitValidTo);
  const window = { validTo: residencePermitValidTo, min, max };
  if (left < 0) return { rule: 'extension_window', passed: false, message: message('residence_permit.extension_window.expired', { ...window, days: -left }) };
  const passed = left >= min && (max === undefined || left <= max);
  return {
    rule: 'extension_window',
    passed,
    message: message(passed ? 'residence_permit.extension_window.within' : 'residence_permit.extension_window.outside', { ...window, days: left }),
  };
}

/** A change of registered items (Art. 33) is filed within `changeWindowDays` days of the change; `today` is the filing day. */
export function checkChange(changeOccurredOn: IsoDate, parameters: CatalogueParameters, { today }: ResidenceRuleOptions): ResidencePermitFinding {
  assertIsoDate(changeOccurredOn, 'changeOccurredOn');
  assertIsoDate(today, 'today');
  const limit = parameters.residencePermit.changeWindowDays;
  const since = daysBetween(changeOccurredOn, today);
  if (since < 0) return { rule: 'change_window', passed: false, message: message('residence_permit.change_window.after_filing', { occurredOn: changeOccurredOn, filedOn: today }) };
  const passed = since <= limit;
  return {
    rule: 'change_window',
    passed,
    message: message(passed ? 'residence_permit.change_window.within' : 'residence_permit.change_window.late', { days: since, occurredOn: changeOccurredOn, limit }),
  };
}
