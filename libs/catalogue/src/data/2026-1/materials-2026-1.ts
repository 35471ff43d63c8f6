import type { CatalogueParameters } from '../../model/catalogue-parameters.model';
import type { MaterialDefinition } from '../../model/catalogue.model';
import { L } from '../localized';

/** Every document any item asks, once; the items say which they need and when. */
export function materials2026_1(p: CatalogueParameters): MaterialDefinition[] {
  const validity = p.materialValidity;
  return [
    {
      code: 'SIGNED_APPLICATION_FORM',
      name: L('申请表（一表申请，申请人签字、用人单位盖章）', 'Application form (the one form, signed by the applicant, sealed by the employer)'),
      description: L('由平台按所选事项生成的一张合并申请表，替代各事项的单独申请表。', 'The one merged form the platform prints for the chosen items; it replaces each item’s own form.'),
    },
    { code: 'PASSPORT', name: L('护照（信息页）', 'Passport (data page)') },
    {
      code: 'VISA_OR_RESIDENCE_PERMIT',
      name: L('有效签证或居留许可', 'Valid visa or residence permit'),
    },
    {
      code: 'PHOTO',
      name: L('近期正面免冠照片', 'Recent passport photo'),
      validityMonths: validity.photoMonths,
    },
    {
      code: 'TALENT_CATEGORY_PROOF',
      name: L('人才类别证明材料', 'Proof of the talent category'),
      description: L('人才计划、认可成就、薪酬或积分的证明。', 'Proof of the talent programme, recognised achievement, salary or points claimed.'),
    },
    {
      code: 'WORK_EXPERIENCE_PROOF',
      name: L('工作经历证明', 'Proof of work experience'),
      description: L('A类高端人才可以承诺代替。', 'Category A high-end talent may give a written commitment instead.'),
    },
    { code: 'HIGHEST_DEGREE', name: L('最高学位（学历）证书（经认证）', 'Highest degree certificate (authenticated)') },
    {
      code: 'NO_CRIMINAL_RECORD',
      name: L('无犯罪记录证明（经认证或附加证明书）', 'No-criminal-record certificate (authenticated or apostilled)'),
      validityMonths: validity.noCriminalRecordMonths,
    },
    {
      code: 'HEALTH_CERTIFICATE',
      name: L('体检证明', 'Health certificate'),
      validityMonths: validity.healthCertificateMonths,
    },
    {
      code: 'EMPLOYMENT_CONTRACT',
      name: L('劳动合同（中文，载明工作地点、职责、薪酬、期限、岗位）', 'Employment contract (in Chinese, with place, duties, pay, term and position)'),
    },
    { code: 'RESIGNATION_PROOF', name: L('原单位离职或注销证明', 'Proof of resignation from, or cancellation by, the previous employer') },
    {
      code: 'CHANGE_EVIDENCE',
      name: L('变更事项证明材料', 'Evidence of the change'),
      description: L('如新护照、更名证明或新岗位的任职文件。', 'For example the new passport, a certificate of change of name or the appointment to the new position.'),
    },
    { code: 'EMPLOYER_LETTER', name: L('用人单位函件（载明统一社会信用代码）', 'Employer’s letter (giving its unified social credit code)') },
    { code: 'BUSINESS_LICENCE', name: L('用人单位营业执照', 'Employer’s business licence') },
    {
      code: 'WORK_PERMIT_PROOF',
      name: L('工作许可证明（《外国人工作许可通知》或承载工作许可信息的电子社保卡）', 'Work permit proof (Notice of Work Permit, or the e-card carrying the permit data)'),
      producedBy: 'WORK_PERMIT',
    },
    {
      code: 'RESIDENCE_PERMIT_PROOF',
      name: L('居留证件或永久居留身份证', 'Residence permit or permanent residence card'),
      producedBy: 'RESIDENCE_PERMIT',
    },
    { code: 'ACCOMMODATION_REGISTRATION', name: L('境外人员临时住宿登记表', 'Temporary accommodation registration') },
    {
      code: 'SOCIAL_SECURITY_COVERAGE_CERTIFICATE',
      name: L('社会保险参保证明（协定国）', 'Certificate of social security coverage (agreement country)'),
    },
    { code: 'EMPLOYER_RECOMMENDATION', name: L('用人单位推荐意见', 'Employer’s recommendation') },
    { code: 'ACHIEVEMENT_EVIDENCE', name: L('专业技术业绩成果材料', 'Evidence of professional achievements') },
  ];
}
