import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Statistics1764600000300 implements MigrationInterface {
  name = 'Statistics1764600000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stats_case (
        case_id uuid PRIMARY KEY,
        channel text,
        submitted_at timestamptz,
        withdrawn_at timestamptz,
        status text NOT NULL DEFAULT 'in_progress',
        joint_review_opened_at timestamptz,
        joint_review_concluded_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE stats_item (
        case_id uuid NOT NULL,
        item_code text NOT NULL,
        agency text,
        chosen boolean NOT NULL DEFAULT false,
        review_started_at timestamptz,
        outcome text,
        outcome_at timestamptz,
        reason text,
        supplement_requested_at timestamptz,
        overdue_at timestamptz,
        PRIMARY KEY (case_id, item_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE stats_item_transition (
        event_id uuid NOT NULL,
        item_code text NOT NULL,
        case_id uuid NOT NULL,
        state text NOT NULL,
        at timestamptz NOT NULL,
        reason text,
        requested_materials jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (event_id, item_code)
      )`);
    await queryRunner.query('CREATE INDEX stats_item_transition_item ON stats_item_transition (case_id, item_code)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE stats_item_transition');
    await queryRunner.query('DROP TABLE stats_item');
    await queryRunner.query('DROP TABLE stats_case');
  }
}
