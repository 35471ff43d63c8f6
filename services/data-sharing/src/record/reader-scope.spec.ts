import { readerScopeOf } from './reader-scope';

describe(readerScopeOf.name, () => {
  it("reads an officer's agency's scope from the catalogue and logs that agency", () => {
    const hrss = readerScopeOf({ role: 'officer', agency: 'hrss' })!;
    expect(hrss.loggedAgency).toBe('hrss');
    expect(hrss.scope.releases('employment.annualSalaryCny')).toBe(true);
    expect(hrss.scope.releases('materials.NO_CRIMINAL_RECORD')).toBe(false);
    const approval = readerScopeOf({ role: 'officer', agency: 'approval' })!;
    expect(approval.scope.releases('materials.NO_CRIMINAL_RECORD')).toBe(true);
  });

  it('reads an analyst with the statistical scope, logged as the Big Data Bureau, whatever agency the token names', () => {
    for (const agency of [undefined, 'psb'] as const) {
      const analyst = readerScopeOf({ role: 'analyst', agency })!;
      expect(analyst.loggedAgency).toBe('bigdata');
      expect(analyst.scope.reader).toBe('analyst');
      expect(analyst.scope.releases('applicant.surname')).toBe(false);
      expect(analyst.scope.releases('employment.position')).toBe(true);
    }
  });

  it('gives nobody else a scope', () => {
    expect(readerScopeOf({ role: 'applicant' })).toBeUndefined();
    expect(readerScopeOf({ role: 'admin' })).toBeUndefined();
  });
});
