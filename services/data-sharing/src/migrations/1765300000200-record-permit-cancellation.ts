import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Permits cancelled by their owner (approval.permit.cancelled), beside the items' outcomes. */
export class RecordPermitCancellation1765300000200 implements MigrationInterface {
  name = 'RecordPermitCancellation1765300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE record_permit_cancellation (
        case_id text NOT NULL,
        item text NOT NULL,
        permit_no text NOT NULL,
        cancelled_on date NOT NULL,
        ground text NOT NULL,
        reason text NOT NULL,
        contract_ended_on date,
        source text NOT NULL,
        source_event_id text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, item)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE record_permit_cancellation');
  }
}
