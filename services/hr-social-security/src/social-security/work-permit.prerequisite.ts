import type { AssessmentContext, RuleFinding } from '@work-permit/agency-review';
import { message } from '@work-permit/catalogue';
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
    throw new SocialSecurityError(SocialSecurityErrorCode.InvalidArgument, message('social_security.input.prerequisite_not_granted', { item: WORK_PERMIT, status: outcome?.status }));
  }
  const { permitNo, validFrom, validTo } = outcome.result;
  assertPresent(permitNo, 'workPermit.permitNo');
  assertIsoDate(validTo, 'workPermit.validTo');
  if (validFrom !== undefined) assertIsoDate(validFrom, 'workPermit.validFrom');
  const held = outcome.held === true;
  return validFrom === undefined ? { permitNo, validTo, held } : { permitNo, validFrom, validTo, held };
}

/** Each item requires a work permit in force; one held from before the case may have lapsed since. */
export function workPermitInForce(permit: WorkPermit, today: IsoDate): RuleFinding {
  const passed = permit.validTo >= today;
  return {
    rule: 'work_permit_in_force',
    passed,
    message: message(passed ? 'social_security.work_permit.in_force' : 'social_security.work_permit.expired', { permitNo: permit.permitNo, validTo: permit.validTo }),
  };
}
