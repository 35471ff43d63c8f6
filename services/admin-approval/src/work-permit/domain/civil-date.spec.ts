import { localize, message } from '@work-permit/catalogue';
import { assertIsoDate } from './civil-date';
import { WorkPermitErrorCode } from './work-permit.exception';

describe(assertIsoDate.name, () => {
  it.each(['2026-02-30', '2026-2-1', '', undefined])('rejects %j with the work-permit error code', (value) => {
    expect(() => assertIsoDate(value, 'date')).toThrow(expect.objectContaining({ code: WorkPermitErrorCode.InvalidDate }));
  });

  it('names the field by its label and the value it got, in both languages', () => {
    expect(() => assertIsoDate('1988-02-30', 'applicant.birthDate')).toThrow(
      expect.objectContaining({ reason: message('work_permit.input.invalid_date', { field: 'applicant.birthDate', value: '"1988-02-30"' }) }),
    );
    expect(localize(message('work_permit.input.invalid_date', { field: 'applicant.birthDate', value: '"1988-02-30"' }))).toEqual({
      zh: '出生日期须为按YYYY-MM-DD书写的真实日期，收到的是"1988-02-30"。',
      en: 'Date of birth must be a real date written YYYY-MM-DD, got "1988-02-30".',
    });
    expect(() => assertIsoDate(undefined, 'today')).toThrow(expect.objectContaining({ reason: message('work_permit.input.invalid_date', { field: 'today', value: 'undefined' }) }));
  });

  it('accepts a real date', () => {
    expect(() => assertIsoDate('2028-02-29', 'date')).not.toThrow();
  });
});
