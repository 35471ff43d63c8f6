import { assertIsoDate } from './civil-date';
import { WorkPermitErrorCode } from './work-permit.exception';

describe(assertIsoDate.name, () => {
  it.each(['2026-02-30', '2026-2-1', '', undefined])('rejects %j with the work-permit error code', (value) => {
    expect(() => assertIsoDate(value, 'date')).toThrow(expect.objectContaining({ code: WorkPermitErrorCode.InvalidDate }));
  });

  it('accepts a real date', () => {
    expect(() => assertIsoDate('2028-02-29', 'date')).not.toThrow();
  });
});
