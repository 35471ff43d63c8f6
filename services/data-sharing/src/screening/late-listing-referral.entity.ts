import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { LateListingTarget, LateMatch, ScreeningOutcomeName } from './late-listing.rules';

/** A case an abnormal-list entry reached after it was filed: once per entry and case, so screening an entry again refers nobody twice. */
@Entity('late_listing_referral')
export class LateListingReferral {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: LateListingTarget['kind'];

  /** `listed`: referred to a joint review; `possible`: a near match a Big Data Bureau officer checks. */
  @Column({ type: 'text' })
  match!: LateMatch;

  /** The case's screening before this entry (`none`: it had none). */
  @Column({ name: 'previous_outcome', type: 'text' })
  previousOutcome!: ScreeningOutcomeName | 'none';

  @CreateDateColumn({ name: 'referred_at', type: 'timestamptz' })
  referredAt!: Date;
}
