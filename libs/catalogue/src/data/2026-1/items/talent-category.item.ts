import type { CatalogueParameters } from '../../../model/catalogue-parameters.model';
import type { CatalogueItem } from '../../../model/catalogue.model';
import { L } from '../../localized';
import { need, required, TALENT_CLAIMS } from './item-parts';

/** A step inside the work permit: the Science and Technology Bureau computes the points and confirms the category. */
export function talentCategoryItem(p: CatalogueParameters): CatalogueItem {
  const t = p.talentClassification;
  const points = p.points;
  return {
    code: 'TALENT_CATEGORY',
    kind: 'step',
    name: L('外国人才类别认定（积分）', 'Talent category confirmation (points)'),
    agency: 'scitech',
    supportingSystem: L('外国人来华工作管理服务系统', 'National foreigner work management service system'),
    legalBasis: [L('《外国人来华工作分类标准（试行）》（外专发〔2017〕40号）', 'Classification Standard for foreigners working in China (trial), Wai Zhuan Fa [2017] No. 40')],
    conditions: [
      L('随工作许可申请一并认定，无需单独申请', 'Confirmed with every work permit application; not applied for on its own'),
      L(
        `积分满分${points.maximumTotal}分：薪酬、学历、工作经历、在华工作时间、汉语水平、工作地区、年龄、加分项（最高${points.extras.maximum}分）及地方加分（${points.localBonus.minimum}至${points.localBonus.maximum}分）`,
        `Points out of ${points.maximumTotal}: salary, education, experience, months in China, Chinese, work location, age, extras (at most ${points.extras.maximum}) and a local bonus (${points.localBonus.minimum} to ${points.localBonus.maximum})`,
      ),
      L(
        `A类：积分${t.categoryA.minimumPoints}分以上等；B类：积分${t.categoryB.minimumPoints}分以上等；其余为C类`,
        `Category A from ${t.categoryA.minimumPoints} points (among other routes); B from ${t.categoryB.minimumPoints}; otherwise C`,
      ),
      L('认定高端人才、急需紧缺人才，开通绿色通道', 'Confirms high-end and urgently needed status, which opens the green channel'),
    ],
    result: L('人才类别（A/B/C）及积分', 'Talent category (A/B/C) and points'),
    timeLimit: {
      amount: p.workPermit.reviewWorkingDays.categoryA,
      unit: 'working_days',
      note: L('在A类工作许可审查时限内完成，不延长工作许可办理时间', 'Within the category A review limit, so it never delays the work permit'),
    },
    fee: { kind: 'free' },
    prerequisites: [],
    manualByDefault: false,
    actions: [
      {
        action: 'apply',
        name: L('认定', 'Confirm'),
        fields: [
          ...required(
            'applicant.birthDate',
            'applicant.education',
            'applicant.workExperienceYears',
            'applicant.chineseLevel',
            'employment.annualSalaryCny',
            'employment.monthsPerYearInChina',
            'employment.workLocation',
          ),
          ...TALENT_CLAIMS,
        ],
        materials: need('TALENT_CATEGORY_PROOF'),
      },
    ],
  };
}
