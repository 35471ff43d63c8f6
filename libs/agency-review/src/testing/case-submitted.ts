import type { MessageInitShape } from '@bufbuild/protobuf';
import { Channel, type CaseSubmittedSchema } from '@work-permit/contracts';
import type { CaseFacts } from '../policy/item-policy';

type Section = Record<string, unknown>;

/** The portal's CaseSubmitted for a case, for tests that play the portal on the bus. */
export function caseSubmittedOf(facts: CaseFacts): MessageInitShape<typeof CaseSubmittedSchema> {
  const { applicant, employer, employment, ...rest } = facts.body;
  return {
    caseId: facts.caseId,
    channel: Channel.ONLINE,
    submittedBy: { subject: 'applicant-test', role: 'applicant' },
    items: facts.items,
    applicant: { ...applicant },
    employer: { ...employer },
    employment: { ...employment, annualSalaryCny: BigInt(employment.annualSalaryCny) },
    materials: facts.materials,
    catalogueVersion: facts.catalogueVersion,
    applicantId: facts.applicantId,
    additionalFields: withoutUndefined(rest) as never,
  };
}

function withoutUndefined(section: Section): Section {
  return Object.fromEntries(
    Object.entries(section)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, value !== null && typeof value === 'object' && !Array.isArray(value) ? withoutUndefined(value as Section) : value]),
  );
}
