import { type CatalogueParameters, message, type TalentCategory } from '@work-permit/catalogue';
import { earliest, type IsoDate, lastDayOfYears, latest } from '@work-permit/workdays';
import { assertIsoDate } from './civil-date';
import { WorkPermitError, WorkPermitErrorCode } from './work-permit.exception';
import type { PermitTerm } from './work-permit.model';

export interface PermitTermOptions {
  /** The day of the decision. */
  today: IsoDate;
  /** A permit never outlasts the passport it is tied to. */
  passportExpiry: IsoDate;
}

/** The first day of the permit: the contract's start, or the decision day when the contract has already started. */
export function permitStart(contractStart: IsoDate, today: IsoDate): IsoDate {
  return latest(contractStart, today);
}

/**
 * The permit's term: the contract's, never starting before `today`, and ending at the earliest of
 * the contract's end, the last day of the category's cap (A 5, B 2, C 1 years by default) and the
 * passport's expiry. Throws when the contract ends on or before it starts, or nothing is left to permit,
 * with the reason no permit can be granted as its `reason`.
 */
export function permitTerm(
  contractStart: IsoDate,
  contractEnd: IsoDate,
  category: TalentCategory,
  parameters: CatalogueParameters,
  { today, passportExpiry }: PermitTermOptions,
): PermitTerm {
  assertIsoDate(contractStart, 'contractStart');
  assertIsoDate(contractEnd, 'contractEnd');
  assertIsoDate(today, 'today');
  assertIsoDate(passportExpiry, 'passportExpiry');
  if (contractEnd <= contractStart) {
    throw new WorkPermitError(WorkPermitErrorCode.InvalidContractTerm, message('work_permit.term.invalid_contract', { contractStart, contractEnd }));
  }
  const validFrom = permitStart(contractStart, today);
  const validTo = earliest(contractEnd, lastDayOfYears(validFrom, parameters.workPermit.termCapYears[category]), passportExpiry);
  if (validTo < validFrom) {
    throw new WorkPermitError(WorkPermitErrorCode.NoPermitTerm, message('work_permit.term.none_left', { validFrom, contractEnd, passportExpiry }));
  }
  return { validFrom, validTo };
}
