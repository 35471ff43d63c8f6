import { getCatalogue } from '@work-permit/catalogue';
import { reviewDueWorkingDays } from './review-due.rules';

const parameters = getCatalogue().parameters;

describe(reviewDueWorkingDays.name, () => {
  it('gives category A 5 working days', () => {
    expect(reviewDueWorkingDays('A', parameters)).toBe(5);
  });

  it.each(['B', 'C'] as const)('gives category %s 10 working days', (category) => {
    expect(reviewDueWorkingDays(category, parameters)).toBe(10);
  });

  it('reads the days from the parameters', () => {
    const faster = { ...parameters, workPermit: { ...parameters.workPermit, reviewWorkingDays: { categoryA: 3, other: 7 } } };
    expect([reviewDueWorkingDays('A', faster), reviewDueWorkingDays('B', faster)]).toEqual([3, 7]);
  });
});
