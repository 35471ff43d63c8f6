import { scopeParity } from '@work-permit/agency-review/testing';
import { ScienceTechReview } from './science-tech.review';

describe('ScienceTechReview within its data scope', () => {
  it.each(scopeParity(ScienceTechReview).map((parity) => [`${parity.code} ${parity.action}`, parity]))(
    '%s decides the same on the case as the agency keeps it (its scope) as on the whole case',
    (_label, { full, scoped }) => {
      expect(scoped).toEqual(full);
    },
  );
});
