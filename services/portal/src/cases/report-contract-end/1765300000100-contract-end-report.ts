import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractEndReport1765300000100 implements MigrationInterface {
  name = 'ContractEndReport1765300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contract_end_report (
        case_id uuid PRIMARY KEY REFERENCES case_file (case_id),
        item_code text NOT NULL,
        permit_no text NOT NULL,
        ended_on date NOT NULL,
        reason text NOT NULL,
        reported_on date NOT NULL,
        days_after_end integer NOT NULL,
        window_days integer NOT NULL,
        late boolean NOT NULL,
        reported_by_subject text NOT NULL,
        reported_by_role text NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contract_end_report');
  }
}
