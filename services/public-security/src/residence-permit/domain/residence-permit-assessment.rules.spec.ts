import { getCatalogue, localize } from '@work-permit/catalogue';
import {
  assessResidencePermit,
  type ResidencePermitChangeApplication,
  type ResidencePermitExtendApplication,
  type ResidencePermitIssueApplication,
} from './residence-permit-assessment.rules';

const parameters = getCatalogue().parameters;
const TODAY = '2026-03-02';
const FRESH_CERTIFICATE = { code: 'HEALTH_CERTIFICATE', issuedAt: '2026-01-15' };

const issue = (overrides: Partial<ResidencePermitIssueApplication> = {}, applicant: Partial<ResidencePermitIssueApplication['applicant']> = {}): ResidencePermitIssueApplication => ({
  action: 'issue',
  applicant: { birthDate: '1990-05-20', passportExpiry: '2032-01-01', ...applicant },
  workPermitValidTo: '2028-02-29',
  materials: [FRESH_CERTIFICATE],
  ...overrides,
});
const assess = (application: Parameters<typeof assessResidencePermit>[0]) => assessResidencePermit(application, parameters, { today: TODAY });
/** A rule's finding as its readers see it: the message in Chinese and in English. */
const finding = (application: Parameters<typeof assessResidencePermit>[0], rule: string) => {
  const found = assess(application).findings.find((f) => f.rule === rule);
  return found && { ...found, message: localize(found.message) };
};

describe(assessResidencePermit.name, () => {
  it('passes an issue that meets every rule, with the validity to grant', () => {
    const assessment = assess(issue({}, { entryDate: '2026-02-20' }));
    expect(assessment.passed).toBe(true);
    expect(assessment.findings.map((f) => f.rule)).toEqual(['passport_valid', 'health_certificate', 'entry_window', 'validity']);
    expect(assessment.validity).toMatchObject({ refused: false, validFrom: TODAY, validTo: '2028-02-29', months: 23, limitedBy: 'work_permit' });
  });

  it('says why each rule passed, in Chinese and in English', () => {
    expect(assess(issue({}, { entryDate: '2026-02-20' })).findings.map((f) => localize(f.message))).toEqual([
      { zh: '护照有效期至2032-01-01。', en: 'The passport is valid until 2032-01-01.' },
      { zh: '体检证明出具于2026-01-15，在6个月有效期内。', en: 'Health certificate issued on 2026-01-15, within 6 months.' },
      { zh: '于2026-02-20入境后10日申请，在30日期限内。', en: 'Filed 10 days after entry on 2026-02-20, within 30 days.' },
      {
        zh: '有效期2026-03-02至2028-02-29（23个月，730日），与工作许可同时届满。',
        en: 'Validity 2026-03-02 to 2028-02-29 (23 months, 730 days), ending with the work permit.',
      },
    ]);
  });

  describe('health certificate', () => {
    it('exempts an applicant aged 17', () => {
      expect(finding(issue({ materials: [] }, { birthDate: '2008-06-01' }), 'health_certificate')).toEqual({
        rule: 'health_certificate',
        passed: true,
        message: { zh: '无需体检证明：17周岁，未满18周岁。', en: 'No health certificate needed: aged 17, under 18.' },
      });
    });

    it('requires it from an applicant who turns 18 today', () => {
      expect(finding(issue({ materials: [] }, { birthDate: '2008-03-02' }), 'health_certificate')).toEqual({
        rule: 'health_certificate',
        passed: false,
        message: { zh: '18周岁须提交体检证明（未满18周岁或超过70周岁者免交）。', en: 'A health certificate is required at age 18 (exempt under 18 and over 70).' },
      });
    });

    it('requires it from an applicant aged 70', () => {
      expect(finding(issue({ materials: [] }, { birthDate: '1955-06-01' }), 'health_certificate')).toMatchObject({ passed: false });
    });

    it('exempts an applicant aged 71', () => {
      expect(finding(issue({ materials: [] }, { birthDate: '1955-03-02' }), 'health_certificate')).toMatchObject({
        passed: true,
        message: { zh: '无需体检证明：71周岁，超过70周岁。', en: 'No health certificate needed: aged 71, over 70.' },
      });
    });

    it('accepts a certificate issued within 6 months of filing', () => {
      expect(finding(issue({ materials: [{ code: 'HEALTH_CERTIFICATE', issuedAt: '2025-09-02' }] }), 'health_certificate')).toMatchObject({ passed: true });
    });

    it('refuses a certificate older than 6 months', () => {
      expect(finding(issue({ materials: [{ code: 'HEALTH_CERTIFICATE', issuedAt: '2025-09-01' }] }), 'health_certificate')).toMatchObject({
        passed: false,
        message: {
          zh: '体检证明出具于2025-09-01，已超过6个月；须提交2025-09-02及以后出具的证明。',
          en: 'The health certificate issued on 2025-09-01 is older than 6 months; one issued on or after 2025-09-02 is required.',
        },
      });
    });

    it('judges the newest of several certificates', () => {
      const materials = [{ code: 'HEALTH_CERTIFICATE', issuedAt: '2025-01-01' }, FRESH_CERTIFICATE];
      expect(finding(issue({ materials }), 'health_certificate')).toMatchObject({ passed: true });
    });
  });

  describe('entry window', () => {
    it('accepts filing 30 days after entry', () => {
      expect(finding(issue({}, { entryDate: '2026-01-31' }), 'entry_window')).toMatchObject({ passed: true });
    });

    it('refuses filing 31 days after entry', () => {
      expect(finding(issue({}, { entryDate: '2026-01-30' }), 'entry_window')).toEqual({
        rule: 'entry_window',
        passed: false,
        message: {
          zh: '于2026-01-30入境后31日申请；居留许可应在入境之日起30日内申请。',
          en: 'Filed 31 days after entry on 2026-01-30; a residence permit is applied for within 30 days of entry.',
        },
      });
    });

    it('is not applied when no entry date is given', () => {
      expect(finding(issue(), 'entry_window')).toBeUndefined();
    });

    it('is read on the filing day, not the day of the decision', () => {
      expect(finding(issue({ appliedOn: '2026-02-15' }, { entryDate: '2026-01-20' }), 'entry_window')).toMatchObject({ passed: true });
    });
  });

  it('fails an expired passport', () => {
    expect(finding(issue({}, { passportExpiry: '2026-03-01' }), 'passport_valid')).toEqual({
      rule: 'passport_valid',
      passed: false,
      message: { zh: '护照已于2026-03-01到期。', en: 'The passport expired on 2026-03-01.' },
    });
  });

  it('grants the validity from the work permit’s first day when it starts after today', () => {
    expect(assess(issue({ workPermitValidFrom: '2026-04-01' })).validity).toMatchObject({ refused: false, validFrom: '2026-04-01', validTo: '2028-02-29' });
  });

  it('fails the validity rule when the work permit leaves under 90 days', () => {
    const assessment = assess(issue({ workPermitValidTo: '2026-04-30' }));
    expect(assessment.passed).toBe(false);
    expect(finding(issue({ workPermitValidTo: '2026-04-30' }), 'validity')).toMatchObject({
      passed: false,
      message: { zh: expect.stringContaining('有效期不少于90日'), en: expect.stringContaining('at least 90 days') },
    });
  });

  it('checks the extension window and the validity of an extension, without health certificate or entry', () => {
    const extension: ResidencePermitExtendApplication = {
      action: 'extend',
      applicant: { birthDate: '1990-05-20', passportExpiry: '2032-01-01', entryDate: '2025-01-01' },
      residencePermitValidTo: '2026-04-15',
      workPermitValidTo: '2028-02-29',
      materials: [],
    };
    const assessment = assess(extension);
    expect(assessment.findings.map((f) => f.rule)).toEqual(['passport_valid', 'extension_window', 'validity']);
    expect(assessment.passed).toBe(true);
  });

  it('checks only the passport and the change window for a change', () => {
    const change: ResidencePermitChangeApplication = {
      action: 'change',
      applicant: { birthDate: '1990-05-20', passportExpiry: '2032-01-01' },
      changeOccurredOn: '2026-02-10',
      materials: [],
    };
    const assessment = assess(change);
    expect(assessment).toEqual({ passed: false, findings: [expect.objectContaining({ rule: 'passport_valid', passed: true }), expect.objectContaining({ rule: 'change_window', passed: false })] });
  });
});
