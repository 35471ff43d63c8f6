import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every offered value of the record, with its trust: the kept value is the highest-ranked offer, so an
 * employer's or clerk's filing no longer replaces what the person filed. Rows folded before keep their
 * value; only the kept offers can be carried over, so the earlier ones (and their conflicts) come back
 * with a rebuild (npm run sharing:rebuild).
 */
export class RecordOffers1765100000100 implements MigrationInterface {
  name = 'RecordOffers1765100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE record_field ADD COLUMN trust text NOT NULL DEFAULT 'verified', ADD COLUMN offered_by text NOT NULL DEFAULT 'agency'`);
    await queryRunner.query(`
      UPDATE record_field f
      SET trust = CASE WHEN c.submitter_role = 'applicant' THEN 'verified' ELSE 'unverified' END,
          offered_by = COALESCE(NULLIF(c.submitter_role, ''), 'unknown')
      FROM record_case c
      WHERE f.source = 'portal.case.submitted' AND c.case_id = f.source_case_id`);
    await queryRunner.query(`ALTER TABLE record_field ALTER COLUMN trust DROP DEFAULT, ALTER COLUMN offered_by DROP DEFAULT`);
    await queryRunner.query(`
      CREATE TABLE record_offer (
        applicant_id text NOT NULL,
        path text NOT NULL,
        source_event_id text NOT NULL,
        value jsonb NOT NULL,
        source text NOT NULL,
        source_case_id text NOT NULL,
        updated_at timestamptz NOT NULL,
        trust text NOT NULL,
        offered_by text NOT NULL,
        PRIMARY KEY (applicant_id, path, source_event_id)
      )`);
    await queryRunner.query(`
      INSERT INTO record_offer (applicant_id, path, source_event_id, value, source, source_case_id, updated_at, trust, offered_by)
      SELECT applicant_id, path, source_event_id, value, source, source_case_id, updated_at, trust, offered_by FROM record_field`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE record_offer');
    await queryRunner.query('ALTER TABLE record_field DROP COLUMN trust, DROP COLUMN offered_by');
  }
}
