import { getCatalogue, localize, message } from '@work-permit/catalogue';
import { insuranceCoverage } from './insurance-coverage.rules';
import { SocialSecurityErrorCode } from './social-security.exception';

const parameters = getCatalogue().parameters;

describe(insuranceCoverage.name, () => {
  it('exempts a German applicant from pension and unemployment insurance and requires the rest', () => {
    expect(insuranceCoverage('DEU', parameters)).toEqual({
      pension: 'exempt_by_agreement',
      medical: 'required',
      work_injury: 'required',
      unemployment: 'exempt_by_agreement',
      maternity: 'required',
    });
  });

  it('exempts a Korean applicant from pension insurance only, as that agreement lists', () => {
    expect(insuranceCoverage('KOR', parameters)).toEqual({
      pension: 'exempt_by_agreement',
      medical: 'required',
      work_injury: 'required',
      unemployment: 'required',
      maternity: 'required',
    });
  });

  it('requires all five insurances of a US applicant, the United States having no agreement in the default list', () => {
    expect(parameters.socialInsurance.agreements).not.toHaveProperty('USA');
    expect(insuranceCoverage('USA', parameters)).toEqual({
      pension: 'required',
      medical: 'required',
      work_injury: 'required',
      unemployment: 'required',
      maternity: 'required',
    });
  });

  it('reads each agreement’s own list of insurances from the parameters', () => {
    const withUsa = { ...parameters, socialInsurance: { ...parameters.socialInsurance, agreements: { USA: { exempt: ['pension', 'medical'] as const } } } };
    expect(insuranceCoverage('USA', withUsa)).toEqual({
      pension: 'exempt_by_agreement',
      medical: 'exempt_by_agreement',
      work_injury: 'required',
      unemployment: 'required',
      maternity: 'required',
    });
    expect(insuranceCoverage('DEU', withUsa).pension).toBe('required');
  });

  it('rejects a nationality that is not an alpha-3 code', () => {
    const reason = message('social_security.input.nationality', { value: '"de"' });
    expect(() => insuranceCoverage('de', parameters)).toThrow(expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument, reason, message: expect.stringContaining(' / ') }));
    expect(localize(reason)).toEqual({ zh: '国籍须为ISO 3166-1三字母代码（如DEU），收到"de"', en: 'nationality must be an ISO 3166-1 alpha-3 code such as DEU, got "de"' });
  });

  it('says a nationality is missing rather than showing nothing', () => {
    expect(() => insuranceCoverage(undefined as unknown as string, parameters)).toThrow(expect.objectContaining({ reason: message('social_security.input.nationality') }));
    expect(localize(message('social_security.input.nationality'))).toEqual({ zh: '国籍须为ISO 3166-1三字母代码（如DEU），未填写', en: 'nationality must be an ISO 3166-1 alpha-3 code such as DEU, got nothing' });
  });
});
