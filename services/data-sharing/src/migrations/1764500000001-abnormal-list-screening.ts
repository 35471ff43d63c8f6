import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AbnormalListScreening1764500000001 implements MigrationInterface {
  name = 'AbnormalListScreening1764500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE abnormal_list_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        passport_no text NOT NULL,
        nationality text NOT NULL,
        surname text,
        given_names text,
        birth_date date,
        reason text NOT NULL,
        source text NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX abnormal_list_entry_passport ON abnormal_list_entry (passport_no, nationality)');
    await queryRunner.query('CREATE INDEX abnormal_list_entry_birth_date ON abnormal_list_entry (birth_date) WHERE birth_date IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE applicant_screening (
        case_id uuid PRIMARY KEY,
        outcome text NOT NULL,
        matched_entries jsonb NOT NULL DEFAULT '[]',
        item_action text NOT NULL DEFAULT 'apply',
        resolved_by text,
        resolution_reason text,
        screened_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applicant_screening');
    await queryRunner.query('DROP TABLE abnormal_list_entry');
  }
}
