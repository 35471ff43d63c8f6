import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clocks as the law counts them: a dependant's clock starts when it can be accepted; statutory limits, their extension and escalation. */
export class DecisionClocks1765200000000 implements MigrationInterface {
  name = 'DecisionClocks1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE review_item
        ADD COLUMN clock_starts_on date,
        ADD COLUMN statutory_limit jsonb,
        ADD COLUMN statutory_due_date date,
        ADD COLUMN extension jsonb,
        ADD COLUMN escalated_at timestamptz`);
    // Items opened before counted from the day of submission; they keep counting from it.
    await queryRunner.query(`UPDATE review_item i SET clock_starts_on = (c.facts->>'submittedOn')::date FROM review_case c WHERE c.case_id = i.case_id`);
    await queryRunner.query(`
      CREATE INDEX review_item_escalation ON review_item (statutory_due_date)
      WHERE escalated_at IS NULL AND status IN ('pending', 'in_review', 'joint_review')`);
    await queryRunner.query('ALTER TABLE prerequisite_outcome ADD COLUMN decided_on date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE prerequisite_outcome DROP COLUMN decided_on');
    await queryRunner.query('DROP INDEX review_item_escalation');
    await queryRunner.query('ALTER TABLE review_item DROP COLUMN escalated_at, DROP COLUMN extension, DROP COLUMN statutory_due_date, DROP COLUMN statutory_limit, DROP COLUMN clock_starts_on');
  }
}
