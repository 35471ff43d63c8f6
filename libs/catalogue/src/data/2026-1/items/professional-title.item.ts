import type { CatalogueParameters } from '../../../model/catalogue-parameters.model';
import type { CatalogueItem } from '../../../model/catalogue.model';
import { L } from '../../localized';
import { APPLICANT_CONTACT, APPLICANT_IDENTITY, need, required } from './item-parts';

// The foreigner-specific rules and materials were not found (DOMAIN.md [?]): this follows the
// general title reform rules and the likely materials DOMAIN.md lists.
export function professionalTitleItem(p: CatalogueParameters): CatalogueItem {
  return {
    code: 'PROFESSIONAL_TITLE',
    kind: 'basic',
    name: L('职称评审', 'Professional title evaluation'),
    agency: 'hrss',
    supportingSystem: L('山东省职称评审管理服务平台', 'Shandong professional title evaluation service platform'),
    legalBasis: [
      L('《关于深化职称制度改革的意见》（中办发〔2016〕77号）', 'Opinions on deepening the reform of the professional title system (2016)'),
      L('《职称评审管理暂行规定》（人力资源社会保障部令第40号，2019年）', 'Interim Provisions on professional title evaluation (MOHRSS Order No. 40, 2019)'),
    ],
    conditions: [
      L('在威海依法就业的外籍专业技术人员', 'A foreign professional lawfully employed in Weihai'),
      L('符合所申报系列、级别的评价标准条件', 'Meets the evaluation standard of the series and level applied for'),
      L('由职称评审委员会评审，人工办理', 'Decided by an expert evaluation committee, by hand'),
    ],
    result: L('职称评审结果及职称证书', 'Evaluation result and title certificate'),
    timeLimit: {
      amount: p.professionalTitle.decisionWorkingDays,
      unit: 'working_days',
      note: L('按评审委员会评审周期办理', 'Follows the committee’s sitting schedule'),
    },
    fee: { kind: 'free', note: L('不收费（待确认）', 'Free (to be confirmed)') },
    prerequisites: ['WORK_PERMIT'],
    manualByDefault: true,
    // [?] The province's registered item codes were not in the sources: configuration.
    service: { registeredCode: 'WH-YJS-04' },
    actions: [
      {
        action: 'apply',
        name: L('申报', 'Apply'),
        fields: [
          ...APPLICANT_IDENTITY,
          ...APPLICANT_CONTACT,
          ...required(
            'applicant.education',
            'applicant.workExperienceYears',
            'employer.uscc',
            'employer.name',
            'employer.contactName',
            'employer.contactPhone',
            'employment.position',
            'title.series',
            'title.level',
          ),
        ],
        materials: need('SIGNED_APPLICATION_FORM', 'PASSPORT', 'WORK_PERMIT_PROOF', 'HIGHEST_DEGREE', 'EMPLOYER_RECOMMENDATION', 'ACHIEVEMENT_EVIDENCE'),
      },
    ],
  };
}
