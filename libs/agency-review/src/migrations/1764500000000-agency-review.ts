import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgencyReview1764500000000 implements MigrationInterface {
  name = 'AgencyReview1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE review_case (
        case_id uuid PRIMARY KEY,
        applicant_id text NOT NULL,
        correlation_id text NOT NULL,
        facts jsonb NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE review_item (
        case_id uuid NOT NULL REFERENCES review_case (case_id),
        code text NOT NULL,
        action text NOT NULL,
        status text NOT NULL,
        time_limit jsonb NOT NULL,
        pauses jsonb NOT NULL DEFAULT '[]',
        supplement_requested boolean NOT NULL DEFAULT false,
        requested_materials jsonb NOT NULL DEFAULT '[]',
        still_missing jsonb NOT NULL DEFAULT '[]',
        reason text,
        assessment jsonb,
        result jsonb,
        decided_by_kind text,
        decided_by_subject text,
        decided_at timestamptz,
        due_date date,
        due_date_provisional boolean NOT NULL DEFAULT false,
        overdue_announced_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, code)
      )`);
    await queryRunner.query('CREATE INDEX review_item_status ON review_item (status, due_date)');
    await queryRunner.query(`
      CREATE INDEX review_item_overdue ON review_item (due_date)
      WHERE overdue_announced_at IS NULL AND status IN ('pending', 'in_review')`);
    await queryRunner.query(`
      CREATE TABLE prerequisite_outcome (
        case_id uuid NOT NULL,
        code text NOT NULL,
        status text NOT NULL,
        reason text,
        result jsonb NOT NULL DEFAULT '{}',
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, code)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE prerequisite_outcome');
    await queryRunner.query('DROP TABLE review_item');
    await queryRunner.query('DROP TABLE review_case');
  }
}
