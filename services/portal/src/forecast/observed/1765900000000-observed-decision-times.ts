import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The observed decision times the completion forecast learns from: a histogram per item, action and month. */
export class ObservedDecisionTimes1765900000000 implements MigrationInterface {
  name = 'ObservedDecisionTimes1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE observed_decision_time (
        item_code text NOT NULL,
        action text NOT NULL,
        decided_month date NOT NULL,
        working_days integer NOT NULL CHECK (working_days >= 0),
        decisions integer NOT NULL CHECK (decisions > 0),
        PRIMARY KEY (item_code, action, decided_month, working_days)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE observed_decision_time');
  }
}
