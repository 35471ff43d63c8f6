import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The cases an abnormal-list entry reached after they were filed (open cases and current permit holders). */
export class LateListingReferral1765300000300 implements MigrationInterface {
  name = 'LateListingReferral1765300000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE late_listing_referral (
        entry_id uuid NOT NULL,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        match text NOT NULL,
        previous_outcome text NOT NULL,
        referred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entry_id, case_id)
      )`);
    await queryRunner.query('CREATE INDEX late_listing_referral_case ON late_listing_referral (case_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE late_listing_referral');
  }
}
