import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicantPrefill1764700000200 implements MigrationInterface {
  name = 'ApplicantPrefill1764700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE applicant_prefill (
        applicant_id text PRIMARY KEY,
        version integer NOT NULL,
        fields jsonb NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applicant_prefill');
  }
}
