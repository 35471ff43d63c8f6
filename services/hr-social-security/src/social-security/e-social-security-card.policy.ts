import type { AssessmentContext, CaseFacts, ItemAssessment, ItemPolicy, ItemResultView, RuleFinding } from '@work-permit/agency-review';
import { message } from '@work-permit/catalogue';
import { type ESocialSecurityCard, eSocialSecurityCard, personsSocialSecurityNumber } from './domain';
import { declaredSocialSecurityNo } from './social-security-holdings';
import { grantedWorkPermit, workPermitInForce } from './work-permit.prerequisite';

/**
 * Electronic social security card registration: the card carries the work permit data and is
 * registered with the person's social security number when the case registers social insurance,
 * else with the work permit number. Result: `{ socialSecurityNo?, permitNo, validFrom?, validTo,
 * attributes: { 'card.registeredWith' } }`.
 */
export const eSocialSecurityCardPolicy: ItemPolicy = {
  code: 'E_SOCIAL_SECURITY_CARD',

  assess(facts: CaseFacts, context: AssessmentContext): ItemAssessment {
    const permit = grantedWorkPermit(context);
    const inForce = workPermitInForce(permit, context.today);
    // The number is the person's (the same one SOCIAL_INSURANCE assigns), but the card may carry it
    // only when a registration assigned it: this case's, or an earlier one on this platform that the
    // record pre-filled. A number declared from elsewhere waits for the registration's officer.
    const registersInsurance = facts.items.some((item) => item.code === 'SOCIAL_INSURANCE');
    const person = personsSocialSecurityNumber(facts.applicantId, facts.body.applicant.nationality, declaredSocialSecurityNo(facts.body));
    const carried = person.source === 'kept' || (person.source === 'assigned' && registersInsurance);
    const card = eSocialSecurityCard({
      workPermitNo: permit.permitNo,
      validFrom: permit.validFrom,
      validTo: permit.validTo,
      socialSecurityNo: carried ? person.number : undefined,
    });
    return {
      findings: [inForce, registrationFinding(card)],
      flags: [],
      // A card must not carry a lapsed permit.
      result: inForce.passed ? cardResult(card) : undefined,
    };
  },
};

function registrationFinding(card: ESocialSecurityCard): RuleFinding {
  return {
    rule: 'card_registration',
    passed: true,
    message:
      card.socialSecurityNo === null
        ? message('social_security.card.with_permit', { permitNo: card.workPermit.permitNo })
        : message('social_security.card.with_number', { number: card.socialSecurityNo, permitNo: card.workPermit.permitNo }),
  };
}

function cardResult(card: ESocialSecurityCard): ItemResultView {
  return {
    ...(card.socialSecurityNo === null ? {} : { socialSecurityNo: card.socialSecurityNo }),
    permitNo: card.workPermit.permitNo,
    ...(card.workPermit.validFrom === undefined ? {} : { validFrom: card.workPermit.validFrom }),
    validTo: card.workPermit.validTo,
    attributes: { 'card.registeredWith': card.registeredWith },
  };
}
