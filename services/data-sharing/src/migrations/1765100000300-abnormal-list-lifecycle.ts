import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who reported an entry, when it expires, and its lifting; entries reported before name no reporter. */
export class AbnormalListLifecycle1765100000300 implements MigrationInterface {
  name = 'AbnormalListLifecycle1765100000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE abnormal_list_entry
        ADD COLUMN reported_by text,
        ADD COLUMN expires_on date,
        ADD COLUMN lifted_at timestamptz,
        ADD COLUMN lifted_by text,
        ADD COLUMN lift_reason text`);
    await queryRunner.query('CREATE INDEX abnormal_list_entry_source ON abnormal_list_entry (source, reported_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX abnormal_list_entry_source');
    await queryRunner.query('ALTER TABLE abnormal_list_entry DROP COLUMN reported_by, DROP COLUMN expires_on, DROP COLUMN lifted_at, DROP COLUMN lifted_by, DROP COLUMN lift_reason');
  }
}
