import type { CatalogueParameters } from '../../../model/catalogue-parameters.model';
import type { CatalogueItem } from '../../../model/catalogue.model';
import { L } from '../../localized';
import { APPLICANT_IDENTITY, need, optional, required } from './item-parts';

export function eSocialSecurityCardItem(p: CatalogueParameters): CatalogueItem {
  return {
    code: 'E_SOCIAL_SECURITY_CARD',
    kind: 'extended',
    name: L('电子社保卡', 'Electronic social security card'),
    agency: 'hrss',
    supportingSystem: L('电子社保卡服务平台（山东省人力资源社会保障一体化信息平台）', 'Electronic social security card platform (Shandong HRSS integrated information system)'),
    legalBasis: [
      L('人力资源社会保障部通知（人社部发〔2024〕75号）', 'MOHRSS notice Ren She Bu Fa [2024] No. 75'),
      L('《威海市“外国人来华工作一件事”试点工作方案》（威人社字〔2025〕10号）拓展事项', 'Weihai plan Wei Ren She Zi [2025] No. 10, extended item'),
    ],
    conditions: [
      L('已取得工作许可，凭姓名和工作许可号或社会保障号码注册', 'Holds a work permit; registers with name and work permit number or social security number'),
      L('通过实名、实人认证', 'Passes real-name and real-person verification'),
    ],
    result: L('电子社保卡，承载工作许可信息', 'Electronic social security card carrying the work permit data'),
    timeLimit: { amount: p.electronicSocialSecurityCard.decisionWorkingDays, unit: 'working_days' },
    fee: { kind: 'free' },
    prerequisites: ['WORK_PERMIT'],
    manualByDefault: false,
    // [?] The province's registered item codes were not in the sources: configuration.
    service: { registeredCode: 'WH-YJS-05' },
    actions: [
      {
        action: 'apply',
        name: L('申领', 'Apply'),
        fields: [...APPLICANT_IDENTITY, ...required('applicant.phone'), ...optional('applicant.email', 'holdings.socialSecurityNo')],
        materials: need('PASSPORT', 'WORK_PERMIT_PROOF'),
      },
    ],
  };
}
