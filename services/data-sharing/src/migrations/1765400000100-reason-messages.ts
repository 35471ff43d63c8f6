import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reasons as the message catalogue's code and parameters (the events' `reason_message`), beside the
 * plain texts: the record shows them in the reader's language, the statistics count them by code. Rows
 * folded before stay null and read as their plain text until a rebuild.
 */
export class ReasonMessages1765400000100 implements MigrationInterface {
  name = 'ReasonMessages1765400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN reason_message jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN reason_message`);
  }
}

const TABLES = ['record_permit', 'record_permit_cancellation', 'stats_item', 'stats_item_transition'] as const;
