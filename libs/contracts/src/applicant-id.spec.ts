import { applicantIdOf } from './applicant-id';

const KEY = 'a-key-of-the-platform';

describe(applicantIdOf.name, () => {
  it('gives one person the same id however the passport number is typed', () => {
    expect(applicantIdOf(KEY, 'GBR', 'e123 4567 ')).toBe(applicantIdOf(KEY, 'gbr', 'E1234567'));
  });

  it('tells apart the same number issued by two countries', () => {
    expect(applicantIdOf(KEY, 'GBR', 'E1234567')).not.toBe(applicantIdOf(KEY, 'DEU', 'E1234567'));
  });

  it('does not contain the passport number', () => {
    expect(applicantIdOf(KEY, 'GBR', 'E1234567')).toMatch(/^ap_[0-9a-f]{32}$/);
  });

  it('cannot be computed without the key', () => {
    expect(applicantIdOf('another-key', 'GBR', 'E1234567')).not.toBe(applicantIdOf(KEY, 'GBR', 'E1234567'));
  });
});
