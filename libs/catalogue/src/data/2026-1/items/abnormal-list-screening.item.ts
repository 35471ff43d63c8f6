import type { CatalogueParameters } from '../../../model/catalogue-parameters.model';
import type { CatalogueItem } from '../../../model/catalogue.model';
import { L } from '../../localized';
import { required } from './item-parts';

/** A step inside the work permit: the Big Data Bureau screens every applicant against the abnormal-information list. */
export function abnormalListScreeningItem(p: CatalogueParameters): CatalogueItem {
  return {
    code: 'ABNORMAL_LIST_SCREENING',
    kind: 'step',
    name: L('异常信息管理列表筛查', 'Abnormal-information list screening'),
    agency: 'bigdata',
    supportingSystem: L('威海市一体化大数据平台（数据共享交换）', 'Weihai integrated big data platform (data sharing and exchange)'),
    legalBasis: [L('《威海市“外国人来华工作一件事”试点工作方案》（威人社字〔2025〕10号）', 'Weihai plan Wei Ren She Zi [2025] No. 10')],
    conditions: [
      L('每件申请提交时自动筛查，无需单独申请', 'Every application is screened at submission; not applied for on its own'),
      L(
        '与列表条目（护照号码和国籍）匹配的，案件共享至所有相关部门，由行政审批服务局牵头会商研判，不自动作出决定',
        'A match (passport number and nationality) shares the case with every agency involved and opens a joint review led by the Administrative Approval Service Bureau; never decided automatically',
      ),
    ],
    result: L('筛查结果：未命中，或转入会商研判', 'Screening result: clear, or referred to joint review'),
    timeLimit: {
      amount: p.abnormalListScreening.screeningWorkingDays,
      unit: 'working_days',
      note: L('会商研判不设固定时限', 'A joint review has no fixed limit'),
    },
    fee: { kind: 'free' },
    prerequisites: [],
    manualByDefault: false,
    actions: [
      {
        action: 'apply',
        name: L('筛查', 'Screen'),
        fields: required('applicant.surname', 'applicant.givenNames', 'applicant.birthDate', 'applicant.nationality', 'applicant.passportNo'),
        materials: [],
      },
    ],
  };
}
