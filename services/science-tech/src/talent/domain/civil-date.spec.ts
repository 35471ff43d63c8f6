import { assertIsoDate } from './civil-date';
import { TalentErrorCode } from './talent.exception';

describe(assertIsoDate.name, () => {
  it.each(['2026-02-30', '2026-2-1', '', undefined, 20260201])('rejects %j with the talent error code', (value) => {
    expect(() => assertIsoDate(value, 'date')).toThrow(expect.objectContaining({ code: TalentErrorCode.InvalidDate }));
  });

  it('says which argument and what it received, in Chinese and in English', () => {
    expect(() => assertIsoDate('2026-02-30', 'birthDate')).toThrow(
      expect.objectContaining({
        reason: { code: 'talent.invalid.date', params: { field: 'birthDate', value: '"2026-02-30"' } },
        message: 'birthDate须为真实日期，格式为YYYY-MM-DD，收到的是"2026-02-30" / birthDate must be a real date written YYYY-MM-DD, got "2026-02-30"',
      }),
    );
  });

  it('accepts a real date', () => {
    expect(() => assertIsoDate('2028-02-29', 'date')).not.toThrow();
  });
});
