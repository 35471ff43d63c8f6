import { dataScopeOf, DataScope, getCatalogue } from '@work-permit/catalogue';
import { applicantNameOf, releasesApplicantName } from './queue-item-view';

describe(applicantNameOf.name, () => {
  const catalogue = getCatalogue();
  const stored = { surname: 'MUSTER', givenNames: 'Erika Anna' };

  it('shows the name, surname first, to the agencies whose scope releases it', () => {
    for (const agency of ['approval', 'psb', 'hrss'] as const) {
      expect([agency, applicantNameOf(stored, dataScopeOf(catalogue, agency))]).toEqual([agency, 'MUSTER Erika Anna']);
      expect(releasesApplicantName(dataScopeOf(catalogue, agency))).toBe(true);
    }
  });

  it('shows science and technology no name, even one that reached its copy', () => {
    const scitech = dataScopeOf(catalogue, 'scitech');
    expect(releasesApplicantName(scitech)).toBe(false);
    expect(applicantNameOf(stored, scitech)).toBeNull();
  });

  it('shows only the released part of a name, and nothing for empty or missing parts', () => {
    expect(applicantNameOf(stored, new DataScope('approval', ['applicant.surname']))).toBe('MUSTER');
    expect(applicantNameOf(stored, new DataScope('approval', ['applicant.*', '!applicant.surname']))).toBe('Erika Anna');
    const approval = dataScopeOf(catalogue, 'approval');
    expect(applicantNameOf({ surname: '  ', givenNames: ' Erika ' }, approval)).toBe('Erika');
    expect(applicantNameOf({ surname: 42, givenNames: null }, approval)).toBeNull();
    expect(applicantNameOf(undefined, approval)).toBeNull();
  });
});
