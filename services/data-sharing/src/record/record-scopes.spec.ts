import { isReleased, RecordScopes, RecordScopesError, recordScopesProblems } from './record-scopes';

describe(RecordScopes.name, () => {
  const scopes = RecordScopes.defaults();

  it('withholds the criminal-record check from social insurance but not from public security', () => {
    expect(scopes.releases('hrss', 'materials.NO_CRIMINAL_RECORD')).toBe(false);
    expect(scopes.releases('hrss', 'materials.PASSPORT')).toBe(true);
    expect(scopes.releases('hrss', 'applicant.passportNo')).toBe(true);
    expect(scopes.releases('psb', 'materials.NO_CRIMINAL_RECORD')).toBe(true);
    expect(scopes.releases('approval', 'permits.SOCIAL_INSURANCE')).toBe(true);
  });

  it('gives the analysts no names, passports or contacts', () => {
    for (const key of ['applicant.surname', 'applicant.passportNo', 'applicant.email', 'employer.contactPhone', 'materials.PASSPORT']) {
      expect(scopes.releases('bigdata', key)).toBe(false);
    }
    expect(scopes.releases('bigdata', 'employment.annualSalaryCny')).toBe(true);
    expect(scopes.releases('bigdata', 'permits.WORK_PERMIT')).toBe(true);
  });

  it('matches exact keys and prefixes, and lets `!` withhold', () => {
    expect(isReleased(['applicant.*'], 'applicant.sex')).toBe(true);
    expect(isReleased(['applicant.*'], 'applicantX')).toBe(false);
    expect(isReleased(['employment.position'], 'employment.positionX')).toBe(false);
    expect(isReleased(['!applicant.email', '*'], 'applicant.email')).toBe(false);
    expect(isReleased([], 'applicant.sex')).toBe(false);
  });

  it('replaces the scopes of the agencies RECORD_SCOPES names and keeps the others', () => {
    const overridden = RecordScopes.fromJson('{"hrss":["employment.*"]}');
    expect(overridden.releases('hrss', 'applicant.surname')).toBe(false);
    expect(overridden.releases('hrss', 'employment.position')).toBe(true);
    expect(overridden.patternsOf('psb')).toEqual(['*']);
    expect(RecordScopes.fromJson(undefined).patternsOf('hrss')).toEqual(scopes.patternsOf('hrss'));
  });

  it('refuses a RECORD_SCOPES that is not JSON, names an unknown agency or holds a bad pattern', () => {
    expect(recordScopesProblems('{')).toEqual(['RECORD_SCOPES must be JSON']);
    expect(recordScopesProblems('[]')).toHaveLength(1);
    expect(recordScopesProblems('{"police":["*"],"hrss":["applicant. name"],"psb":"*"}')).toHaveLength(3);
    expect(recordScopesProblems('{"hrss":["applicant.*","!materials.NO_CRIMINAL_RECORD","*"]}')).toEqual([]);
    expect(() => RecordScopes.fromJson('{"police":[]}')).toThrow(RecordScopesError);
  });
});
