import { getCatalogue, mergeForm, message, validateCaseBody } from '@work-permit/catalogue';
import { exampleBody, TODAY } from '@work-permit/catalogue/testing';
import { createHash } from 'node:crypto';
import { personsSocialSecurityNumber, socialSecurityNumber } from './social-security-number.rules';
import { SocialSecurityErrorCode } from './social-security.exception';

describe(socialSecurityNumber.name, () => {
  it('gives the same person the same number every time', () => {
    expect(socialSecurityNumber('applicant-0001', 'DEU')).toBe(socialSecurityNumber('applicant-0001', 'DEU'));
  });

  it('gives different people different numbers', () => {
    expect(socialSecurityNumber('applicant-0001', 'DEU')).not.toBe(socialSecurityNumber('applicant-0002', 'DEU'));
  });

  it('derives the digest from the applicant id', () => {
    const digest = createHash('sha256').update('social-security:applicant-0001').digest('hex').slice(0, 16).toUpperCase();
    expect(socialSecurityNumber('applicant-0001', 'DEU')).toBe(`DEU-371000-${digest}`);
  });

  it('writes the nationality, Weihai’s division code and 16 hexadecimal characters', () => {
    expect(socialSecurityNumber('applicant-0001', 'USA')).toMatch(/^USA-371000-[0-9A-F]{16}$/);
  });

  it('gives a number the form accepts when the record pre-fills it for the next registration or card', () => {
    const catalogue = getCatalogue();
    const card = [{ code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' as const }];
    const body = exampleBody(mergeForm(catalogue, card).fields, { 'holdings.socialSecurityNo': socialSecurityNumber('applicant-0001', 'DEU') });
    expect(validateCaseBody(catalogue, card, body, { today: TODAY })).toEqual([]);
  });

  it('refuses an empty applicant id', () => {
    expect(() => socialSecurityNumber('', 'DEU')).toThrow(
      expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument, reason: message('social_security.input.required', { field: 'applicantId' }) }),
    );
  });
});

describe(personsSocialSecurityNumber.name, () => {
  const assigned = socialSecurityNumber('applicant-0001', 'DEU');

  it('assigns the person’s number when the form gives none', () => {
    expect(personsSocialSecurityNumber('applicant-0001', 'DEU', undefined)).toEqual({ number: assigned, source: 'assigned' });
  });

  it('keeps the number this platform assigned the person before, as the record pre-fills it', () => {
    expect(personsSocialSecurityNumber('applicant-0001', 'DEU', assigned)).toEqual({ number: assigned, source: 'kept' });
  });

  it('keeps another declared number, marked for confirmation', () => {
    expect(personsSocialSecurityNumber('applicant-0001', 'DEU', 'DEU-370200-0000000000000001')).toEqual({ number: 'DEU-370200-0000000000000001', source: 'declared' });
  });
});
