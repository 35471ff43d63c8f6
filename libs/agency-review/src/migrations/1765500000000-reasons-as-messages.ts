import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS: readonly [table: string, column: string][] = [
  ['review_item', 'reason'],
  ['prerequisite_outcome', 'reason'],
  ['case_hold', 'reason'],
  ['joint_review', 'reason'],
  ['permit_cancellation', 'reason'],
];

/**
 * Reasons become messages of the catalogue (code and parameters, rendered in the reader's language);
 * a reason written before keeps its words, as written.
 */
export class ReasonsAsMessages1765500000000 implements MigrationInterface {
  name = 'ReasonsAsMessages1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`
        ALTER TABLE ${table} ALTER COLUMN ${column} TYPE jsonb
        USING CASE WHEN ${column} IS NULL THEN NULL
                   ELSE jsonb_build_object('code', 'text.as_written', 'params', jsonb_build_object('text', ${column})) END`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE text USING ${column}->'params'->>'text'`);
    }
  }
}
