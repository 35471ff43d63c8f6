import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PortalCases1764400000000 implements MigrationInterface {
  name = 'PortalCases1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_file (
        case_id uuid PRIMARY KEY,
        status text NOT NULL,
        channel text NOT NULL,
        catalogue_version text NOT NULL,
        submitted_by_subject text NOT NULL,
        submitted_by_role text NOT NULL,
        applicant_subject text,
        employer_subject text,
        applicant_id text NOT NULL,
        body jsonb NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX case_file_applicant_subject ON case_file (applicant_subject) WHERE applicant_subject IS NOT NULL');
    await queryRunner.query('CREATE INDEX case_file_employer_subject ON case_file (employer_subject) WHERE employer_subject IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE case_item (
        case_id uuid NOT NULL REFERENCES case_file (case_id),
        code text NOT NULL,
        action text NOT NULL,
        agency text NOT NULL,
        status text NOT NULL,
        due_date date,
        reason text,
        result jsonb,
        requested_materials jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE case_timeline_entry (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file (case_id),
        at timestamptz NOT NULL,
        type text NOT NULL,
        agency text,
        item text
      )`);
    await queryRunner.query('CREATE INDEX case_timeline_entry_case ON case_timeline_entry (case_id, at)');
    await queryRunner.query(`
      CREATE TABLE idempotency_record (
        subject text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        case_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_record');
    await queryRunner.query('DROP TABLE case_timeline_entry');
    await queryRunner.query('DROP TABLE case_item');
    await queryRunner.query('DROP TABLE case_file');
  }
}
