import { scopeParity } from '@work-permit/agency-review/testing';
import { HrSocialSecurityReview } from './hr-social-security.review';

describe('HrSocialSecurityReview within its data scope', () => {
  it.each(scopeParity(HrSocialSecurityReview).map((parity) => [`${parity.code} ${parity.action}`, parity]))(
    '%s decides the same on the case as the agency keeps it (its scope) as on the whole case',
    (_label, { full, scoped }) => {
      expect(scoped).toEqual(full);
    },
  );
});
