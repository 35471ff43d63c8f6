import { normalisePassportNo, screenApplicant } from './screening.rules';

const entry = { id: 'e1', passportNo: 'C01X00T47', nationality: 'DEU', reason: 'visa fraud' };

describe(screenApplicant.name, () => {
  it('matches the same passport number and nationality, whatever the spacing or case', () => {
    expect(screenApplicant({ passportNo: 'c01x 00t47', nationality: 'deu' }, [entry])).toEqual({ outcome: 'listed', matches: [entry] });
  });

  it('clears the same number of another nationality, and another number', () => {
    expect(screenApplicant({ passportNo: 'C01X00T47', nationality: 'AUT' }, [entry])).toEqual({ outcome: 'clear' });
    expect(screenApplicant({ passportNo: 'C01X00T48', nationality: 'DEU' }, [entry])).toEqual({ outcome: 'clear' });
  });

  it('normalises passport numbers for storage', () => {
    expect(normalisePassportNo(' ab 12 3 ')).toBe('AB123');
  });
});
