import { localize, message } from '@work-permit/catalogue';
import { eSocialSecurityCard } from './e-social-security-card.rules';
import { SocialSecurityErrorCode } from './social-security.exception';

const PERMIT = { workPermitNo: '137100202600012', validFrom: '2026-03-02', validTo: '2028-03-01' };

describe(eSocialSecurityCard.name, () => {
  it('carries the work permit data, registered with the permit number before a social security number exists', () => {
    expect(eSocialSecurityCard(PERMIT)).toEqual({
      registeredWith: 'work_permit_no',
      socialSecurityNo: null,
      workPermit: { permitNo: '137100202600012', validFrom: '2026-03-02', validTo: '2028-03-01' },
    });
  });

  it('is registered with the social security number once one is assigned', () => {
    expect(eSocialSecurityCard({ ...PERMIT, socialSecurityNo: 'DEU-371000-7C1E09A4B25D3F86' })).toMatchObject({
      registeredWith: 'social_security_no',
      socialSecurityNo: 'DEU-371000-7C1E09A4B25D3F86',
      workPermit: { permitNo: '137100202600012' },
    });
  });

  it('carries a held permit without its start, which the form does not give', () => {
    const card = eSocialSecurityCard({ workPermitNo: '137100202600012', validTo: '2027-02-28' });
    expect(card.workPermit).toStrictEqual({ permitNo: '137100202600012', validTo: '2027-02-28' });
  });

  it('refuses a permit that ends before it starts', () => {
    const reason = message('social_security.input.permit_ends_before_start', { validFrom: '2026-03-02', validTo: '2026-03-01' });
    expect(() => eSocialSecurityCard({ ...PERMIT, validTo: '2026-03-01' })).toThrow(expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument, reason }));
    expect(localize(reason)).toEqual({ zh: '工作许可有效期截止日（2026-03-01）早于起始日（2026-03-02）', en: 'the work permit ends (2026-03-01) before it starts (2026-03-02)' });
  });

  it('refuses a permit without a valid end', () => {
    expect(() => eSocialSecurityCard({ workPermitNo: '137100202600012', validTo: '2027-02-30' })).toThrow(
      expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument, reason: message('social_security.input.not_a_date', { field: 'workPermit.validTo', value: '"2027-02-30"' }) }),
    );
  });

  it('refuses a blank work permit number', () => {
    expect(() => eSocialSecurityCard({ ...PERMIT, workPermitNo: ' ' })).toThrow(
      expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument, reason: message('social_security.input.required', { field: 'workPermit.permitNo' }) }),
    );
  });
});
