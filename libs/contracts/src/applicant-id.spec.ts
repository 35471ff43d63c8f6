import { applicantIdOf } from './applicant-id';

describe(applicantIdOf.name, () => {
  it('gives one person the same id however the passport number is typed', () => {
    expect(applicantIdOf('GBR', 'e1234567 ')).toBe(applicantIdOf('gbr', 'E1234567'));
  });

  it('tells apart the same number issued by two countries', () => {
    expect(applicantIdOf('GBR', 'E1234567')).not.toBe(applicantIdOf('DEU', 'E1234567'));
  });

  it('does not contain the passport number', () => {
    expect(applicantIdOf('GBR', 'E1234567')).toMatch(/^ap_[0-9a-f]{32}$/);
  });
});
