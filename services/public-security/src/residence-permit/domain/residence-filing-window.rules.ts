import type { CatalogueParameters } from '@work-permit/catalogue';
import { daysBetween, type IsoDate } from '@work-permit/workdays';
import { assertIsoDate } from './calendar-date';
import { bothLanguages, type ResidencePermitFinding } from './residence-permit-finding.model';
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
  const window =
    max === undefined
      ? { zh: `延期应至迟在有效期届满前${min}日申请`, en: `an extension is filed at least ${min} days before expiry` }
      : { zh: `延期应在有效期届满前${max}日至${min}日之间申请`, en: `an extension is filed ${max} to ${min} days before expiry` };
  if (left < 0) {
    return {
      rule: 'extension_window',
      passed: false,
      message: bothLanguages(`居留许可已于${residencePermitValidTo}到期，申请时已过${-left}日；${window.zh}`, `The residence permit expired on ${residencePermitValidTo}, ${-left} days before filing; ${window.en}.`),
    };
  }
  const passed = left >= min && (max === undefined || left <= max);
  const message = passed
    ? bothLanguages(`于居留许可${residencePermitValidTo}到期前${left}日申请；${window.zh}`, `Filed ${left} days before the residence permit expires on ${residencePermitValidTo}; ${window.en}.`)
    : bothLanguages(
        `于居留许可${residencePermitValidTo}到期前${left}日申请，不在申请期限内：${window.zh}`,
        `Filed ${left} days before the residence permit expires on ${residencePermitValidTo}, outside the window: ${window.en}.`,
      );
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
