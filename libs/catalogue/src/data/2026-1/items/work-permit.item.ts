import type { CatalogueParameters } from '../../../model/catalogue-parameters.model';
import type { CatalogueItem } from '../../../model/catalogue.model';
import { L } from '../../localized';
import { APPLICANT_CONTACT, APPLICANT_IDENTITY, EMPLOYER, EMPLOYMENT, need, onlyWhen, optional, required, step, TALENT_CLAIMS } from './item-parts';

export function workPermitItem(p: CatalogueParameters): CatalogueItem {
  const wp = p.workPermit;
  const t = p.talentClassification;
  const waived = L(
    `近${wp.priorPermitWaiverYears}年内未持有中国工作许可的（持有过的免交）`,
    `if you have not held a Chinese work permit in the last ${wp.priorPermitWaiverYears} years (otherwise waived)`,
  );
  // The form's declaration of a permit held in the waiver years decides it; an officer confirms the declaration.
  const firstApplication = { field: 'history.previousWorkPermitNo', present: false } as const;
  const categoryChange = { field: 'change.workPermitItem', equals: 'category' } as const;
  return {
    code: 'WORK_PERMIT',
    kind: 'basic',
    name: L('外国人来华工作许可', 'Work permit for foreigners working in China'),
    agency: 'approval',
    supportingSystem: L('外国人来华工作管理服务系统', 'National foreigner work management service system'),
    legalBasis: [
      L('《中华人民共和国出境入境管理法》第四十一条', 'Exit and Entry Administration Law of the PRC, Art. 41'),
      L('《中华人民共和国外国人入境出境管理条例》第七条、第十六条', 'Regulations on the Administration of the Entry and Exit of Foreigners, Art. 7 and 16'),
      L('《外国人来华工作许可服务指南（暂行）》（2017年4月1日起施行）', 'Service guide for foreigners’ work permits (interim, effective 2017-04-01)'),
      L('《外国人来华工作分类标准（试行）》（外专发〔2017〕40号）', 'Classification Standard for foreigners working in China (trial), Wai Zhuan Fa [2017] No. 40'),
      L('人力资源社会保障部通知（人社部发〔2024〕75号）：自2024年12月1日起工作许可信息由社会保障卡承载', 'MOHRSS notice Ren She Bu Fa [2024] No. 75: since 2024-12-01 the permit data is carried on the social security card'),
    ],
    conditions: [
      L(`年满${t.minimumAge}周岁，身体健康，无犯罪记录`, `Aged ${t.minimumAge} or over, in good health, no criminal record`),
      L('有确定的用人单位，具有从事其工作所必需的专业技能或相适应的工作经历', 'A confirmed employer in China, and the skills or work experience the position needs'),
      L(`在中国境内工作${wp.longTermStayDays}日以上`, `Work in China for more than ${wp.longTermStayDays} days`),
      L(
        `A类（高端人才）：入选人才计划、获得认可成就、薪酬不低于当地平均工资${t.categoryA.salaryMultipleOfLocalAverage}倍或积分不低于${t.categoryA.minimumPoints}分之一；不受年龄上限和配额限制，可容缺受理`,
        `Category A (high-end talent), by any of: a talent programme, a recognised achievement, salary at least ${t.categoryA.salaryMultipleOfLocalAverage} × the local average wage, or at least ${t.categoryA.minimumPoints} points; no upper age or quota; accepted with missing materials`,
      ),
      L(
        `B类（专业人才）：学士以上学位且${t.categoryB.minimumExperienceYears}年以上相关工作经历、年龄原则上不超过${t.categoryB.maximumAge}周岁，或薪酬不低于当地平均工资${t.categoryB.salaryMultipleOfLocalAverage}倍，或积分不低于${t.categoryB.minimumPoints}分`,
        `Category B (professionals): a bachelor’s degree or higher with ${t.categoryB.minimumExperienceYears} years’ relevant experience and age up to ${t.categoryB.maximumAge} in principle, or salary at least ${t.categoryB.salaryMultipleOfLocalAverage} × the local average wage, or at least ${t.categoryB.minimumPoints} points`,
      ),
      L('C类（其他人员）：按国家配额管理', 'Category C (others): within the national quota'),
      L('职业发生变化的，应重新申请工作许可', 'A new occupation needs a new application, not a change'),
      L(
        `劳动合同解除或到期的，用人单位应在${wp.cancellationWindowDays}日内申请注销`,
        `When the contract ends, the employer cancels the permit within ${wp.cancellationWindowDays} days`,
      ),
    ],
    result: L(
      `外国人来华工作许可：《外国人工作许可通知》或承载工作许可信息的电子社保卡（不再制发实体证件）；期限一般与劳动合同一致，A类最长${wp.termCapYears.A}年，B类最长${wp.termCapYears.B}年，C类最长${wp.termCapYears.C}年`,
      `Work permit: the Notice of Work Permit, or the permit data carried on the electronic social security card (no physical card); term normally the contract’s, at most ${wp.termCapYears.A} years for A, ${wp.termCapYears.B} for B, ${wp.termCapYears.C} for C`,
    ),
    timeLimit: {
      amount: wp.reviewWorkingDays.other,
      unit: 'working_days',
      note: L(
        `A类${wp.reviewWorkingDays.categoryA}个工作日；法定决定期限${wp.decisionWorkingDays}个工作日，可延长${wp.decisionExtensionWorkingDays}个工作日；预审一次性告知需补正的全部材料`,
        `${wp.reviewWorkingDays.categoryA} working days for category A; statutory limit ${wp.decisionWorkingDays} working days, extendable by ${wp.decisionExtensionWorkingDays}; pre-review names every missing item at once`,
      ),
    },
    fee: { kind: 'free', note: L('不收费（待确认）', 'Free (to be confirmed)') },
    prerequisites: ['TALENT_CATEGORY', 'ABNORMAL_LIST_SCREENING'],
    heldEvidenceField: 'holdings.workPermitNo',
    heldValidToField: 'holdings.workPermitValidTo',
    statutoryLimit: { amount: wp.decisionWorkingDays, unit: 'working_days', extendableBy: wp.decisionExtensionWorkingDays },
    manualByDefault: false,
    // [?] The province's registered item codes were not in the sources: configuration.
    service: { registeredCode: 'WH-YJS-01' },
    actions: [
      {
        action: 'issue',
        name: L('签发', 'Issue'),
        fields: [
          ...APPLICANT_IDENTITY,
          ...APPLICANT_CONTACT,
          ...required('applicant.education', 'applicant.workExperienceYears', 'applicant.chineseLevel'),
          ...optional('applicant.entryDate'),
          ...EMPLOYER,
          ...EMPLOYMENT,
          ...optional('history.previousWorkPermitNo', 'history.transferInChina'),
          ...TALENT_CLAIMS,
        ],
        materials: [
          ...need('SIGNED_APPLICATION_FORM', 'PASSPORT'),
          // The form's entry date says the applicant is in China now (a transfer, or a stay on another visa).
          onlyWhen('VISA_OR_RESIDENCE_PERMIT', L('在境内申请的', 'when applying from inside China'), { field: 'applicant.entryDate', present: true }),
          ...need('PHOTO', 'TALENT_CATEGORY_PROOF', 'WORK_EXPERIENCE_PROOF'),
          onlyWhen('HIGHEST_DEGREE', waived, firstApplication),
          onlyWhen('NO_CRIMINAL_RECORD', waived, firstApplication),
          ...need('HEALTH_CERTIFICATE', 'EMPLOYMENT_CONTRACT'),
          onlyWhen('RESIGNATION_PROOF', L('从境内其他单位转聘的', 'for a transfer from another employer in China'), { field: 'history.transferInChina', equals: true }),
        ],
      },
      {
        action: 'change',
        name: L('变更', 'Change'),
        fields: [
          ...APPLICANT_IDENTITY,
          ...APPLICANT_CONTACT,
          ...EMPLOYER,
          ...required('employment.position', 'holdings.workPermitNo', 'holdings.workPermitValidTo', 'change.occurredOn', 'change.workPermitItem'),
        ],
        materials: [
          ...need('SIGNED_APPLICATION_FORM', 'PASSPORT', 'CHANGE_EVIDENCE'),
          onlyWhen('EMPLOYMENT_CONTRACT', L('变更职务的', 'for a change of position'), { field: 'change.workPermitItem', equals: 'position' }),
          onlyWhen('TALENT_CATEGORY_PROOF', L('变更人才类别的', 'for a change of talent category'), categoryChange),
        ],
        window: { kind: 'after_event', eventDateField: 'change.occurredOn', maxDays: wp.changeWindowDays },
        // A change amends the permit held and runs the screening again; a new category is confirmed by
        // the Science and Technology Bureau like a first classification.
        steps: [step('TALENT_CATEGORY', categoryChange), step('ABNORMAL_LIST_SCREENING')],
      },
      {
        action: 'extend',
        name: L('延期', 'Extension'),
        fields: [...APPLICANT_IDENTITY, ...APPLICANT_CONTACT, ...EMPLOYER, ...EMPLOYMENT, ...required('holdings.workPermitNo', 'holdings.workPermitValidTo')],
        materials: need('SIGNED_APPLICATION_FORM', 'PASSPORT', 'VISA_OR_RESIDENCE_PERMIT', 'EMPLOYMENT_CONTRACT'),
        window: { kind: 'before_expiry', expiryField: 'holdings.workPermitValidTo', minDays: wp.extensionWindowDays.min, maxDays: wp.extensionWindowDays.max },
      },
    ],
  };
}
