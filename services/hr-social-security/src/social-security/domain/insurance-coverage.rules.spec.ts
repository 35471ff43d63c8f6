import { getCatalogue } from '@work-permit/catalogue';
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
    expect(() => insuranceCoverage('de', parameters)).toThrow(expect.objectContaining({ code: SocialSecurityErrorCode.InvalidArgument }));
  });
});
