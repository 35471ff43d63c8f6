import { type Catalogue, type CatalogueParameters, feeCnyFor, message } from '@work-permit/catalogue';
import { type IsoDate, wholeMonthsBetween } from '@work-permit/workdays';
import { assertIsoDate } from './calendar-date';
import { ResidencePermitError, ResidencePermitErrorCode } from './residence-permit.exception';
import { daysCovered, longestValidTo } from './residence-validity.rules';

const RESIDENCE_PERMIT = 'RESIDENCE_PERMIT';

/**
 * The fee in RMB for a residence permit valid from `validFrom` to `validTo` (both included), by the
 * catalogue's fee rule for RESIDENCE_PERMIT (2026.1: under 1 year 400, 1 to under 3 years 800,
 * 3 to 5 years 1,000).
 *
 * Partial months are dropped: the rule is charged on the whole months covered. A permit one day
 * short of a year is 11 whole months and pays the under-one-year band; that is the only counting
 * under which "validity under 1 year" and "under 12 months" always agree. Rounding up would charge
 * 800 RMB for a permit that is shorter than a year.
 *
 * A validity no permit can have (shorter than `validity.minDays`, longer than `validity.maxMonths`,
 * or ending before it starts) is refused with invalid_argument rather than priced.
 */
export function residenceFee(validFrom: IsoDate, validTo: IsoDate, catalogue: Catalogue): number {
  assertChargeable(validFrom, validTo, catalogue.parameters);
  const item = catalogue.items.find((candidate) => candidate.code === RESIDENCE_PERMIT);
  if (!item) {
    throw new ResidencePermitError(ResidencePermitErrorCode.CatalogueItemMissing, message('residence_permit.catalogue_item_missing', { version: catalogue.version, item: RESIDENCE_PERMIT }));
  }
  return feeCnyFor(item.fee, wholeMonthsBetween(validFrom, validTo));
}

/**
 * The same fee read from `residencePermit.feeBands`, the bands the catalogue item's fee rule is built
 * from: for a caller that is handed the parameters of the case's catalogue version, not the catalogue.
 */
export function residenceFeeFromParameters(validFrom: IsoDate, validTo: IsoDate, parameters: CatalogueParameters): number {
  assertChargeable(validFrom, validTo, parameters);
  return feeCnyFor({ kind: 'by_validity', bands: parameters.residencePermit.feeBands }, wholeMonthsBetween(validFrom, validTo));
}

function assertChargeable(validFrom: IsoDate, validTo: IsoDate, parameters: CatalogueParameters): void {
  assertIsoDate(validFrom, 'validFrom');
  assertIsoDate(validTo, 'validTo');
  if (validTo < validFrom) {
    throw new ResidencePermitError(ResidencePermitErrorCode.InvalidArgument, message('residence_permit.invalid.validity_reversed', { validFrom, validTo }));
  }
  const { minDays, maxMonths } = parameters.residencePermit.validity;
  if (daysCovered(validFrom, validTo) < minDays || validTo > longestValidTo(validFrom, parameters)) {
    throw new ResidencePermitError(ResidencePermitErrorCode.InvalidArgument, message('residence_permit.invalid.validity_no_fee', { validFrom, validTo, minDays, maxMonths }));
  }
}
