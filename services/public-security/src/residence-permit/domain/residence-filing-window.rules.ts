import type { CatalogueParameters } from '@work-permit/catalogue';
import { daysBetween, type IsoDate } from '@work-permit/workdays';
import { assertIsoDate } from './calendar-date';
import type { ResidencePermitFinding } from './residence-permit-finding.model';
import type { ResidenceRuleOptions } from './residence-validity.rules';

/**
 * An extension is filed from `extensionWindowDays.max` to `extensionWindowDays.min` days before the
 * held permit's last day, both ends included (Art. 32: at the latest 30 days before expiry). `today`
 * is the filing day.
 */
export function checkExtension(residencePermitValidTo: IsoDate, parameters: CatalogueParameters, { today }: ResidenceRuleOptions): ResidencePermitFinding {
  assertIsoDate(residencePermitValidTo, 'residencePermitValidTo');
  assertIsoDate(today, 'today');
  const { min, max } = parameters.residencePermit.extensionWindowDays;
  const left = daysBetween(today, residencePermitValidTo);
  const window = `an extension is filed ${max} to ${min} days before expiry`;
  if (left < 0) {
    return { rule: 'extension_window', passed: false, message: `The residence permit expired on ${residencePermitValidTo}, ${-left} days before filing; ${window}.` };
  }
  const passed = left >= min && left <= max;
  const message = passed
    ? `Filed ${left} days before the residence permit expires on ${residencePermitValidTo}; ${window}.`
    : `Filed ${left} days before the residence permit expires on ${residencePermitValidTo}, outside the window: ${window}.`;
  return { rule: 'extension_window', passed, message };
}

/** A change of registered items (Art. 33) is filed within `changeWindowDays` days of the change; `today` is the filing day. */
export function checkChange(changeOccurredOn: IsoDate, parameters: CatalogueParameters, { today }: ResidenceRuleOptions): ResidencePermitFinding {
  assertIsoDate(changeOccurredOn, 'changeOccurredOn');
  assertIsoDate(today, 'today');
  const limit = parameters.residencePermit.changeWindowDays;
  const since = daysBetween(changeOccurredOn, today);
  if (since < 0) {
    return { rule: 'change_window', passed: false, message: `The change date ${changeOccurredOn} is after the filing date ${today}; a change is filed once it has occurred.` };
  }
  const passed = since <= limit;
  const message = passed
    ? `Filed ${since} days after the change on ${changeOccurredOn}, within ${limit} days.`
    : `Filed ${since} days after the change on ${changeOccurredOn}; a change is filed within ${limit} days.`;
  return { rule: 'change_window', passed, message };
}
