import type { CatalogueParameters } from '../../model/catalogue-parameters.model';
import type { FieldDefinition, FieldOption, FieldRule } from '../../model/catalogue.model';
import { countryOptions } from '../country-options';
import { L } from '../localized';

/**
 * Residents of Hong Kong, Macao and Taiwan have not needed a work permit since 2018 (State Council,
 * Guo Fa [2018] No. 28), and Chinese citizens are not foreigners: the form does not offer them.
 */
const NOT_FOREIGN = ['CHN', 'HKG', 'MAC', 'TWN'];

const PASSPORT_NO: FieldRule = {
  kind: 'pattern',
  pattern: '^[A-Z0-9]{5,20}$',
  message: L('护照号码应为5至20位大写字母或数字', 'must be 5 to 20 upper-case letters or digits'),
};
/**
 * A number an authority issued: permits and social security numbers. Real-world numbers are letters
 * and digits (`137100202600012`, `Y37100456789`); the numbers this platform issues are groups joined
 * by hyphens (`RP-371000-3F9A0C1B7D2E4F60`, `DEU-371000-7C1E09A4B25D3F86`), and must be accepted when
 * the shared record pre-fills them for the next change or extension.
 */
const ISSUED_NO: FieldRule = {
  kind: 'pattern',
  pattern: '^(?=.{6,32}$)[A-Z0-9]+(-[A-Z0-9]+)*$',
  message: L('证件号码应为6至32位大写字母或数字，可用连字符分段', 'must be 6 to 32 upper-case letters or digits, in groups joined by single hyphens'),
};

const SHORT_TEXT: FieldRule = { kind: 'maxLength', value: 100 };
const LONG_TEXT: FieldRule = { kind: 'maxLength', value: 300 };

const EDUCATION: FieldOption[] = [
  { value: 'doctorate', label: L('博士', 'Doctorate') },
  { value: 'master', label: L('硕士', 'Master') },
  { value: 'bachelor', label: L('学士', 'Bachelor') },
  { value: 'associate', label: L('专科', 'Associate') },
  { value: 'none', label: L('无学位', 'None') },
];

const CHINESE_LEVEL: FieldOption[] = [
  { value: 'none', label: L('无', 'None') },
  ...[1, 2, 3, 4, 5, 6].map((level) => ({ value: `HSK${level}`, label: L(`汉语水平考试${level}级`, `HSK level ${level}`) })),
  { value: 'chinese-degree', label: L('以中文为授课语言获得学位', 'Degree taught in Chinese') },
];

/** Weihai's county-level divisions and development zones, by their statistical division codes. */
const WEIHAI_LOCATIONS: FieldOption[] = [
  { value: '371002', label: L('环翠区', 'Huancui District') },
  { value: '371003', label: L('文登区', 'Wendeng District') },
  { value: '371082', label: L('荣成市', 'Rongcheng') },
  { value: '371083', label: L('乳山市', 'Rushan') },
  { value: '371071', label: L('威海火炬高技术产业开发区', 'Weihai Torch Hi-tech Industrial Development Zone') },
  { value: '371072', label: L('威海经济技术开发区', 'Weihai Economic and Technological Development Zone') },
  { value: '371073', label: L('威海临港经济技术开发区', 'Weihai Lingang Economic and Technological Development Zone') },
];

/** Every field any item asks, in the order the merged form shows them. */
export function fields2026_1(p: CatalogueParameters): FieldDefinition[] {
  return [
    // The applicant: fixed paths (API.md).
    { path: 'applicant.surname', type: 'string', label: L('姓（与护照一致）', 'Surname (as in the passport)'), rules: [SHORT_TEXT], example: 'SCHMIDT' },
    { path: 'applicant.givenNames', type: 'string', label: L('名（与护照一致）', 'Given names (as in the passport)'), rules: [SHORT_TEXT], example: 'MARIA ANNA' },
    {
      path: 'applicant.sex',
      type: 'enum',
      label: L('性别', 'Sex'),
      options: [
        { value: 'M', label: L('男', 'Male') },
        { value: 'F', label: L('女', 'Female') },
      ],
      rules: [],
      example: 'F',
    },
    { path: 'applicant.birthDate', type: 'date', label: L('出生日期', 'Date of birth'), rules: [{ kind: 'notInFuture' }], example: '1988-04-12' },
    {
      path: 'applicant.nationality',
      type: 'enum',
      label: L('国籍', 'Nationality'),
      options: countryOptions(NOT_FOREIGN),
      rules: [{ kind: 'iso3166Alpha3' }],
      example: 'DEU',
    },
    { path: 'applicant.passportNo', type: 'string', label: L('护照号码', 'Passport number'), rules: [PASSPORT_NO], example: 'C01X00T47' },
    {
      path: 'applicant.passportExpiry',
      type: 'date',
      label: L('护照有效期至', 'Passport valid until'),
      rules: [{ kind: 'notInPast' }],
      example: '2034-05-31',
    },
    { path: 'applicant.email', type: 'string', label: L('电子邮箱', 'Email'), rules: [{ kind: 'email' }, SHORT_TEXT], example: 'maria.schmidt@example.com' },
    { path: 'applicant.phone', type: 'string', label: L('手机号码', 'Mobile phone'), rules: [{ kind: 'phone' }], example: '+8613800138000' },
    { path: 'applicant.education', type: 'enum', label: L('最高学位', 'Highest degree'), options: EDUCATION, rules: [], example: 'master' },
    {
      path: 'applicant.workExperienceYears',
      type: 'integer',
      label: L('相关工作经历（年）', 'Relevant work experience (years)'),
      rules: [
        { kind: 'min', value: 0 },
        { kind: 'max', value: 70 },
      ],
      example: 8,
    },
    { path: 'applicant.chineseLevel', type: 'enum', label: L('汉语水平', 'Chinese level'), options: CHINESE_LEVEL, rules: [], example: 'HSK4' },
    { path: 'applicant.entryDate', type: 'date', label: L('入境日期', 'Date of entry into China'), rules: [{ kind: 'notInFuture' }], example: '2025-09-10' },

    // The employer: fixed paths.
    {
      path: 'employer.uscc',
      type: 'string',
      label: L('统一社会信用代码', 'Unified social credit code'),
      rules: [{ kind: 'uscc' }],
      example: '91371000MA3C5LXX0F',
    },
    { path: 'employer.name', type: 'string', label: L('用人单位名称', 'Employer name'), rules: [{ kind: 'maxLength', value: 200 }], example: 'Weihai Example Technology Co., Ltd.' },
    { path: 'employer.contactName', type: 'string', label: L('单位联系人', 'Employer contact person'), rules: [SHORT_TEXT], example: 'WANG Fang' },
    { path: 'employer.contactPhone', type: 'string', label: L('单位联系电话', 'Employer contact phone'), rules: [{ kind: 'phone' }], example: '+866315200000' },
    { path: 'employer.address', type: 'string', label: L('单位地址', 'Employer address'), rules: [LONG_TEXT], example: '1 Example Road, Huancui District, Weihai, Shandong' },

    // The employment: fixed paths.
    { path: 'employment.position', type: 'string', label: L('工作岗位', 'Position'), rules: [SHORT_TEXT], example: 'Senior mechanical engineer' },
    {
      path: 'employment.annualSalaryCny',
      type: 'integer',
      label: L('年薪（人民币元）', 'Annual salary (RMB)'),
      rules: [
        { kind: 'min', value: 0 },
        { kind: 'max', value: 1_000_000_000 },
      ],
      example: 480000,
    },
    { path: 'employment.contractStart', type: 'date', label: L('劳动合同起始日', 'Contract start'), rules: [], example: '2026-03-01' },
    {
      path: 'employment.contractEnd',
      type: 'date',
      label: L('劳动合同终止日', 'Contract end'),
      rules: [{ kind: 'after', field: 'employment.contractStart' }],
      example: '2028-02-29',
    },
    {
      path: 'employment.monthsPerYearInChina',
      type: 'integer',
      label: L('每年在华工作月数', 'Months a year working in China'),
      rules: [
        { kind: 'min', value: 0 },
        { kind: 'max', value: 12 },
      ],
      example: 12,
    },
    { path: 'employment.workLocation', type: 'enum', label: L('工作地点', 'Work location'), options: WEIHAI_LOCATIONS, rules: [], example: '371002' },

    // Permits already held: evidence for a dependant chosen without its prerequisite, and the
    // expiry dates that the change and extension windows read.
    { path: 'holdings.workPermitNo', type: 'string', label: L('现持工作许可证号', 'Number of the work permit held'), rules: [ISSUED_NO], example: '137100202600012' },
    { path: 'holdings.workPermitValidTo', type: 'date', label: L('现持工作许可有效期至', 'Work permit held valid until'), rules: [], example: '2027-02-28' },
    { path: 'holdings.residencePermitNo', type: 'string', label: L('现持居留许可号码', 'Number of the residence permit held'), rules: [ISSUED_NO], example: 'Y37100456789' },
    {
      path: 'holdings.residencePermitValidTo',
      type: 'date',
      label: L('现持居留许可有效期至', 'Residence permit held valid until'),
      rules: [],
      example: '2027-02-28',
    },
    // The person's number, once assigned: it stays theirs for every later registration and card.
    { path: 'holdings.socialSecurityNo', type: 'string', label: L('已有的社会保障号码', 'Social security number already assigned'), rules: [ISSUED_NO], example: 'DEU-371000-7C1E09A4B25D3F86' },

    // Changes.
    { path: 'change.occurredOn', type: 'date', label: L('变更事项发生日期', 'Date the change occurred'), rules: [{ kind: 'notInFuture' }], example: '2025-09-05' },
    {
      path: 'change.workPermitItem',
      type: 'enum',
      label: L('工作许可变更事项', 'Work permit item changed'),
      options: [
        { value: 'name', label: L('姓名', 'Name') },
        { value: 'passportNo', label: L('护照号码', 'Passport number') },
        { value: 'position', label: L('职务（同一职业内）', 'Position (same occupation)') },
        { value: 'category', label: L('人才类别', 'Talent category') },
      ],
      rules: [],
      example: 'passportNo',
    },
    {
      path: 'change.residencePermitItem',
      type: 'enum',
      label: L('居留证件变更事项', 'Residence permit item changed'),
      options: [
        { value: 'name', label: L('姓名', 'Name') },
        { value: 'sex', label: L('性别', 'Sex') },
        { value: 'birthDate', label: L('出生日期', 'Date of birth') },
        { value: 'purpose', label: L('居留事由', 'Purpose of residence') },
        { value: 'term', label: L('居留期限', 'Term of residence') },
        { value: 'passportNo', label: L('护照号码', 'Passport number') },
      ],
      rules: [],
      example: 'passportNo',
    },

    // History: decides the certificate waiver.
    {
      path: 'history.previousWorkPermitNo',
      type: 'string',
      label: L(
        `近${p.workPermit.priorPermitWaiverYears}年内持有的中国工作许可证号（可免交学历和无犯罪记录证明）`,
        `Chinese work permit number held in the last ${p.workPermit.priorPermitWaiverYears} years (waives the degree and criminal-record certificates)`,
      ),
      rules: [ISSUED_NO],
      example: '137100202300034',
    },
    // A transfer is a new application from inside China; it needs the previous employer's release.
    {
      path: 'history.transferInChina',
      type: 'boolean',
      label: L('从境内其他用人单位转聘（现持有为其他单位工作的许可）', 'Transfer from another employer in China (holding a permit for that employer now)'),
      rules: [],
      example: false,
    },

    // Talent category: what the points table and category A read besides the fixed paths.
    {
      path: 'talent.recognition',
      type: 'string',
      label: L('入选人才计划或获得的认可成就', 'Talent programme or recognised achievement'),
      rules: [LONG_TEXT],
      example: 'National key talent programme, 2024',
    },
    { path: 'talent.topOverseasUniversity', type: 'boolean', label: L('毕业于世界知名高校', 'Graduate of a top overseas university'), rules: [], example: true },
    { path: 'talent.fortuneGlobal500Employer', type: 'boolean', label: L('在世界500强企业工作过', 'Worked for a Fortune Global 500 company'), rules: [], example: false },
    { path: 'talent.patentHolder', type: 'boolean', label: L('持有专利', 'Holds patents'), rules: [], example: false },
    {
      path: 'talent.continuousWorkInChina',
      type: 'boolean',
      label: L(
        `在华连续工作${p.points.extras.continuousWorkInChinaYears}年以上`,
        `Worked continuously in China for ${p.points.extras.continuousWorkInChinaYears} years or more`,
      ),
      rules: [],
      example: false,
    },

    // Social insurance.
    {
      path: 'insurance.claimsAgreementExemption',
      type: 'boolean',
      label: L('按社会保障双边协定申请免缴相应险种（须出具参保证明）', 'Claims the exemption under a social security agreement (needs the certificate of coverage)'),
      rules: [],
      example: false,
    },

    // Residence.
    { path: 'residence.address', type: 'string', label: L('在威海居住地址', 'Residential address in Weihai'), rules: [LONG_TEXT], example: 'Room 1201, 8 Example Street, Huancui District, Weihai' },

    // Professional title.
    { path: 'title.series', type: 'string', label: L('申报职称系列及专业', 'Title series and speciality'), rules: [SHORT_TEXT], example: 'Engineering: mechanical' },
    {
      path: 'title.level',
      type: 'enum',
      label: L('申报职称级别', 'Title level applied for'),
      options: [
        { value: 'junior', label: L('初级', 'Junior') },
        { value: 'intermediate', label: L('中级', 'Intermediate') },
        { value: 'associate-senior', label: L('副高级', 'Associate senior') },
        { value: 'senior', label: L('正高级', 'Senior') },
      ],
      rules: [],
      example: 'intermediate',
    },
  ];
}
