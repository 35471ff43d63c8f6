import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log's head as last published on sharing.events. The chain itself becomes an HMAC chain
 * under AUDIT_CHAIN_KEY with no change to the table: rows written before under plain SHA-256 do not
 * verify with the key (the service had not kept real people's reads then).
 */
export class AccessLogHead1765100000200 implements MigrationInterface {
  name = 'AccessLogHead1765100000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE record_access_log_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        row_id bigint NOT NULL,
        hash text NOT NULL,
        published_at timestamptz
      )`);
    await queryRunner.query(`INSERT INTO record_access_log_head (id, row_id, hash) VALUES (1, 0, '')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE record_access_log_head');
  }
}
