import { scopeParity } from '@work-permit/agency-review/testing';
import { PublicSecurityReview } from './public-security.review';

describe('PublicSecurityReview within its data scope', () => {
  it.each(scopeParity(PublicSecurityReview).map((parity) => [`${parity.code} ${parity.action}`, parity]))(
    '%s decides the same on the case as the agency keeps it (its scope) as on the whole case',
    (_label, { full, scoped }) => {
      expect(scoped).toEqual(full);
    },
  );
});
