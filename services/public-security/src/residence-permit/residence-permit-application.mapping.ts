import type { CaseBody, CaseFacts, PrerequisiteOutcome } from '@work-permit/agency-review';
import { type ItemAction, message } from '@work-permit/catalogue';
import type { IsoDate } from '@work-permit/workdays';
import { type ResidencePermitApplication, ResidencePermitError, ResidencePermitErrorCode } from './domain';

/** The `holdings` section of the form: the permits the applicant already holds. */
interface HoldingsSection {
  residencePermitNo?: string;
  residencePermitValidTo?: IsoDate;
}

/** The `change` section of the form. */
interface ChangeSection {
  occurredOn?: IsoDate;
}

/** The residence permit the applicant holds, as the form's holdings give it. */
export interface HeldResidencePermit {
  permitNo?: string;
  validTo?: IsoDate;
}

/**
 * The domain's application for `action` on the case. The filing day is the day the case was
 * submitted; an issue or an extension ends with the work permit (`workPermit`, decided in the case or
 * held), whose first day is known only when it was decided in the case. A date missing from the form
 * or the outcome is passed on as is: the domain refuses it as invalid_argument, naming the field.
 */
export function residencePermitApplicationOf(facts: CaseFacts, action: ItemAction, workPermit: PrerequisiteOutcome | undefined): ResidencePermitApplication {
  const { applicant } = facts.body;
  const base = {
    appliedOn: facts.submittedOn,
    applicant: { birthDate: applicant.birthDate, passportExpiry: applicant.passportExpiry, entryDate: applicant.entryDate },
    materials: facts.materials.map(({ code, issuedAt }) => ({ code, issuedAt })),
  };
  switch (action) {
    case 'issue':
      return { ...base, action, ...workPermitTerm(workPermit) };
    case 'extend':
      return { ...base, action, residencePermitValidTo: holdingsOf(facts.body).residencePermitValidTo as IsoDate, ...workPermitTerm(workPermit) };
    case 'change':
      return { ...base, action, changeOccurredOn: changeOf(facts.body).occurredOn as IsoDate };
    default:
      throw new ResidencePermitError(ResidencePermitErrorCode.InvalidArgument, message('residence_permit.invalid.action', { action }));
  }
}

export function heldResidencePermitOf(body: CaseBody): HeldResidencePermit {
  const { residencePermitNo, residencePermitValidTo } = holdingsOf(body);
  return { permitNo: residencePermitNo, validTo: residencePermitValidTo };
}

function workPermitTerm(workPermit: PrerequisiteOutcome | undefined): { workPermitValidFrom?: IsoDate; workPermitValidTo: IsoDate } {
  if (workPermit?.status !== 'granted') {
    throw new ResidencePermitError(ResidencePermitErrorCode.InvalidArgument, message('residence_permit.invalid.work_permit_not_granted'));
  }
  const { validFrom, validTo } = workPermit.result;
  return { workPermitValidFrom: validFrom, workPermitValidTo: validTo as IsoDate };
}

function holdingsOf(body: CaseBody): HoldingsSection {
  return (body.holdings ?? {}) as HoldingsSection;
}

function changeOf(body: CaseBody): ChangeSection {
  return (body.change ?? {}) as ChangeSection;
}
