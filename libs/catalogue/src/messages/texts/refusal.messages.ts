/** Why a request is refused (the `error.message` of a 4xx answer): officers' decisions, joint reviews, the portal's cases, the shared record. */
import { agencyName, itemName, materialName, names } from '../names';
import { type MessageParam, phrase, word } from '../phrase';
import { STATUS_WORDS } from '../words';

const none = {} as Record<string, never>;

export const REFUSAL_MESSAGES = {
  'error.validation_failed': phrase<Record<string, never>>({
    zh: () => '请求中有无效字段',
    en: () => 'the request has invalid fields',
    example: none,
  }),

  // An officer's decision on an item (agency services, `POST /api/items/:caseId/:code/…`).
  'refusal.case_not_here': phrase<{ caseId: string; agency: string }>({
    zh: ({ caseId, agency }) => `案件${caseId}在${agencyName(agency, 'zh')}没有办理事项`,
    en: ({ caseId, agency }) => `case ${caseId} has no items at ${agencyName(agency, 'en')}`,
    example: { caseId: '4f0c5a2e-0000-4000-8000-000000000001', agency: 'approval' },
  }),
  'refusal.item_not_here': phrase<{ caseId: string; item: string }>({
    zh: ({ caseId, item }) => `案件${caseId}在本部门没有${itemName(item, 'zh')}事项`,
    en: ({ caseId, item }) => `case ${caseId} has no ${itemName(item, 'en')} item at this agency`,
    example: { caseId: '4f0c5a2e-0000-4000-8000-000000000001', item: 'WORK_PERMIT' },
  }),
  'refusal.already_final': phrase<{ item: string; status: string }>({
    zh: ({ item, status }) => `${itemName(item, 'zh')}已办结（${word(STATUS_WORDS, status, 'zh')}）`,
    en: ({ item, status }) => `the ${itemName(item, 'en')} is already ${word(STATUS_WORDS, status, 'en')}`,
    example: { item: 'WORK_PERMIT', status: 'granted' },
  }),
  'refusal.awaiting_documents': phrase<{ item: string; materials: readonly string[] }>({
    zh: ({ item, materials }) => `${itemName(item, 'zh')}正在等待申请人补正材料（${names(materials, materialName, 'zh')}）`,
    en: ({ item, materials }) => `the ${itemName(item, 'en')} is waiting for the applicant's documents (${names(materials, materialName, 'en')})`,
    example: { item: 'WORK_PERMIT', materials: ['HEALTH_CERTIFICATE'] },
  }),
  'refusal.held_by_joint_review': phrase<{ item: string; reason?: MessageParam }>({
    zh: ({ item, reason }, t) => `${itemName(item, 'zh')}须待本案联合研判结束（${reason ? t(reason) : '异常信息管理列表'}）`,
    en: ({ item, reason }, t) => `the ${itemName(item, 'en')} waits for the joint review of the case (${reason ? t(reason) : 'abnormal-information list'})`,
    example: { item: 'WORK_PERMIT', reason: { code: 'review.on_abnormal_list', params: {} } },
  }),
  'refusal.supplement_already_requested': phrase<{ item: string }>({
    zh: ({ item }) => `${itemName(item, 'zh')}已一次性告知补正材料，不能再次要求补正；请批准或不予批准`,
    en: ({ item }) => `documents for the ${itemName(item, 'en')} were already asked for once; approve or reject it`,
    example: { item: 'WORK_PERMIT' },
  }),
  'refusal.unknown_material': phrase<{ materials: readonly string[] }>({
    zh: ({ materials }) => `以下不是事项目录中的材料：${materials.join('、')}`,
    en: ({ materials }) => `not materials of the catalogue: ${materials.join(', ')}`,
    example: { materials: ['LUNCH_MENU'] },
  }),
  'refusal.prerequisites_not_granted': phrase<{ item: string; waitingFor: readonly string[] }>({
    zh: ({ item, waitingFor }) => `${itemName(item, 'zh')}须待${waitingFor.length > 0 ? names(waitingFor, itemName, 'zh') : '其前置事项'}批准后方可决定`,
    en: ({ item, waitingFor }) =>
      `the ${itemName(item, 'en')} cannot be decided before ${waitingFor.length > 0 ? names(waitingFor, itemName, 'en') : 'its prerequisites'} ${waitingFor.length === 1 ? 'is' : 'are'} granted`,
    example: { item: 'RESIDENCE_PERMIT', waitingFor: ['WORK_PERMIT'] },
  }),
  'refusal.result_not_worked_out': phrase<{ item: string; findings: readonly MessageParam[] }>({
    zh: ({ item, findings }, t) => `${itemName(item, 'zh')}不能批准：规则无法得出许可结果（${findings.length > 0 ? findings.map(t).join('；') : '尚未审查'}）`,
    en: ({ item, findings }, t) => `the ${itemName(item, 'en')} cannot be approved: the rules could not work out its result (${findings.length > 0 ? findings.map(t).join('; ') : 'not assessed'})`,
    example: { item: 'WORK_PERMIT', findings: [{ code: 'review.no_result', params: {} }] },
  }),
  'refusal.not_extendable': phrase<{ item: string }>({
    zh: ({ item }) => `${itemName(item, 'zh')}没有可延长的法定决定期限`,
    en: ({ item }) => `the ${itemName(item, 'en')} has no statutory decision limit that can be extended`,
    example: { item: 'SOCIAL_INSURANCE' },
  }),
  'refusal.already_extended': phrase<{ item: string; until: string }>({
    zh: ({ item, until }) => `${itemName(item, 'zh')}的决定期限已延长过一次（至${until}），不能再次延长`,
    en: ({ item, until }) => `the decision limit of the ${itemName(item, 'en')} was already extended once (to ${until}); it cannot be extended again`,
    example: { item: 'WORK_PERMIT', until: '2026-04-14' },
  }),
  'refusal.limit_passed': phrase<{ item: string; ranOutOn: string }>({
    zh: ({ item, ranOutOn }) => `${itemName(item, 'zh')}的法定决定期限已于${ranOutOn}届满，只能在期限届满前延长`,
    en: ({ item, ranOutOn }) => `the statutory limit of the ${itemName(item, 'en')} ran out on ${ranOutOn}; it can be extended only before it runs out`,
    example: { item: 'WORK_PERMIT', ranOutOn: '2026-03-30' },
  }),
  'refusal.clock_not_started': phrase<{ item: string }>({
    zh: ({ item }) => `${itemName(item, 'zh')}尚在等待前置事项，办理期限尚未起算`,
    en: ({ item }) => `the ${itemName(item, 'en')} still waits for its prerequisites; its time limit has not started`,
    example: { item: 'RESIDENCE_PERMIT' },
  }),
  'refusal.other_agency': phrase<{ agency: string }>({
    zh: ({ agency }) => `只有${agencyName(agency, 'zh')}的工作人员可查看和办理其事项`,
    en: ({ agency }) => `only officers of ${agencyName(agency, 'en')} see and decide its items`,
    example: { agency: 'psb' },
  }),

  // Joint reviews (admin-approval, `POST /api/joint-reviews/:caseId/opinions`).
  'refusal.no_joint_review': phrase<{ caseId: string }>({
    zh: ({ caseId }) => `案件${caseId}没有进行中的联合研判`,
    en: ({ caseId }) => `no joint review is open for case ${caseId}`,
    example: { caseId: '4f0c5a2e-0000-4000-8000-000000000001' },
  }),
  'refusal.joint_review_concluded': phrase<{ caseId: string; status: string }>({
    zh: ({ caseId, status }) => `案件${caseId}的联合研判已结束（${word(STATUS_WORDS, status, 'zh')}）`,
    en: ({ caseId, status }) => `the joint review of case ${caseId} is already ${word(STATUS_WORDS, status, 'en')}`,
    example: { caseId: '4f0c5a2e-0000-4000-8000-000000000001', status: 'approved' },
  }),
  'refusal.not_involved': phrase<{ agency: string; caseId: string }>({
    zh: ({ agency, caseId }) => `${agencyName(agency, 'zh')}在案件${caseId}中没有办理事项`,
    en: ({ agency, caseId }) => `${agencyName(agency, 'en')} has no item in case ${caseId}`,
    example: { agency: 'scitech', caseId: '4f0c5a2e-0000-4000-8000-000000000001' },
  }),
  'refusal.already_answered': phrase<{ agency: string }>({
    zh: ({ agency }) => `${agencyName(agency, 'zh')}已提出研判意见`,
    en: ({ agency }) => `${agencyName(agency, 'en')} has already given its opinion`,
    example: { agency: 'psb' },
  }),
  'refusal.cancellations_other_agency': phrase<{ agency: string }>({
    zh: ({ agency }) => `只有${agencyName(agency, 'zh')}的工作人员可查看其注销记录`,
    en: ({ agency }) => `only officers of ${agencyName(agency, 'en')} see its cancellations`,
    example: { agency: 'approval' },
  }),

  // The portal's cases.
  'refusal.case_not_found': phrase<{ caseId: string }>({
    zh: ({ caseId }) => `没有您可查看的案件${caseId}`,
    en: ({ caseId }) => `no case ${caseId} for you`,
    example: { caseId: '4f0c5a2e-0000-4000-8000-000000000001' },
  }),
  'refusal.case_closed': phrase<{ status: string }>({
    zh: ({ status }) => `案件${word(STATUS_WORDS, status, 'zh')}`,
    en: ({ status }) => `the case is already ${word(STATUS_WORDS, status, 'en')}`,
    example: { status: 'withdrawn' },
  }),
  'refusal.item_not_in_case': phrase<{ item: string }>({
    zh: ({ item }) => `本案没有${itemName(item, 'zh')}事项`,
    en: ({ item }) => `the case has no ${itemName(item, 'en')} item`,
    example: { item: 'PROFESSIONAL_TITLE' },
  }),
  'refusal.not_awaiting_supplement': phrase<{ item: string; status: string }>({
    zh: ({ item, status }) => `${itemName(item, 'zh')}${word(STATUS_WORDS, status, 'zh')}，不在待补正状态`,
    en: ({ item, status }) => `the ${itemName(item, 'en')} is ${word(STATUS_WORDS, status, 'en')}, not awaiting documents`,
    example: { item: 'WORK_PERMIT', status: 'in_review' },
  }),
  'refusal.idempotency_key_reused': phrase<Record<string, never>>({
    zh: () => '此 Idempotency-Key 已用于另一次不同的提交',
    en: () => 'this Idempotency-Key was used for a different submission',
    example: none,
  }),
  'refusal.selection_refused': phrase<Record<string, never>>({
    zh: () => '所选事项不能受理',
    en: () => 'the selection cannot be accepted',
    example: none,
  }),
  'refusal.no_case_to_report': phrase<{ caseId: string }>({
    zh: ({ caseId }) => `没有可供您报告的案件${caseId}`,
    en: ({ caseId }) => `no case ${caseId} for you`,
    example: { caseId: '4f0c5a2e-0000-4000-8000-000000000001' },
  }),
  'refusal.permit_not_granted': phrase<Record<string, never>>({
    zh: () => `本案${itemName('WORK_PERMIT', 'zh')}尚未批准，无需报告劳动合同终止。`,
    en: () => 'The work permit of this case has not been granted; there is no permit to cancel.',
    example: none,
  }),
  'refusal.permit_already_cancelled': phrase<{ cancelledOn: string }>({
    zh: ({ cancelledOn }) => `本案${itemName('WORK_PERMIT', 'zh')}已于${cancelledOn}注销。`,
    en: ({ cancelledOn }) => `The work permit of this case was cancelled on ${cancelledOn}.`,
    example: { cancelledOn: '2026-06-01' },
  }),
  'refusal.contract_end_already_reported': phrase<{ reportedOn: string }>({
    zh: ({ reportedOn }) => `劳动合同终止已于${reportedOn}报告，正在办理注销。`,
    en: ({ reportedOn }) => `The end of the contract was reported on ${reportedOn}; the cancellation is under way.`,
    example: { reportedOn: '2026-06-01' },
  }),
  'field.ended_on_after_today': phrase<{ today: string }>({
    zh: ({ today }) => `不得晚于今天（${today}），请在劳动合同终止后报告`,
    en: ({ today }) => `must not be after today (${today} in China): report the end once the contract has ended`,
    example: { today: '2026-06-01' },
  }),
  'refusal.document_not_found': phrase<{ documentNo: string }>({
    zh: ({ documentNo }) => `没有您可查看的文书${documentNo}`,
    en: ({ documentNo }) => `no document ${documentNo} for you`,
    example: { documentNo: 'WH-2026-000123' },
  }),
  'refusal.notification_not_found': phrase<{ id: string }>({
    zh: ({ id }) => `没有您的通知${id}`,
    en: ({ id }) => `no notification ${id} for you`,
    example: { id: '4f0c5a2e-0000-4000-8000-000000000002' },
  }),

  // The shared record and the abnormal-information list (data-sharing).
  'refusal.own_agency_only': phrase<Record<string, never>>({
    zh: () => '工作人员只能以本部门名义报告',
    en: () => 'an officer reports for their own agency only',
    example: none,
  }),
  'refusal.entry_not_found': phrase<{ id: string }>({
    zh: ({ id }) => `没有您可查看的条目${id}`,
    en: ({ id }) => `no entry ${id} on the list you may see`,
    example: { id: '4f0c5a2e-0000-4000-8000-000000000003' },
  }),
  'refusal.entry_not_active': phrase<{ id: string; status: string }>({
    zh: ({ id, status }) => `条目${id}${word(STATUS_WORDS, status, 'zh')}，不再筛查`,
    en: ({ id, status }) => `entry ${id} is ${word(STATUS_WORDS, status, 'en')}: it no longer matches anyone`,
    example: { id: '4f0c5a2e-0000-4000-8000-000000000003', status: 'lifted' },
  }),
  'refusal.entry_already_lifted': phrase<{ id: string }>({
    zh: ({ id }) => `条目${id}已解除`,
    en: ({ id }) => `entry ${id} was lifted already`,
    example: { id: '4f0c5a2e-0000-4000-8000-000000000003' },
  }),
  'refusal.not_screened': phrase<{ caseId: string }>({
    zh: ({ caseId }) => `案件${caseId}尚未筛查`,
    en: ({ caseId }) => `case ${caseId} has not been screened`,
    example: { caseId: '4f0c5a2e-0000-4000-8000-000000000001' },
  }),
  'refusal.not_a_possible_match': phrase<{ caseId: string; outcome: string }>({
    zh: ({ caseId, outcome }) => `案件${caseId}的筛查结果为${word(STATUS_WORDS, outcome, 'zh')}，不是可能匹配`,
    en: ({ caseId, outcome }) => `the screening of case ${caseId} is ${outcome}, not a possible match`,
    example: { caseId: '4f0c5a2e-0000-4000-8000-000000000001', outcome: 'clear' },
  }),
  'refusal.bigdata_only': phrase<Record<string, never>>({
    zh: () => '只有大数据局工作人员可决定可能匹配',
    en: () => 'only Big Data Bureau officers decide possible matches',
    example: none,
  }),
  'refusal.own_access_log_only': phrase<Record<string, never>>({
    zh: () => '只能查看令牌所核验身份本人的访问记录',
    en: () => 'you may read only the access log of the identity your token verifies',
    example: none,
  }),
  'refusal.no_verified_identity': phrase<Record<string, never>>({
    zh: () => '令牌中没有经核验的身份',
    en: () => 'your token carries no verified identity',
    example: none,
  }),
  'refusal.record_readers_only': phrase<Record<string, never>>({
    zh: () => '只有工作人员和统计分析人员可查阅共享档案',
    en: () => 'only officers and analysts read the shared record',
    example: none,
  }),
  'refusal.record_not_found': phrase<Record<string, never>>({
    zh: () => '共享档案中没有此人',
    en: () => 'the shared record knows no such person',
    example: none,
  }),
  'refusal.audit_unavailable': phrase<Record<string, never>>({
    zh: () => '查阅记录暂时无法写入访问日志，档案不予提供，请稍后再试',
    en: () => 'the read cannot be written to the access log just now, so the record is not released; try again later',
    example: none,
  }),
  'refusal.purpose_required': phrase<{ maxLength?: number }>({
    zh: ({ maxLength }) => (maxLength === undefined ? '请求头 X-Purpose 必填：请说明查阅事由' : `请求头 X-Purpose 不得超过${maxLength}个字符`),
    en: ({ maxLength }) => (maxLength === undefined ? 'header X-Purpose is required: say why you read this record' : `header X-Purpose is at most ${maxLength} characters`),
    example: { maxLength: 500 },
  }),
  'refusal.statistics_readers_only': phrase<Record<string, never>>({
    zh: () => '统计数据仅供大数据局的统计分析人员和管理员查看',
    en: () => 'the statistics are for analysts of bigdata and admins',
    example: none,
  }),
};
