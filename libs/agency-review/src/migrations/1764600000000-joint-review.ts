import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JointReview1764600000000 implements MigrationInterface {
  name = 'JointReview1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_hold (
        case_id uuid PRIMARY KEY,
        status text NOT NULL,
        reason text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE joint_review (
        case_id uuid PRIMARY KEY,
        status text NOT NULL,
        reason text NOT NULL,
        agencies jsonb NOT NULL DEFAULT '[]',
        opinions jsonb NOT NULL DEFAULT '[]',
        opened_at timestamptz,
        concluded_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX joint_review_open ON joint_review (opened_at) WHERE status = 'open'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE joint_review');
    await queryRunner.query('DROP TABLE case_hold');
  }
}
