import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicantRecord1764600000100 implements MigrationInterface {
  name = 'ApplicantRecord1764600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE record_applicant (
        applicant_id text PRIMARY KEY,
        version integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`
      CREATE TABLE record_case (
        case_id text PRIMARY KEY,
        applicant_id text NOT NULL,
        submitter_subject text NOT NULL,
        submitter_role text NOT NULL,
        submitted_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX record_case_applicant ON record_case (applicant_id)');
    await queryRunner.query(`
      CREATE TABLE record_field (
        applicant_id text NOT NULL,
        path text NOT NULL,
        value jsonb NOT NULL,
        source text NOT NULL,
        source_case_id text NOT NULL,
        source_event_id text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (applicant_id, path)
      )`);
    await queryRunner.query(`
      CREATE TABLE record_permit (
        case_id text NOT NULL,
        item text NOT NULL,
        action text NOT NULL,
        agency text NOT NULL,
        status text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        reason text,
        source text NOT NULL,
        source_event_id text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, item)
      )`);
    await queryRunner.query(`
      CREATE TABLE record_change (
        id bigserial PRIMARY KEY,
        case_id text NOT NULL,
        subject text NOT NULL,
        old_value jsonb,
        new_value jsonb,
        source text NOT NULL,
        source_event_id text NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX record_change_case ON record_change (case_id)');
    await queryRunner.query(`
      CREATE TABLE record_access_log (
        id bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        applicant_id text NOT NULL,
        agency text NOT NULL,
        subject text NOT NULL,
        purpose text NOT NULL,
        fields jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX record_access_log_applicant ON record_access_log (applicant_id)');
    // The application never changes a row; the database refuses it too, so only someone who drops the
    // trigger can, and the hash chain then shows it.
    await queryRunner.query(`
      CREATE FUNCTION record_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'record_access_log is append-only: % refused', TG_OP;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER record_access_log_append_only BEFORE UPDATE OR DELETE ON record_access_log
      FOR EACH ROW EXECUTE FUNCTION record_access_log_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER record_access_log_no_truncate BEFORE TRUNCATE ON record_access_log
      FOR EACH STATEMENT EXECUTE FUNCTION record_access_log_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE record_access_log');
    await queryRunner.query('DROP FUNCTION record_access_log_append_only()');
    await queryRunner.query('DROP TABLE record_change');
    await queryRunner.query('DROP TABLE record_permit');
    await queryRunner.query('DROP TABLE record_field');
    await queryRunner.query('DROP TABLE record_case');
    await queryRunner.query('DROP TABLE record_applicant');
  }
}
