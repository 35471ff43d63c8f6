import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The facts of their record a person declined to reuse in a case (portal.prefill.declined): one row per case and path. */
export class RecordRefusals1765700000100 implements MigrationInterface {
  name = 'RecordRefusals1765700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE record_refusal (
        applicant_id text NOT NULL,
        case_id text NOT NULL,
        path text NOT NULL,
        refused_at timestamptz NOT NULL,
        record_version integer NOT NULL,
        source text NOT NULL,
        source_case_id text NOT NULL,
        value_updated_at timestamptz,
        source_event_id text NOT NULL,
        PRIMARY KEY (applicant_id, case_id, path)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE record_refusal');
  }
}
