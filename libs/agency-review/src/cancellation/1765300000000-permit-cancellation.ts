import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PermitCancellation1765300000000 implements MigrationInterface {
  name = 'PermitCancellation1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE permit_cancellation (
        case_id uuid NOT NULL,
        item_code text NOT NULL,
        role text NOT NULL,
        permit_no text NOT NULL,
        applicant_id text NOT NULL,
        cancelled_on date NOT NULL,
        ground text NOT NULL,
        reason text NOT NULL,
        contract_ended_on date,
        reported_late boolean NOT NULL DEFAULT false,
        reported_by jsonb,
        dependant_items jsonb NOT NULL DEFAULT '[]',
        ended_items jsonb NOT NULL DEFAULT '[]',
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, item_code)
      )`);
    await queryRunner.query('CREATE INDEX permit_cancellation_applicant ON permit_cancellation (applicant_id)');
    await queryRunner.query('CREATE INDEX permit_cancellation_recorded ON permit_cancellation (recorded_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE permit_cancellation');
  }
}
