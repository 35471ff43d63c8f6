import { getCatalogue } from '@work-permit/catalogue';
import { decisionDueDate } from './residence-decision-due-date.rules';
import { ResidencePermitErrorCode } from './residence-permit.exception';

const parameters = getCatalogue().parameters;

describe(decisionDueDate.name, () => {
  it('falls 15 calendar days after acceptance', () => {
    expect(decisionDueDate('2026-03-02', parameters)).toBe('2026-03-17');
  });

  it('counts through the National Day holiday without moving the end', () => {
    expect(decisionDueDate('2026-09-28', parameters)).toBe('2026-10-13');
  });

  it('moves by the days an answered supplement request held the clock', () => {
    expect(decisionDueDate('2026-03-02', parameters, [{ from: '2026-03-05', to: '2026-03-09' }])).toBe('2026-03-21');
  });

  it('is unknown while a supplement request is unanswered', () => {
    expect(decisionDueDate('2026-03-02', parameters, [{ from: '2026-03-05' }])).toBeUndefined();
  });

  it('rejects an acceptance date that is not a date', () => {
    expect(() => decisionDueDate('02/03/2026', parameters)).toThrow(expect.objectContaining({ code: ResidencePermitErrorCode.InvalidArgument }));
  });
});
