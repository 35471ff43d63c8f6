import type { CatalogueParameters, TalentCategory } from '@work-permit/catalogue';

/** Working days the bureau has to review a work permit application: shorter for category A's green channel. */
export function reviewDueWorkingDays(category: TalentCategory, parameters: CatalogueParameters): number {
  const { reviewWorkingDays } = parameters.workPermit;
  switch (category) {
    case 'A':
      return reviewWorkingDays.categoryA;
    case 'B':
    case 'C':
      return reviewWorkingDays.other;
  }
}
