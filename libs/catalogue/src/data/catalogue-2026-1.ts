import type { Catalogue } from '../model/catalogue.model';
import { abnormalListScreeningItem } from './2026-1/items/abnormal-list-screening.item';
import { eSocialSecurityCardItem } from './2026-1/items/e-social-security-card.item';
import { professionalTitleItem } from './2026-1/items/professional-title.item';
import { residencePermitItem } from './2026-1/items/residence-permit.item';
import { socialInsuranceItem } from './2026-1/items/social-insurance.item';
import { talentCategoryItem } from './2026-1/items/talent-category.item';
import { workPermitItem } from './2026-1/items/work-permit.item';
import { fields2026_1 } from './2026-1/fields-2026-1';
import { materials2026_1 } from './2026-1/materials-2026-1';
import { PARAMETERS_2026_1 } from './2026-1/parameters-2026-1';
import { L } from './localized';

const parameters = PARAMETERS_2026_1;

/** Catalogue 2026.1: the five selectable items of the Weihai plan and the two steps that feed the work permit. */
export const CATALOGUE_2026_1: Catalogue = {
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  agencies: [
    { code: 'approval', name: L('威海市行政审批服务局', 'Weihai Administrative Approval Service Bureau') },
    { code: 'scitech', name: L('威海市科学技术局', 'Weihai Science and Technology Bureau') },
    { code: 'psb', name: L('威海市公安局出入境管理支队', 'Weihai Public Security Bureau, Exit-Entry Administration') },
    { code: 'hrss', name: L('威海市人力资源和社会保障局', 'Weihai Human Resources and Social Security Bureau') },
    { code: 'bigdata', name: L('威海市大数据局', 'Weihai Big Data Bureau') },
  ],
  items: [
    talentCategoryItem(parameters),
    abnormalListScreeningItem(parameters),
    workPermitItem(parameters),
    residencePermitItem(parameters),
    socialInsuranceItem(parameters),
    professionalTitleItem(parameters),
    eSocialSecurityCardItem(parameters),
  ],
  fields: fields2026_1(parameters),
  materials: materials2026_1(parameters),
  parameters,
  dataScopes: {
    extras: {
      scitech: [
        {
          keys: ['materials.HIGHEST_DEGREE', 'materials.WORK_EXPERIENCE_PROOF'],
          why: L('积分中的学历和工作经历分值须与证书核对', 'The points for education and experience are checked against the certificates'),
        },
      ],
    },
    analyst: [
      'applicant.sex',
      'applicant.birthDate',
      'applicant.nationality',
      'applicant.education',
      'applicant.workExperienceYears',
      'applicant.chineseLevel',
      'employer.*',
      'employment.*',
      'permits.*',
      '!employer.contactName',
      '!employer.contactPhone',
    ],
  },
};
