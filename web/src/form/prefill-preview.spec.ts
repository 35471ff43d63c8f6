import type { FormField } from '../api/types';
import {
  acceptAll,
  applyConsent,
  consentForBody,
  consentOfContent,
  decide,
  decisionOf,
  factsBySection,
  NO_CONSENT,
  recordVersionOf,
  reusableFacts,
  sourceOf,
  undecidedFacts,
} from './prefill-preview';

const approval = { code: 'approval', name: { zh: '威海市行政审批服务局', en: 'Weihai Administrative Approval Service Bureau' } };
const offered = (value: unknown, extra: Partial<NonNullable<FormField['prefill']>> = {}) => ({
  value,
  source: 'portal.case.submitted',
  sourceCaseId: '1a2b3c4d-0000-4000-8000-000000000000',
  updatedAt: '2026-03-01T08:00:00.000Z',
  recordVersion: 5,
  sourceAgency: null,
  ...extra,
});
const field = (path: string, prefill?: FormField['prefill']): FormField => ({ path, type: 'string', required: true, label: { zh: path, en: path }, ...(prefill ? { prefill } : {}) });

const FIELDS = [
  field('applicant.surname', offered('SCHMIDT')),
  field('applicant.passportNo', offered('C01X00T47')),
  field('applicant.phone', offered('+8613800138000')),
  field('applicant.email'),
  field('holdings.workPermitNo', offered('WP2026001', { source: 'approval.item.decided', sourceAgency: approval })),
  field('applicant.entryDate', offered('')),
];
const VERIFIED = { 'applicant.passportNo': 'C01X00T47' };

describe(reusableFacts.name, () => {
  it('offers each fact of the record in the form’s order, but what the verified sign-in fixes and empty values', () => {
    const facts = reusableFacts(FIELDS, VERIFIED);
    expect(facts.map((fact) => fact.path)).toEqual(['applicant.surname', 'applicant.phone', 'holdings.workPermitNo']);
    expect(facts[2]).toMatchObject({ value: 'WP2026001', source: 'approval.item.decided', sourceAgency: approval, updatedAt: '2026-03-01T08:00:00.000Z', recordVersion: 5 });
    expect(recordVersionOf(facts)).toBe(5);
    expect(reusableFacts([field('applicant.email')])).toEqual([]);
    expect(recordVersionOf([])).toBeUndefined();
  });
});

describe(factsBySection.name, () => {
  it('groups the facts by the form’s sections, in its order', () => {
    expect(factsBySection(reusableFacts(FIELDS, VERIFIED)).map(({ section, facts }) => [section, facts.map((fact) => fact.path)])).toEqual([
      ['applicant', ['applicant.surname', 'applicant.phone']],
      ['holdings', ['holdings.workPermitNo']],
    ]);
  });
});

describe('answering the preview', () => {
  const facts = reusableFacts(FIELDS, VERIFIED);

  it('waits for an answer to each fact', () => {
    expect(undecidedFacts(facts, NO_CONSENT)).toHaveLength(3);
    const partly = decide(decide(NO_CONSENT, 'applicant.surname', 'accepted', 5), 'applicant.phone', 'declined', 5);
    expect(undecidedFacts(facts, partly).map((fact) => fact.path)).toEqual(['holdings.workPermitNo']);
    expect(partly).toEqual({ recordVersion: 5, accepted: ['applicant.surname'], declined: ['applicant.phone'] });
  });

  it('keeps one answer per fact: the last given', () => {
    const changed = decide(decide(NO_CONSENT, 'applicant.phone', 'declined'), 'applicant.phone', 'accepted');
    expect(changed).toEqual({ accepted: ['applicant.phone'], declined: [] });
    expect(decisionOf(changed, 'applicant.phone')).toBe('accepted');
    expect(decisionOf(changed, 'applicant.surname')).toBeUndefined();
  });

  it('accepts all at once, a declined one too', () => {
    const all = acceptAll(facts, decide(NO_CONSENT, 'applicant.phone', 'declined'), 5);
    expect(all).toEqual({ recordVersion: 5, accepted: ['applicant.surname', 'applicant.phone', 'holdings.workPermitNo'], declined: [] });
    expect(undecidedFacts(facts, all)).toEqual([]);
  });
});

describe(applyConsent.name, () => {
  const facts = reusableFacts(FIELDS, VERIFIED);
  const empty = { 'applicant.surname': '', 'applicant.phone': '', 'holdings.workPermitNo': '', 'applicant.passportNo': 'C01X00T47' };

  it('fills only the accepted facts; a declined one stays empty, to be asked again', () => {
    const answer = decide(decide(decide(NO_CONSENT, 'applicant.surname', 'accepted'), 'applicant.phone', 'declined'), 'holdings.workPermitNo', 'accepted');
    expect(applyConsent(empty, facts, NO_CONSENT, answer)).toEqual({ ...empty, 'applicant.surname': 'SCHMIDT', 'holdings.workPermitNo': 'WP2026001' });
  });

  it('never overwrites what the applicant typed, and empties a fact declined later only if it still holds the record’s value', () => {
    const accepted = acceptAll(facts, NO_CONSENT);
    const typed = { ...applyConsent(empty, facts, NO_CONSENT, accepted), 'applicant.surname': 'SCHMIDT-MÜLLER' };
    const declinedLater = decide(decide(accepted, 'applicant.surname', 'declined'), 'applicant.phone', 'declined');
    expect(applyConsent(typed, facts, accepted, declinedLater)).toEqual({ ...typed, 'applicant.phone': '' });
    expect(applyConsent({ ...empty, 'applicant.phone': '+8613911112222' }, facts, NO_CONSENT, accepted)['applicant.phone']).toBe('+8613911112222');
  });

  it('changes nothing where the answer did not change', () => {
    const answer = acceptAll(facts, NO_CONSENT);
    const filled = applyConsent(empty, facts, NO_CONSENT, answer);
    expect(applyConsent({ ...filled, 'applicant.phone': '' }, facts, answer, answer)['applicant.phone']).toBe('');
  });
});

describe(consentOfContent.name, () => {
  it('restores the answer a draft kept, well-formed entries only', () => {
    expect(consentOfContent({ prefillConsent: { recordVersion: 5, accepted: ['applicant.surname', 7], declined: ['applicant.phone'] } })).toEqual({
      recordVersion: 5,
      accepted: ['applicant.surname'],
      declined: ['applicant.phone'],
    });
    expect(consentOfContent({ prefillConsent: 'yes' })).toBeUndefined();
    expect(consentOfContent(undefined)).toBeUndefined();
  });
});

describe(consentForBody.name, () => {
  it('sends the answer only when the record offered something or an answer was given', () => {
    expect(consentForBody([], NO_CONSENT)).toEqual({});
    const facts = reusableFacts(FIELDS, VERIFIED);
    expect(consentForBody(facts, NO_CONSENT)).toEqual({ prefillConsent: NO_CONSENT });
  });
});

describe(sourceOf.name, () => {
  it('names the agency of a decision, or the case a value was filed with, by its short number', () => {
    const [surname, , permit] = reusableFacts(FIELDS, VERIFIED);
    expect(sourceOf(surname)).toEqual({ key: 'filed', caseId: '1a2b3c4d' });
    expect(sourceOf(permit)).toEqual({ key: 'decided', agency: approval.name, caseId: '1a2b3c4d' });
  });
});
