import { render } from '../messages/message';
import type { FieldDefinition } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { TODAY } from '../testing/example-body';
import { fieldPattern, fieldValueProblem } from './field-value.validator';

const catalogue = getCatalogue();
const field = (path: string): FieldDefinition => catalogue.fields.find((f) => f.path === path)!;
const check = (path: string, value: unknown, others: Record<string, unknown> = {}) => {
  const why = fieldValueProblem(field(path), value, { today: TODAY, valueOf: (p) => others[p] });
  return why && render(why, 'en');
};

describe(fieldValueProblem.name, () => {
  it.each([
    ['applicant.birthDate', '1990-02-30', 'must be a real date written YYYY-MM-DD'],
    ['applicant.birthDate', '1990/02/03', 'must be a real date written YYYY-MM-DD'],
    ['applicant.birthDate', '2027-01-01', `must not be later than today (${TODAY})`],
    ['applicant.passportExpiry', '2026-11-28', `must not be earlier than today (${TODAY})`],
    ['applicant.nationality', 'XXX', 'must be one of the listed options'],
    ['applicant.nationality', 'de', 'must be one of the listed options'],
    ['applicant.nationality', 'CHN', 'must be one of the listed options'],
    ['applicant.passportNo', 'no!', 'must be 5 to 20 upper-case letters or digits'],
    ['applicant.passportNo', 'E1234', undefined],
    ['applicant.passportNo', 'E123', 'must be 5 to 20 upper-case letters or digits'],
    ['applicant.passportNo', 'e12345678', 'must be 5 to 20 upper-case letters or digits'],
    ['applicant.sex', 'X', 'must be one of M, F'],
    ['applicant.education', 'phd', 'must be one of doctorate, master, bachelor, associate, none'],
    ['applicant.chineseLevel', 'HSK7', 'must be one of none, HSK1, HSK2, HSK3, HSK4, HSK5, HSK6, chinese-degree'],
    ['applicant.chineseLevel', 'chinese-degree', undefined],
    ['applicant.email', 'maria@', 'must be an email address'],
    ['applicant.phone', '13800138000', 'must be a phone number in international format, e.g. +8613800138000'],
    ['applicant.phone', '+86 138 0013 8000', 'must be a phone number in international format, e.g. +8613800138000'],
    ['applicant.workExperienceYears', 2.5, 'must be a whole number'],
    ['applicant.workExperienceYears', -1, 'must be at least 0'],
    ['applicant.workExperienceYears', '3', 'must be a whole number'],
    ['employment.monthsPerYearInChina', 13, 'must be at most 12'],
    ['employer.uscc', '91370000MA3C5LXX0X', 'must be an 18-character unified social credit code with a valid check character'],
    ['employer.name', 'x'.repeat(201), 'must be at most 200 characters'],
    ['applicant.surname', 42, 'must be a string'],
    ['talent.patentHolder', 'yes', 'must be true or false'],
  ])('checks %s = %j: %s', (path, value, problem) => {
    expect(check(path, value)).toBe(problem);
  });

  it('wants the contract to end after it starts', () => {
    expect(check('employment.contractEnd', '2026-03-01', { 'employment.contractStart': '2026-03-01' })).toBe('must be after employment.contractStart (2026-03-01)');
  });

  it('leaves the order of the contract dates alone when the start is not a date', () => {
    expect(check('employment.contractEnd', '2026-03-01', { 'employment.contractStart': 'soon' })).toBeUndefined();
  });
});

describe(fieldPattern.name, () => {
  it('shows the passport number pattern', () => {
    expect(fieldPattern(field('applicant.passportNo'))).toBe('^[A-Z0-9]{5,20}$');
  });

  it('shows the structure of a unified social credit code', () => {
    expect(new RegExp(fieldPattern(field('employer.uscc'))!).test('91371000MA3C5LXX0F')).toBe(true);
  });

  it('shows the international phone format', () => {
    expect(new RegExp(fieldPattern(field('applicant.phone'))!).test('+8613800138000')).toBe(true);
  });

  it('shows none for a field without one', () => {
    expect(fieldPattern(field('applicant.birthDate'))).toBeUndefined();
  });
});
