import type { AssessmentContext, CaseFacts, ItemAssessment, ItemPolicy, RuleFinding } from '@work-permit/agency-review';
import { type CatalogueParameters, type Message, message, type TalentCategory } from '@work-permit/catalogue';
import { addCalendarDays, type IsoDate, latest } from '@work-permit/workdays';
import {
  assessWorkPermit,
  checkChange,
  checkExtension,
  checkHeldPermitInForce,
  type PermitTerm,
  permitTerm,
  reviewDueWorkingDays,
  type TalentClassification,
  WorkPermitError,
  WorkPermitErrorCode,
  type WorkPermitFlag,
  workPermitNumber,
} from './domain';
import { changedItem, changeOccurredOn, heldWorkPermit, talentClassification, workPermitApplication } from './work-permit.inputs';

/** Rules this policy adds to the domain's findings. */
export const PERMIT_TERM = 'permit_term';
export const EXTENSION_WINDOW = 'extension_window';
export const CHANGE_WINDOW = 'change_window';
export const HELD_PERMIT_IN_FORCE = 'held_permit_in_force';
export const CATEGORY_CHANGE = 'category_change';

/** The Administrative Approval Service Bureau's work permit: issue, change and extension. */
export const workPermitPolicy: ItemPolicy = {
  code: 'WORK_PERMIT',

  // A change runs no talent step and keeps the catalogue's limit; otherwise the category sets it.
  timeLimit(_facts, { parameters, prerequisites, action }) {
    if (action === 'change') return undefined;
    return { amount: reviewDueWorkingDays(talentClassification(prerequisites).category, parameters), unit: 'working_days' };
  },

  assess(facts, context) {
    switch (context.action) {
      case 'issue':
        return assessIssue(facts, context);
      case 'extend':
        return assessExtension(facts, context);
      case 'change':
        return assessChange(facts, context);
      case 'apply':
        throw new WorkPermitError(WorkPermitErrorCode.InvalidArgument, message('work_permit.input.no_apply_action'));
    }
  },
};

function assessIssue(facts: CaseFacts, { today, parameters, prerequisites }: AssessmentContext): ItemAssessment {
  const application = workPermitApplication(facts);
  const classification = talentClassification(prerequisites);
  const { findings, flags } = assessWorkPermit(application, classification, parameters, { today });
  const { contractStart, contractEnd } = application.employment;
  const { passportExpiry } = application.applicant;
  const term = termOf(contractStart, contractEnd, classification.category, parameters, { startsOnOrAfter: today, passportExpiry });
  return {
    findings: [...findings, term.finding],
    flags: [...flags],
    ...(term.term && { result: grantedResult(workPermitNumber(facts.caseId, today), term.term, classification) }),
  };
}

function assessExtension(facts: CaseFacts, { today, parameters, prerequisites }: AssessmentContext): ItemAssessment {
  const held = heldWorkPermit(facts.body);
  const classification = talentClassification(prerequisites);
  // The filing window is the applicant's, so it is judged on the day of filing, not of the decision.
  const check = checkExtension(held.validTo, parameters, { today: facts.submittedOn });
  const window = check.allowed
    ? pass(EXTENSION_WINDOW, message('work_permit.extension_window.within', { days: check.daysBeforeExpiry, validTo: held.validTo }))
    : fail(EXTENSION_WINDOW, check.message);
  const { contractStart, contractEnd } = facts.body.employment;
  // The new term continues the held permit rather than overlapping it from the decision day.
  const startsOnOrAfter = latest(today, addCalendarDays(held.validTo, 1));
  const term = termOf(contractStart, contractEnd, classification.category, parameters, { startsOnOrAfter, passportExpiry: facts.body.applicant.passportExpiry });
  return {
    findings: [window, term.finding],
    flags: quotaFlags(classification.category),
    // Extended under the number held: the permit continues, it is not issued anew.
    ...(check.allowed && term.term && { result: grantedResult(held.permitNo, term.term, classification) }),
  };
}

function assessChange(facts: CaseFacts, { today, parameters, prerequisites }: AssessmentContext): ItemAssessment {
  const held = heldWorkPermit(facts.body);
  const occurredOn = changeOccurredOn(facts.body);
  const check = checkChange(occurredOn, parameters, { today: facts.submittedOn });
  const window = check.allowed
    ? pass(CHANGE_WINDOW, message('work_permit.change_window.within', { days: check.daysSinceChange, occurredOn, maxDays: parameters.workPermit.changeWindowDays }))
    : fail(CHANGE_WINDOW, check.message);
  const inForce = checkHeldPermitInForce(held.validTo, { today });
  const validity = inForce.inForce ? pass(HELD_PERMIT_IN_FORCE, message('work_permit.held_permit.valid', { validTo: held.validTo })) : fail(HELD_PERMIT_IN_FORCE, inForce.message);
  const findings = [window, validity];
  // A change of category carries the category the Science and Technology Bureau confirmed in this case.
  const classification = changedItem(facts.body) === 'category' ? talentClassification(prerequisites) : undefined;
  if (classification) findings.push(categoryChangeFinding(classification));
  return {
    findings,
    flags: classification ? quotaFlags(classification.category) : [],
    // A change amends the permit held: same number, same end (the form does not say when it started,
    // so that is not repeated here), and the held category unless the category is what changes.
    ...(findings.every((finding) => finding.passed) && {
      result: { permitNo: held.permitNo, validTo: held.validTo, ...(classification && { category: classification.category, points: classification.points }) },
    }),
  };
}

function categoryChangeFinding({ category, points }: TalentClassification): RuleFinding {
  return pass(CATEGORY_CHANGE, message('work_permit.category_change', { category, points }));
}

interface TermOptions {
  /** The earliest day the permit may start: the decision day, or the day after the permit it extends. */
  startsOnOrAfter: IsoDate;
  passportExpiry: IsoDate;
}

/** The permit term as a finding; without a term when the domain finds none, so there is nothing to grant. */
function termOf(
  contractStart: IsoDate,
  contractEnd: IsoDate,
  category: TalentCategory,
  parameters: CatalogueParameters,
  { startsOnOrAfter, passportExpiry }: TermOptions,
): { finding: RuleFinding; term?: PermitTerm } {
  try {
    const term = permitTerm(contractStart, contractEnd, category, parameters, { today: startsOnOrAfter, passportExpiry });
    const cap = parameters.workPermit.termCapYears[category];
    return {
      term,
      finding: pass(PERMIT_TERM, message('work_permit.term.granted', { validFrom: term.validFrom, validTo: term.validTo, cap, category, passportExpiry })),
    };
  } catch (error) {
    if (error instanceof WorkPermitError && (error.code === WorkPermitErrorCode.InvalidContractTerm || error.code === WorkPermitErrorCode.NoPermitTerm)) {
      // The domain's reason already says why no permit can be granted.
      return { finding: fail(PERMIT_TERM, error.reason) };
    }
    throw error;
  }
}

function grantedResult(permitNo: string, { validFrom, validTo }: PermitTerm, { category, points }: TalentClassification) {
  return { permitNo, validFrom, validTo, category, points };
}

// A new term of category C uses the national quota, which only an officer can confirm.
function quotaFlags(category: TalentCategory): WorkPermitFlag[] {
  return category === 'C' ? ['category_c_quota'] : [];
}

function pass(rule: string, reason: Message): RuleFinding {
  return { rule, passed: true, message: reason };
}

function fail(rule: string, reason: Message): RuleFinding {
  return { rule, passed: false, message: reason };
}
