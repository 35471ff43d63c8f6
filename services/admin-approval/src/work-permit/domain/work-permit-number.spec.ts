import { getCatalogue, message } from '@work-permit/catalogue';
import { workPermitNumber } from './work-permit-number';
import { WorkPermitErrorCode } from './work-permit.exception';

const caseId = '0b7c4c5e-2f53-4a0e-9a51-3f6f1c2d9e10';

describe(workPermitNumber.name, () => {
  it('issues the same number for the same case, as a replayed decision must', () => {
    expect(workPermitNumber(caseId, '2026-03-02')).toBe(workPermitNumber(caseId, '2026-03-02'));
  });

  it('issues a different number for another case', () => {
    expect(workPermitNumber('1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f', '2026-03-02')).not.toBe(workPermitNumber(caseId, '2026-03-02'));
  });

  it('writes WP, the year of issue and ten digits', () => {
    expect(workPermitNumber(caseId, '2027-01-05')).toMatch(/^WP2027\d{10}$/);
  });

  // Pinned: a change of the derivation would issue a second number for a decision replayed after a deploy.
  it('keeps its derivation from SHA-256 of the case id', () => {
    expect(workPermitNumber(caseId, '2026-03-02')).toBe('WP20263246486114');
  });

  it('gives a number the form accepts as a held work permit number', () => {
    const field = getCatalogue().fields.find((f) => f.path === 'holdings.workPermitNo');
    const patterns = field?.rules.flatMap((rule) => (rule.kind === 'pattern' ? [new RegExp(rule.pattern)] : [])) ?? [];
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(workPermitNumber(caseId, '2026-03-02')).toMatch(pattern);
  });

  it('refuses an empty case id', () => {
    expect(() => workPermitNumber(' ', '2026-03-02')).toThrow(
      expect.objectContaining({ code: WorkPermitErrorCode.InvalidArgument, reason: message('work_permit.input.case_id_missing', { value: '" "' }) }),
    );
  });

  it('refuses an issue date that is not a real YYYY-MM-DD date', () => {
    expect(() => workPermitNumber(caseId, '2026-3-2')).toThrow(expect.objectContaining({ code: WorkPermitErrorCode.InvalidDate }));
  });
});
