import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox row lives until the relay has sent it, and the largest payloads carry a formal document's
 * PDF, which does not compress: PostgreSQL tried every one (pglz, about 0.5 ms for 30 KB) before
 * keeping it as it was. A payload past the TOAST threshold is now stored out of line as it is.
 */
export class OutboxPayloadUncompressed1767100000000 implements MigrationInterface {
  name = 'OutboxPayloadUncompressed1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox_message ALTER COLUMN payload SET STORAGE EXTERNAL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox_message ALTER COLUMN payload SET STORAGE EXTENDED');
  }
}
