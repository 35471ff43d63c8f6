import { type CatalogueParameters, type Message, message } from '@work-permit/catalogue';
import { addCalendarDays, addMonths, daysBetween, type IsoDate, latest, wholeMonthsBetween } from '@work-permit/workdays';
import { assertIsoDate } from './calendar-date';

/** What sets the end of the validity: the work permit, the passport, the applicant's request or the legal maximum. */
export type ValidityLimit = 'work_permit' | 'passport' | 'requested' | 'maximum';

export interface ResidenceValidityInput {
  /** The work permit's first day, when known (a permit held from the form's holdings gives only its end). */
  workPermitValidFrom?: IsoDate;
  workPermitValidTo: IsoDate;
  passportExpiry: IsoDate;
  /** A shorter validity the applicant asks for; a later one is cut like any other. */
  requestedValidTo?: IsoDate;
}

export interface ResidenceRuleOptions {
  /** The day the rule is applied: for the validity, the day of the decision, from which the permit runs at the earliest. */
  today: IsoDate;
}

export interface ResidenceValidityPeriod {
  refused: false;
  validFrom: IsoDate;
  /** The last day of validity, included. */
  validTo: IsoDate;
  /** Whole months covered, a partial month dropped: what the fee is charged on. */
  months: number;
  /** Days covered, `validFrom` and `validTo` both included. */
  days: number;
  limitedBy: ValidityLimit;
}

export interface ResidenceValidityRefusal {
  refused: true;
  code: 'shorter_than_minimum';
  limitedBy: ValidityLimit;
  /** The latest end the limits allow. */
  validTo: IsoDate;
  /** Days from today to `validTo`, both included; 0 or less when the limit has already passed. */
  days: number;
  /** Why no permit can be granted, as a message of the catalogue (`residence_permit.validity.too_short`). */
  reason: Message;
}

export type ResidenceValidity = ResidenceValidityPeriod | ResidenceValidityRefusal;

/**
 * The validity of a work-type residence permit granted `today` (Exit-Entry Administration Law
 * Art. 30): it runs from today, or from the work permit's first day when that is later (a work permit
 * starts with its contract, which may not have begun), and ends on the earliest of the work permit's
 * last day, the passport's expiry, the requested end and the longest validity (`validity.maxMonths`);
 * it is refused when that leaves fewer than `validity.minDays` days. Days are counted with both ends
 * included, so 90 days from 2026-03-02 end on 2026-05-30 and 5 years end on 2031-03-01.
 */
export function residenceValidity(input: ResidenceValidityInput, parameters: CatalogueParameters, { today }: ResidenceRuleOptions): ResidenceValidity {
  assertIsoDate(today, 'today');
  if (input.workPermitValidFrom !== undefined) assertIsoDate(input.workPermitValidFrom, 'workPermitValidFrom');
  assertIsoDate(input.workPermitValidTo, 'workPermitValidTo');
  assertIsoDate(input.passportExpiry, 'passportExpiry');
  if (input.requestedValidTo !== undefined) assertIsoDate(input.requestedValidTo, 'requestedValidTo');

  const { minDays } = parameters.residencePermit.validity;
  const validFrom = input.workPermitValidFrom === undefined ? today : latest(today, input.workPermitValidFrom);
  const limits: [ValidityLimit, IsoDate][] = [
    ['work_permit', input.workPermitValidTo],
    ['passport', input.passportExpiry],
    ...(input.requestedValidTo === undefined ? [] : [['requested', input.requestedValidTo] as [ValidityLimit, IsoDate]]),
    ['maximum', longestValidTo(validFrom, parameters)],
  ];
  // On a tie the earlier entry names the limit, so a refusal or a note points at a document before the law's maximum.
  const [limitedBy, validTo] = limits.reduce((earliest, limit) => (limit[1] < earliest[1] ? limit : earliest));
  const days = daysCovered(validFrom, validTo);

  if (days < minDays) {
    return { refused: true, code: 'shorter_than_minimum', limitedBy, validTo, days, reason: message('residence_permit.validity.too_short', { limitedBy, validTo, validFrom, days, minDays }) };
  }
  return { refused: false, validFrom, validTo, months: wholeMonthsBetween(validFrom, validTo), days, limitedBy };
}

/** The last day of the longest validity (`validity.maxMonths`) of a permit starting on `validFrom`. */
export function longestValidTo(validFrom: IsoDate, parameters: CatalogueParameters): IsoDate {
  return addCalendarDays(addMonths(validFrom, parameters.residencePermit.validity.maxMonths), -1);
}

/** Days from `validFrom` to `validTo`, both included. */
export function daysCovered(validFrom: IsoDate, validTo: IsoDate): number {
  return daysBetween(validFrom, validTo) + 1;
}

/** How a granted validity reads in a finding: "2026-03-02 to 2027-03-01 (12 months, 365 days), ending with the work permit". */
export function describeValidity({ validFrom, validTo, months, days, limitedBy }: ResidenceValidityPeriod): Message {
  return message('residence_permit.validity.granted', { validFrom, validTo, months, days, limitedBy });
}
