import { getCatalogue, isKnownMessage, localize, message } from '@work-permit/catalogue';
import { HEALTH_CERTIFICATE, NO_CRIMINAL_RECORD, assessWorkPermit } from './work-permit-assessment.rules';
import { WorkPermitErrorCode } from './work-permit.exception';
import type { RuleFinding, TalentClassification, WorkPermitApplication, WorkPermitAssessment, WorkPermitRule } from './work-permit.model';

const parameters = getCatalogue().parameters;
const today = '2026-03-02';

type ApplicationChange = Partial<Omit<WorkPermitApplication, 'applicant' | 'employment'>> & {
  applicant?: Partial<WorkPermitApplication['applicant']>;
  employment?: Partial<WorkPermitApplication['employment']>;
};

function application(change: ApplicationChange = {}): WorkPermitApplication {
  const { applicant, employment, ...rest } = change;
  return {
    submittedOn: '2026-02-20',
    applicant: { birthDate: '1988-04-12', passportExpiry: '2032-05-31', education: 'master', workExperienceYears: 6, ...applicant },
    employment: { annualSalaryCny: 300_000, contractStart: '2026-04-01', contractEnd: '2028-03-31', ...employment },
    materials: [
      { code: NO_CRIMINAL_RECORD, issuedAt: '2026-01-10' },
      { code: HEALTH_CERTIFICATE, issuedAt: '2026-02-01' },
    ],
    ...rest,
  };
}

const categoryB: TalentClassification = { category: 'B', points: 72, route: 'degree_and_experience' };
const categoryA: TalentClassification = { category: 'A', points: 90, route: 'points' };

function assess(app: WorkPermitApplication = application(), classification: TalentClassification = categoryB): WorkPermitAssessment {
  return assessWorkPermit(app, classification, parameters, { today });
}

function finding(assessment: WorkPermitAssessment, rule: WorkPermitRule) {
  const found = assessment.findings.filter((f) => f.rule === rule);
  expect(found).toHaveLength(1);
  return found[0];
}

/** A finding's message as the applicant reads it: Chinese by default, English on request. */
const zh = (f: RuleFinding) => localize(f.message).zh;
const en = (f: RuleFinding) => localize(f.message).en;

const withCertificates = (criminalRecordIssuedAt: string | undefined, healthIssuedAt: string | undefined) => ({
  materials: [
    ...(criminalRecordIssuedAt ? [{ code: NO_CRIMINAL_RECORD, issuedAt: criminalRecordIssuedAt }] : []),
    ...(healthIssuedAt ? [{ code: HEALTH_CERTIFICATE, issuedAt: healthIssuedAt }] : []),
  ],
});

describe(assessWorkPermit.name, () => {
  describe('the whole assessment', () => {
    it('passes a complete category B application with every rule passed and nothing flagged', () => {
      const assessment = assess();
      expect(assessment.passed).toBe(true);
      expect(assessment.flags).toEqual([]);
      expect(assessment.findings.map((f) => f.rule).sort()).toEqual(
        ['category_age_limit', 'category_route', 'contract_term', 'health_certificate', 'minimum_age', 'no_criminal_record_certificate', 'passport_validity'].sort(),
      );
      expect(assessment.findings.every((f) => f.passed && isKnownMessage(f.message))).toBe(true);
      expect(finding(assessment, 'contract_term').message).toEqual(message('work_permit.contract.runs', { contractStart: '2026-04-01', contractEnd: '2028-03-31' }));
      expect(localize(finding(assessment, 'minimum_age').message)).toEqual({ zh: '2026-03-02年满37周岁，不低于最低年龄18周岁。', en: 'Aged 37 on 2026-03-02, at least the minimum age of 18.' });
    });

    it('fails when any one rule fails, and still reports every other rule', () => {
      const assessment = assess(application(withCertificates('2026-01-10', undefined)));
      expect(assessment.passed).toBe(false);
      expect(assessment.findings.filter((f) => !f.passed).map((f) => f.rule)).toEqual(['health_certificate']);
      expect(assessment.findings).toHaveLength(7);
    });

    it('rejects a date that is not a real YYYY-MM-DD date', () => {
      expect(() => assess(application({ applicant: { birthDate: '1988-02-30' } }))).toThrow(
        expect.objectContaining({ code: WorkPermitErrorCode.InvalidDate, reason: message('work_permit.input.invalid_date', { field: 'applicant.birthDate', value: '"1988-02-30"' }) }),
      );
    });

    it('uses material codes that the catalogue defines', () => {
      const codes = getCatalogue().materials.map((m) => m.code);
      expect(codes).toEqual(expect.arrayContaining([NO_CRIMINAL_RECORD, HEALTH_CERTIFICATE]));
    });
  });

  describe('minimum_age', () => {
    it('passes an applicant on their 18th birthday', () => {
      expect(finding(assess(application({ applicant: { birthDate: '2008-03-02' } })), 'minimum_age').passed).toBe(true);
    });

    it('fails an applicant aged 17, the day before their 18th birthday', () => {
      const result = finding(assess(application({ applicant: { birthDate: '2008-03-03' } })), 'minimum_age');
      expect(result).toMatchObject({ passed: false, message: message('applicant.minimum_age.unmet', { age: 17, today, minimumAge: 18 }) });
      expect(zh(result)).toContain('须年满18周岁');
      expect(en(result)).toContain('18 or over');
    });
  });

  describe('category_age_limit', () => {
    it('fails a category B applicant aged 61', () => {
      const assessment = assess(application({ applicant: { birthDate: '1965-03-01' } }));
      const result = finding(assessment, 'category_age_limit');
      expect(result).toMatchObject({ passed: false, message: { code: 'work_permit.age_limit.over_b' } });
      expect(zh(result)).toContain('B类人员须不超过60周岁');
      expect(en(result)).toContain('aged 60 or under');
      expect(assessment.passed).toBe(false);
    });

    it('passes a category B applicant aged 60, the day before their 61st birthday', () => {
      expect(finding(assess(application({ applicant: { birthDate: '1965-03-03' } })), 'category_age_limit').passed).toBe(true);
    });

    it('passes a category A applicant aged 65: category A has no upper age', () => {
      const assessment = assess(application({ applicant: { birthDate: '1961-01-15' } }), categoryA);
      expect(finding(assessment, 'category_age_limit').passed).toBe(true);
      expect(assessment.passed).toBe(true);
    });

    it('reads the category B limit from the parameters', () => {
      const raised = { ...parameters, talentClassification: { ...parameters.talentClassification, categoryB: { ...parameters.talentClassification.categoryB, maximumAge: 65 } } };
      const assessment = assessWorkPermit(application({ applicant: { birthDate: '1965-03-01' } }), categoryB, raised, { today });
      expect(finding(assessment, 'category_age_limit').passed).toBe(true);
    });
  });

  describe('category_route', () => {
    it('fails category B through degree and experience with an associate degree', () => {
      const result = finding(assess(application({ applicant: { education: 'associate' } })), 'category_route');
      expect(result).toMatchObject({ passed: false, message: { code: 'work_permit.route.degree_unmet', params: { degreeShort: true, experienceShort: false } } });
      expect(zh(result)).toBe('通过学历和工作经历认定B类须具备学士及以上学位（申请人最高为大专）。');
      expect(en(result)).toContain('bachelor degree or higher');
    });

    it('fails category B through degree and experience with one year of experience', () => {
      const result = finding(assess(application({ applicant: { workExperienceYears: 1 } })), 'category_route');
      expect(result).toMatchObject({ passed: false, message: { code: 'work_permit.route.degree_unmet', params: { degreeShort: false, experienceShort: true } } });
      expect(zh(result)).toContain('2年相关工作经历（申请人为1年）');
      expect(en(result)).toContain("2 years' relevant experience");
    });

    it('passes category B through degree and experience with a bachelor degree and two years', () => {
      expect(finding(assess(application({ applicant: { education: 'bachelor', workExperienceYears: 2 } })), 'category_route').passed).toBe(true);
    });

    describe.each(['A', 'B'] as const)('category %s', (category) => {
      const thresholds = category === 'A' ? parameters.talentClassification.categoryA : parameters.talentClassification.categoryB;
      const salary = thresholds.salaryMultipleOfLocalAverage * parameters.localAverageAnnualWageCny;
      const byPoints = (points: number): TalentClassification => ({ category, points, route: 'points' });
      const bySalary: TalentClassification = { category, points: 40, route: 'salary_multiple' };

      it('passes through points at the minimum', () => {
        expect(finding(assess(application(), byPoints(thresholds.minimumPoints)), 'category_route').passed).toBe(true);
      });

      it('fails through points one point below the minimum', () => {
        const result = finding(assess(application(), byPoints(thresholds.minimumPoints - 1)), 'category_route');
        expect(result).toMatchObject({
          passed: false,
          message: message('work_permit.route.points_unmet', { category, points: thresholds.minimumPoints - 1, minimumPoints: thresholds.minimumPoints }),
        });
        expect(en(result)).toContain(`at least ${thresholds.minimumPoints} points`);
      });

      it('passes through salary at the multiple of the local average wage', () => {
        expect(finding(assess(application({ employment: { annualSalaryCny: salary } }), bySalary), 'category_route').passed).toBe(true);
      });

      it('fails through salary below the multiple of the local average wage', () => {
        const result = finding(assess(application({ employment: { annualSalaryCny: salary - 1 } }), bySalary), 'category_route');
        expect(result).toMatchObject({ passed: false, message: { code: 'work_permit.route.salary_unmet', params: { salary: salary - 1, needed: salary } } });
        expect(zh(result)).toContain(`（${salary.toLocaleString('en-US')}元）`);
        expect(en(result)).toContain(`${salary} RMB a year`);
      });
    });

    it('accepts category A through a talent programme as the Science and Technology Bureau confirmed it', () => {
      expect(finding(assess(application(), { category: 'A', points: 50, route: 'talent_programme' }), 'category_route').passed).toBe(true);
    });

    it('fails a category with a route that does not lead to it', () => {
      const result = finding(assess(application(), { category: 'A', points: 90, route: 'degree_and_experience' }), 'category_route');
      expect(result).toMatchObject({ passed: false, message: message('work_permit.route.unreachable', { category: 'A', route: 'degree_and_experience' }) });
      expect(zh(result)).toBe('A类不能通过学历和工作经历认定，应由科学技术局重新确认类别。');
      expect(en(result)).toContain('cannot be reached');
    });

    it('fails category B reached through `other`, the route that only leads to category C', () => {
      const result = finding(assess(application(), { category: 'B', points: 72, route: 'other' }), 'category_route');
      expect(result).toMatchObject({ passed: false });
      expect(zh(result)).toContain('国家配额');
      expect(en(result)).toContain('the national quota');
    });

    it('passes category C and flags it for the quota rather than rejecting it', () => {
      const assessment = assess(application(), { category: 'C', points: 40, route: 'other' });
      expect(finding(assessment, 'category_route').passed).toBe(true);
      expect(assessment.passed).toBe(true);
      expect(assessment.flags).toEqual(['category_c_quota']);
    });
  });

  describe('no_criminal_record_certificate', () => {
    it('fails when the certificate is missing, naming the material to ask for', () => {
      const result = finding(assess(application(withCertificates(undefined, '2026-02-01'))), 'no_criminal_record_certificate');
      expect(result).toMatchObject({ passed: false, material: NO_CRIMINAL_RECORD, message: message('work_permit.certificate.missing', { certificate: NO_CRIMINAL_RECORD }) });
      expect(localize(result.message)).toEqual({ zh: '缺少无犯罪记录证明。', en: 'The no-criminal-record certificate is missing.' });
    });

    it('fails a certificate issued 7 months ago', () => {
      const result = finding(assess(application(withCertificates('2025-08-02', '2026-02-01'))), 'no_criminal_record_certificate');
      expect(result).toMatchObject({ passed: false, material: NO_CRIMINAL_RECORD, message: { code: 'work_permit.certificate.too_old', params: { earliest: '2025-09-02' } } });
      expect(zh(result)).toContain('须为6个月内（2025-09-02及以后）出具');
      expect(en(result)).toContain('on or after 2025-09-02');
    });

    it('passes a certificate issued exactly 6 months ago', () => {
      expect(finding(assess(application(withCertificates('2025-09-02', '2026-02-01'))), 'no_criminal_record_certificate').passed).toBe(true);
    });

    it('fails a certificate issued 6 months and a day ago', () => {
      expect(finding(assess(application(withCertificates('2025-09-01', '2026-02-01'))), 'no_criminal_record_certificate').passed).toBe(false);
    });

    it('fails a certificate dated after today', () => {
      const result = finding(assess(application(withCertificates('2026-03-03', '2026-02-01'))), 'no_criminal_record_certificate');
      expect(result).toMatchObject({ passed: false, message: { code: 'work_permit.certificate.future' } });
      expect(zh(result)).toContain('晚于今日');
      expect(en(result)).toContain('after today');
    });

    it('passes when a newer certificate replaces an expired one', () => {
      const app = application({
        materials: [
          { code: NO_CRIMINAL_RECORD, issuedAt: '2025-06-01' },
          { code: NO_CRIMINAL_RECORD, issuedAt: '2026-02-15' },
          { code: HEALTH_CERTIFICATE, issuedAt: '2026-02-01' },
        ],
      });
      expect(finding(assess(app), 'no_criminal_record_certificate').passed).toBe(true);
    });

    it('is waived for an applicant whose prior Chinese permit ran within the last 3 years', () => {
      const app = application({ ...withCertificates(undefined, '2026-02-01'), priorPermit: { permitNo: 'WP20230123456789', validTo: '2024-06-30' } });
      const assessment = assess(app);
      expect(finding(assessment, 'no_criminal_record_certificate')).toMatchObject({ passed: true, message: message('work_permit.certificate.waived', { certificate: NO_CRIMINAL_RECORD, years: 3 }) });
      expect(zh(finding(assessment, 'no_criminal_record_certificate'))).toContain('免交无犯罪记录证明');
      expect(en(finding(assessment, 'no_criminal_record_certificate'))).toContain('waived');
      expect(assessment.flags).toEqual([]);
    });

    it('is not waived when the prior permit expired more than 3 years ago', () => {
      const app = application({ ...withCertificates(undefined, '2026-02-01'), priorPermit: { permitNo: 'WP20200123456789', validTo: '2023-03-01' } });
      const result = finding(assess(app), 'no_criminal_record_certificate');
      expect(result).toMatchObject({
        passed: false,
        message: message('work_permit.certificate.missing', { certificate: NO_CRIMINAL_RECORD, note: message('work_permit.certificate.not_waived', { validTo: '2023-03-01', years: 3 }) }),
      });
      expect(zh(result)).toBe('缺少无犯罪记录证明。不予免交：此前持有的工作许可已于2023-03-01到期，已超过3年。');
      expect(en(result)).toBe('The no-criminal-record certificate is missing. It is not waived: the work permit held before ended on 2023-03-01, more than 3 years ago.');
    });

    it('is waived on a declared prior permit without a known validity, flagged for an officer to confirm', () => {
      const app = application({ ...withCertificates(undefined, '2026-02-01'), priorPermit: { permitNo: '137100202300034' } });
      const assessment = assess(app);
      expect(finding(assessment, 'no_criminal_record_certificate')).toMatchObject({ passed: true, message: { code: 'work_permit.certificate.waiver_declared' } });
      expect(assessment.flags).toEqual(['prior_permit_unverified']);
    });

    it('raises no waiver flag when a valid certificate was submitted anyway', () => {
      expect(assess(application({ priorPermit: { permitNo: '137100202300034' } })).flags).toEqual([]);
    });

    it('reads the waiver period from the parameters', () => {
      const shorter = { ...parameters, workPermit: { ...parameters.workPermit, priorPermitWaiverYears: 1 } };
      const app = application({ ...withCertificates(undefined, '2026-02-01'), priorPermit: { permitNo: 'WP20230123456789', validTo: '2024-06-30' } });
      expect(finding(assessWorkPermit(app, categoryB, shorter, { today }), 'no_criminal_record_certificate').passed).toBe(false);
    });
  });

  describe('health_certificate', () => {
    it('fails when the health certificate is missing', () => {
      const result = finding(assess(application(withCertificates('2026-01-10', undefined))), 'health_certificate');
      expect(result).toMatchObject({ passed: false, material: HEALTH_CERTIFICATE });
    });

    it('fails a health certificate issued 7 months ago', () => {
      expect(finding(assess(application(withCertificates('2026-01-10', '2025-08-02'))), 'health_certificate').passed).toBe(false);
    });

    it('is not waived by a prior Chinese permit', () => {
      const app = application({ ...withCertificates('2026-01-10', undefined), priorPermit: { permitNo: 'WP20230123456789', validTo: '2025-12-31' } });
      expect(finding(assess(app), 'health_certificate').passed).toBe(false);
    });

    it('reads the validity months from the parameters', () => {
      const longer = { ...parameters, materialValidity: { ...parameters.materialValidity, healthCertificateMonths: 12 } };
      const app = application(withCertificates('2026-01-10', '2025-08-02'));
      expect(finding(assessWorkPermit(app, categoryB, longer, { today }), 'health_certificate').passed).toBe(true);
    });
  });

  describe('passport_validity', () => {
    it('passes a passport valid beyond the permit term', () => {
      const result = finding(assess(), 'passport_validity');
      expect(result).toMatchObject({ passed: true, message: message('work_permit.passport.beyond_term', { passportExpiry: '2032-05-31' }) });
      expect(en(result)).toContain('beyond the permit term');
    });

    it('passes a passport expiring during the contract, saying the permit ends with it', () => {
      const result = finding(assess(application({ applicant: { passportExpiry: '2027-09-30' } })), 'passport_validity');
      expect(result).toMatchObject({ passed: true, message: { code: 'work_permit.passport.ends_term' } });
      expect(zh(result)).toContain('许可期限随之届满');
      expect(en(result)).toContain('the permit ends then');
    });

    it('passes a passport expiring on the contract start', () => {
      expect(finding(assess(application({ applicant: { passportExpiry: '2026-04-01' } })), 'passport_validity').passed).toBe(true);
    });

    it('fails a passport expiring before the contract starts', () => {
      const result = finding(assess(application({ applicant: { passportExpiry: '2026-03-31' } })), 'passport_validity');
      expect(result).toMatchObject({ passed: false, message: message('work_permit.passport.expires_before_start', { passportExpiry: '2026-03-31', validFrom: '2026-04-01' }) });
      expect(zh(result)).toContain('请先换发护照');
      expect(en(result)).toContain('renew the passport');
    });

    it('fails a passport already expired when the contract has started', () => {
      const app = application({ applicant: { passportExpiry: '2026-03-01' }, employment: { contractStart: '2026-02-01' } });
      expect(finding(assess(app), 'passport_validity').passed).toBe(false);
    });
  });

  describe('contract_term', () => {
    it('fails a contract that ends before it starts', () => {
      const result = finding(assess(application({ employment: { contractStart: '2026-04-01', contractEnd: '2026-03-31' } })), 'contract_term');
      expect(result).toMatchObject({ passed: false, message: { code: 'work_permit.contract.ends_before_start' } });
      expect(zh(result)).toContain('劳动合同的终止日期须晚于起始日期');
      expect(en(result)).toContain('must end after it starts');
    });

    it('fails a contract that ends on the day it starts', () => {
      expect(finding(assess(application({ employment: { contractStart: '2026-04-01', contractEnd: '2026-04-01' } })), 'contract_term').passed).toBe(false);
    });

    it('fails a contract that has already ended', () => {
      const result = finding(assess(application({ employment: { contractStart: '2025-01-01', contractEnd: '2026-03-01' } })), 'contract_term');
      expect(result).toMatchObject({ passed: false, message: message('work_permit.contract.ended', { contractEnd: '2026-03-01' }) });
      expect(localize(result.message)).toEqual({ zh: '劳动合同已于2026-03-01终止。', en: 'The contract ended on 2026-03-01.' });
    });

    it('fails a contract of 90 days: a work permit is for more than 90 days of work', () => {
      const result = finding(assess(application({ employment: { contractStart: '2026-04-01', contractEnd: '2026-06-29' } })), 'contract_term');
      expect(result).toMatchObject({
        passed: false,
        message: message('work_permit.contract.too_short', { longTermStayDays: 90, days: 90, contractStart: '2026-04-01', contractEnd: '2026-06-29', started: false }),
      });
      expect(localize(result.message)).toEqual({
        zh: '工作许可适用于在华工作超过90日；劳动合同期限至2026-06-29止，仅90日。',
        en: 'A work permit is for work in China of more than 90 days; the contract covers 90 days, to 2026-06-29.',
      });
    });

    it('passes a contract of 91 days', () => {
      expect(finding(assess(application({ employment: { contractStart: '2026-04-01', contractEnd: '2026-06-30' } })), 'contract_term').passed).toBe(true);
    });

    it('fails a contract that started long ago and has only 90 days left from today', () => {
      const result = finding(assess(application({ employment: { contractStart: '2024-01-01', contractEnd: '2026-05-30' } })), 'contract_term');
      expect(result).toMatchObject({ passed: false, message: { code: 'work_permit.contract.too_short', params: { started: true, days: 90 } } });
      expect(zh(result)).toContain('劳动合同已于2024-01-01开始');
      expect(en(result)).toContain('started on 2024-01-01');
    });

    it('flags a contract that had already started when the application was filed', () => {
      const assessment = assess(application({ employment: { contractStart: '2026-02-01' } }));
      expect(finding(assessment, 'contract_term').passed).toBe(true);
      expect(assessment.flags).toEqual(['contract_started_before_application']);
    });

    it('does not flag a contract that started between the filing and the decision', () => {
      expect(assess(application({ employment: { contractStart: '2026-02-25' } })).flags).toEqual([]);
    });
  });
});
