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
  // The plan sets up the one-thing window at the public security exit-entry hall of the city's
  // government service centre; [?] its hours are configuration; 12345 is the city's government service hotline.
  serviceWindow: {
    place: L(
      '威海市政务服务中心公安机关出入境大厅 外国人来华工作“一件事”窗口',
      'The "one thing" window for foreigners working in China, public security exit-entry hall, Weihai Government Service Centre',
    ),
    hours: L('周一至周五 9:00—12:00，13:30—17:00（法定节假日除外）', 'Monday to Friday 9:00–12:00 and 13:30–17:00, except public holidays'),
    phone: '12345',
    online: L('山东政务服务网（威海）“外国人来华工作一件事”专区', 'The "one thing" section of the Shandong government service portal (Weihai)'),
  },
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
