import { normaliseName, normalisePassportNo, screenApplicant } from './screening.rules';

const entry = { id: 'e1', passportNo: 'C01X00T47', nationality: 'DEU', surname: 'SCHMIDT', givenNames: 'MARIA ANNA', birthDate: '1988-04-12', reason: 'visa fraud' };
const applicant = { passportNo: 'C01X00T47', nationality: 'DEU', surname: 'Schmidt', givenNames: 'Maria Anna', birthDate: '1988-04-12' };
const options = { maxNameDistance: 2 };

describe(screenApplicant.name, () => {
  it('lists the same passport number and nationality, whatever the spacing or case', () => {
    expect(screenApplicant({ ...applicant, passportNo: 'c01x 00t47', nationality: 'deu' }, [entry], options)).toEqual({ outcome: 'listed', matches: [entry] });
  });

  it('clears another person', () => {
    expect(screenApplicant({ ...applicant, passportNo: 'X9', surname: 'Novak', givenNames: 'Jan' }, [entry], options)).toEqual({ outcome: 'clear' });
  });

  it('flags a near name with the same birth date (a new passport, a transliteration) for a person to check', () => {
    expect(screenApplicant({ ...applicant, passportNo: 'N1', surname: 'Schmitt', givenNames: 'María Anna' }, [entry], options)).toEqual({ outcome: 'possible', matches: [entry] });
    expect(screenApplicant({ ...applicant, passportNo: 'N1', nationality: 'AUT' }, [entry], options).outcome).toBe('possible');
  });

  it('does not flag a near name born on another day, or a name too far off', () => {
    expect(screenApplicant({ ...applicant, passportNo: 'N1', birthDate: '1988-04-13' }, [entry], options).outcome).toBe('clear');
    expect(screenApplicant({ ...applicant, passportNo: 'N1', surname: 'Schneider' }, [entry], options).outcome).toBe('clear');
  });

  it('normalises passport numbers and names', () => {
    expect(normalisePassportNo(' ab 12 3 ')).toBe('AB123');
    expect(normaliseName('García', 'María-José')).toBe(normaliseName('MARIA JOSE GARCIA'));
  });
});
