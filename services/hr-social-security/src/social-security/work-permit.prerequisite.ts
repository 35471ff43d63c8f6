import type { AssessmentContext, RuleFinding } from '@work-permit/agency-review';
import type { IsoDate } from '@work-permit/workdays';
import { assertIsoDate, assertPresent } from './domain/input-assertions';
import { SocialSecurityError, SocialSecurityErrorCode } from './domain';

const WORK_PERMIT = 'WORK_PERMIT';

/** The work permit each of the bureau's items stands on. */
export interface WorkPermit {
  permitNo: string;
  /** Absent for a permit the applicant already holds: the form gives only its number and end. */
  validFrom?: IsoDate;
  validTo: IsoDate;
  held: boolean;
}

/** The granted WORK_PERMIT prerequisite, decided in the case or taken from the form's holdings. */
export function grantedWorkPermit(context: AssessmentContext): WorkPermit {
  const outcome = context.prerequisites.get(WORK_PERMIT);
  if (outcome?.status !== 'granted') {
    throw new SocialSecurityError(SocialSecurityErrorCode.InvalidArgument, `The ${WORK_PERMIT} prerequisite is not granted (${outcome?.status ?? 'absent'})`);
  }
  const { permitNo, validFrom, validTo } = outcome.result;
  assertPresent(permitNo, 'work permit permitNo');
  assertIsoDate(validTo, 'work permit validTo');
  if (validFrom !== undefined) assertIsoDate(validFrom, 'work permit validFrom');
  const held = outcome.held === true;
  return validFrom === undefined ? { permitNo, validTo, held } : { permitNo, validFrom, validTo, held };
}

/** Each item requires a work permit in force; one held from before the case may have lapsed since. */
export function workPermitInForce(permit: WorkPermit, today: IsoDate): RuleFinding {
  const passed = permit.validTo >= today;
  return {
    rule: 'work_permit_in_force',
    passed,
    message: passed
      ? `Work permit ${permit.permitNo} is valid until ${permit.validTo}.`
      : `Work permit ${permit.permitNo} expired on ${permit.validTo}; the bureau acts only for a foreigner with a work permit in force.`,
  };
}
