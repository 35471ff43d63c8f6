import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The dead letters still waiting, counted on every metrics scrape without reading the whole inbox. */
export class DeadLettersWaiting1767000000000 implements MigrationInterface {
  name = 'DeadLettersWaiting1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS inbox_entry_dead_lettered ON inbox_entry (consumer_group) WHERE outcome = 'dead_lettered'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS inbox_entry_dead_lettered');
  }
}
