import type { CatalogueParameters } from '../../../model/catalogue-parameters.model';
import type { CatalogueItem } from '../../../model/catalogue.model';
import { countryOptions } from '../../country-options';
import { L } from '../../localized';
import { SOCIAL_INSURANCE_NAMES } from '../../social-insurances';
import { APPLICANT_CONTACT, APPLICANT_IDENTITY, EMPLOYER, need, onlyWhen, optional, required } from './item-parts';

export function socialInsuranceItem(p: CatalogueParameters): CatalogueItem {
  const si = p.socialInsurance;
  const countries = new Map(countryOptions([]).map((option) => [option.value, option.label]));
  const agreements = Object.entries(si.agreements).map(([code, agreement]) => ({
    country: countries.get(code) ?? L(code, code),
    exempt: agreement.exempt.map((insurance) => SOCIAL_INSURANCE_NAMES[insurance]),
  }));
  return {
    code: 'SOCIAL_INSURANCE',
    kind: 'basic',
    name: L('社会保险登记', 'Social insurance registration'),
    agency: 'hrss',
    supportingSystem: L('山东省人力资源社会保障一体化信息平台', 'Shandong human resources and social security integrated information system'),
    legalBasis: [
      L('《中华人民共和国社会保险法》第九十七条', 'Social Insurance Law of the PRC, Art. 97'),
      L(
        '《在中国境内就业的外国人参加社会保险暂行办法》（人力资源社会保障部令第16号，2011年10月15日起施行）',
        'Interim Measures for foreigners employed in China to join social insurance (MOHRSS Order No. 16, effective 2011-10-15)',
      ),
    ],
    conditions: [
      L('已取得工作许可，在威海依法就业', 'Holds a work permit and is lawfully employed in Weihai'),
      L(
        `用人单位自外国人取得工作许可之日起${si.registerWithinDaysOfPermit}日内办理登记`,
        `The employer registers the employee within ${si.registerWithinDaysOfPermit} days of the permit`,
      ),
      L('参加基本养老、基本医疗、工伤、失业和生育保险', 'Covers pension, medical, work-injury, unemployment and maternity insurance'),
      L(
        '与我国签订社会保险双边协定国家的国民，按协定办理并出具参保证明，免除相应险种',
        'Nationals of a country with a social security agreement follow the agreement and show a coverage certificate for the exempt insurances',
      ),
      L(
        `各协定免除的险种：${agreements.map((a) => `${a.country.zh}（${a.exempt.map((name) => name.zh).join('、')}）`).join('；')}`,
        `Exempt under each agreement: ${agreements.map((a) => `${a.country.en} (${a.exempt.map((name) => name.en).join(', ')})`).join('; ')}`,
      ),
    ],
    result: L('社会保障号码和社会保障卡', 'Social security number and card'),
    timeLimit: { amount: si.decisionWorkingDays, unit: 'working_days' },
    fee: { kind: 'free' },
    prerequisites: ['WORK_PERMIT'],
    manualByDefault: false,
    // [?] The province's registered item codes were not in the sources: configuration.
    service: { registeredCode: 'WH-YJS-03' },
    actions: [
      {
        action: 'apply',
        name: L('登记', 'Register'),
        fields: [
          ...APPLICANT_IDENTITY,
          ...APPLICANT_CONTACT,
          ...EMPLOYER,
          ...required('employment.position', 'employment.annualSalaryCny', 'employment.contractStart', 'employment.contractEnd'),
          ...optional('holdings.residencePermitNo', 'holdings.socialSecurityNo', 'insurance.claimsAgreementExemption'),
        ],
        materials: [
          ...need('SIGNED_APPLICATION_FORM', 'PASSPORT', 'WORK_PERMIT_PROOF'),
          onlyWhen('RESIDENCE_PERMIT_PROOF', L('已持有的', 'if already held'), { field: 'holdings.residencePermitNo', present: true }),
          ...need('EMPLOYMENT_CONTRACT'),
          onlyWhen(
            'SOCIAL_SECURITY_COVERAGE_CERTIFICATE',
            L('协定国国民申请免除相应险种的', 'for nationals of an agreement country claiming the exemption'),
            { field: 'applicant.nationality', oneOf: Object.keys(si.agreements) },
            { field: 'insurance.claimsAgreementExemption', equals: true },
          ),
        ],
      },
    ],
  };
}
