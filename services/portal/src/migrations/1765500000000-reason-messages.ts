import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reasons and notifications as the message catalogue's messages (code and parameters), rendered in the
 * reader's language: beside each item's plain reason, and beside each notification's stored texts. Rows
 * from before keep their texts and are shown as written.
 */
export class ReasonMessages1765500000000 implements MigrationInterface {
  name = 'ReasonMessages1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE case_item ADD COLUMN reason_message jsonb');
    await queryRunner.query('ALTER TABLE notification ADD COLUMN title_message jsonb, ADD COLUMN body_message jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE notification DROP COLUMN body_message, DROP COLUMN title_message');
    await queryRunner.query('ALTER TABLE case_item DROP COLUMN reason_message');
  }
}
