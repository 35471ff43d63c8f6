import { assertIsoDate } from './civil-date';
import { TalentErrorCode } from './talent.exception';

describe(assertIsoDate.name, () => {
  it.each(['2026-02-30', '2026-2-1', '', undefined, 20260201])('rejects %j with the talent error code', (value) => {
    expect(() => assertIsoDate(value, 'date')).toThrow(expect.objectContaining({ code: TalentErrorCode.InvalidDate }));
  });

  it('accepts a real date', () => {
    expect(() => assertIsoDate('2028-02-29', 'date')).not.toThrow();
  });
});
