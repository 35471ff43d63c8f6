import { consentOf, declinedFactsOf, prefillConsentErrors, takeConsent } from './prefill-consent';

const FORM = new Set(['applicant.surname', 'applicant.phone', 'applicant.email', 'employment.position']);
const offered = (source: string, sourceCaseId: string) => ({ value: 'x', source, sourceCaseId, updatedAt: '2026-03-01T08:00:00.000Z' });

describe(takeConsent.name, () => {
  it('takes the consent out of the body and leaves the case as it was', () => {
    const body = { items: [], applicant: { surname: 'A' }, prefillConsent: { declined: ['applicant.phone'] } };
    expect(takeConsent(body)).toEqual({ consent: { declined: ['applicant.phone'] }, rest: { items: [], applicant: { surname: 'A' } } });
    expect(takeConsent({ items: [] })).toEqual({ consent: undefined, rest: { items: [] } });
  });
});

describe(prefillConsentErrors.name, () => {
  it('takes no consent, an empty one, and one of paths of the form', () => {
    expect(prefillConsentErrors(undefined, FORM)).toEqual([]);
    expect(prefillConsentErrors({}, FORM)).toEqual([]);
    expect(prefillConsentErrors({ recordVersion: 3, accepted: ['applicant.surname'], declined: ['applicant.phone', 'applicant.email'] }, FORM)).toEqual([]);
  });

  it('names every bad entry at once, each by its place in the body', () => {
    const errors = prefillConsentErrors(
      { recordVersion: -1, accepted: ['applicant.surname', 'applicant.surname', 7], declined: ['applicant.surname', 'applicant.favouriteColour'], value: 'SMITH' },
      FORM,
    );
    expect(errors.map((error) => error.field).sort()).toEqual([
      'prefillConsent.accepted.1',
      'prefillConsent.accepted.2',
      'prefillConsent.declined.0',
      'prefillConsent.declined.1',
      'prefillConsent.recordVersion',
      'prefillConsent.value',
    ]);
    const byField = Object.fromEntries(errors.map((error) => [error.field, error.messages]));
    expect(byField['prefillConsent.declined.0']?.en).toBe('cannot be both accepted and declined');
    expect(byField['prefillConsent.declined.1']?.zh).toBe('applicant.favouriteColour不是所选事项表单中的字段');
    expect(byField['prefillConsent.accepted.1']?.en).toBe('is listed more than once');
    expect(byField['prefillConsent.value']?.en).toBe('unknown field');
  });

  it('refuses a consent that is not an object, and lists that are not lists', () => {
    expect(prefillConsentErrors(['applicant.phone'], FORM).map((error) => error.field)).toEqual(['prefillConsent']);
    expect(prefillConsentErrors({ declined: 'applicant.phone', recordVersion: 1.5 }, FORM).map((error) => error.field).sort()).toEqual(['prefillConsent.declined', 'prefillConsent.recordVersion']);
  });
});

describe(declinedFactsOf.name, () => {
  const record = {
    version: 4,
    fields: { 'applicant.phone': offered('portal.case.submitted', 'c1'), 'holdings.workPermitNo': offered('approval.item.decided', 'c2'), 'applicant.email': offered('portal.case.submitted', 'c1') },
  };

  it('gives each declined fact the record offers with its version and source, never its value', () => {
    expect(declinedFactsOf(consentOf({ accepted: ['applicant.email'], declined: ['holdings.workPermitNo', 'applicant.phone'] }), record)).toEqual([
      { path: 'applicant.phone', recordVersion: 4, source: 'portal.case.submitted', sourceCaseId: 'c1', updatedAt: '2026-03-01T08:00:00.000Z' },
      { path: 'holdings.workPermitNo', recordVersion: 4, source: 'approval.item.decided', sourceCaseId: 'c2', updatedAt: '2026-03-01T08:00:00.000Z' },
    ]);
  });

  it('has nothing to refuse where the record offers nothing: no record, or a path it does not hold', () => {
    expect(declinedFactsOf(consentOf({ declined: ['applicant.phone'] }), undefined)).toEqual([]);
    expect(declinedFactsOf(consentOf({ declined: ['employment.position'] }), record)).toEqual([]);
    expect(declinedFactsOf(consentOf(undefined), record)).toEqual([]);
  });
});
