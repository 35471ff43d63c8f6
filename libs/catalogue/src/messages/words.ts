/** The closed sets the messages name in words: statuses, units, flags, education, talent routes… */
import type { Localized } from '../model/catalogue.model';
import { L } from '../data/localized';

/** API.md's item and case status codes. */
export const STATUS_WORDS: Readonly<Record<string, Localized>> = {
  pending: L('等待前置事项', 'pending'),
  in_review: L('审查中', 'in review'),
  awaiting_supplement: L('待补正', 'awaiting documents'),
  joint_review: L('联合研判中', 'in joint review'),
  granted: L('已批准', 'granted'),
  rejected: L('未予批准', 'rejected'),
  terminated: L('已终止', 'terminated'),
  withdrawn: L('已撤回', 'withdrawn'),
  in_progress: L('办理中', 'in progress'),
  completed: L('已办结', 'completed'),
  open: L('进行中', 'open'),
  approved: L('已通过', 'approved'),
  requested: L('待开启', 'requested'),
  active: L('有效', 'active'),
  lifted: L('已解除', 'lifted'),
  expired: L('已过期', 'expired'),
  clear: L('未匹配', 'clear'),
  listed: L('已列入', 'listed'),
  possible: L('可能匹配', 'a possible match'),
};

export const UNIT_WORDS: Readonly<Record<string, Localized>> = {
  working_days: L('个工作日', 'working days'),
  calendar_days: L('日', 'calendar days'),
};

/** Why an officer must look at an item even though every rule passed (the assessments' flags). */
export const FLAG_WORDS: Readonly<Record<string, Localized>> = {
  category_c_quota: L('C类人员在国家配额内准入，配额须由工作人员确认', 'category C is admitted within the national quota, which an officer confirms'),
  prior_permit_unverified: L('证书免交所依据的原工作许可尚未核实', 'the prior work permit the certificate waiver rests on is not verified'),
  contract_started_before_application: L('提交申请时劳动合同已开始履行，可能存在未经许可工作', 'the contract had started when the application was filed: possibly work without a permit'),
  talent_programme_claim_unverified: L('申报的人才计划或成就尚未核实', 'the declared talent programme or achievement is not verified'),
  social_security_no_declared: L('申请表填报的社会保障号码须核实', 'the social security number declared on the form is to be confirmed'),
};

export const EDUCATION_WORDS: Readonly<Record<string, Localized>> = {
  doctorate: L('博士', 'doctorate'),
  master: L('硕士', 'master'),
  bachelor: L('学士', 'bachelor'),
  associate: L('大专', 'associate'),
  none: L('无学位', 'none'),
};

/** How the Science and Technology Bureau reached a talent category. */
export const ROUTE_WORDS: Readonly<Record<string, Localized>> = {
  talent_programme: L('人才计划或公认成就', 'a talent programme or a recognised achievement'),
  salary_multiple: L('薪酬', 'salary'),
  points: L('积分', 'points'),
  degree_and_experience: L('学历和工作经历', 'degree and work experience'),
  other: L('国家配额', 'the national quota'),
};

/** The lines of the points table. */
export const POINTS_FACTOR_WORDS: Readonly<Record<string, Localized>> = {
  annual_salary: L('年薪', 'annual salary'),
  education: L('学历', 'education'),
  work_experience: L('工作经历', 'work experience'),
  months_in_china: L('在华工作时间', 'months in China'),
  chinese_level: L('汉语水平', 'Chinese'),
  work_location: L('工作地点', 'work location'),
  age: L('年龄', 'age'),
  extras: L('加分项', 'extras'),
  local_bonus: L('地方加分', 'local bonus'),
};

/** Certificates the rules name by material code. */
export const CERTIFICATE_WORDS: Readonly<Record<string, Localized>> = {
  NO_CRIMINAL_RECORD: L('无犯罪记录证明', 'no-criminal-record certificate'),
  HEALTH_CERTIFICATE: L('体检证明', 'health certificate'),
};

/** What sets the end of a residence permit's validity. */
export const VALIDITY_LIMIT_WORDS: Readonly<Record<string, Localized>> = {
  work_permit: L('与工作许可同时届满', 'ending with the work permit'),
  passport: L('与护照同时届满', 'ending with the passport'),
  requested: L('于申请的日期届满', 'ending on the requested date'),
  maximum: L('为最长有效期', 'the longest validity allowed'),
};

export const VALIDITY_LIMIT_SUBJECTS: Readonly<Record<string, Localized>> = {
  work_permit: L('工作许可', 'The work permit ends'),
  passport: L('护照', 'The passport expires'),
  requested: L('申请的有效期', 'The requested validity ends'),
  maximum: L('最长有效期', 'The longest validity ends'),
};

/** Who withdrew, reported or decided. */
export const PARTY_WORDS: Readonly<Record<string, Localized>> = {
  applicant: L('申请人', 'applicant'),
  employer: L('用人单位', 'employer'),
  clerk: L('窗口工作人员', 'window clerk'),
};

/** An officer's choices on an item. */
export const DECISION_WORDS: Readonly<Record<string, Localized>> = {
  approve: L('批准', 'approve'),
  reject: L('不予批准', 'reject'),
  supplement: L('要求补正', 'ask for documents'),
};
