import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The formal documents of every case (the portal's acceptance notices and the agencies' documents), and the notices still to issue. */
export class CaseDocuments1765400000100 implements MigrationInterface {
  name = 'CaseDocuments1765400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_document (
        document_no text PRIMARY KEY,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        item_code text,
        issuer text NOT NULL,
        issued_at timestamptz NOT NULL,
        title jsonb NOT NULL,
        sha256 text NOT NULL,
        pdf bytea NOT NULL,
        holder_masked text NOT NULL,
        data_keys jsonb NOT NULL,
        applicant_id text,
        permit_no text,
        valid_from date,
        valid_to date,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX case_document_case ON case_document (case_id, issued_at)');
    await queryRunner.query(`CREATE INDEX case_document_holder_permits ON case_document (applicant_id, item_code, issued_at) WHERE kind = 'e_permit'`);
    await queryRunner.query('CREATE INDEX case_document_permit_no ON case_document (permit_no) WHERE permit_no IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE acceptance_notice_request (
        case_id uuid PRIMARY KEY,
        correlation_id text NOT NULL,
        causation_id text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query('CREATE INDEX acceptance_notice_request_pending ON acceptance_notice_request (requested_at) WHERE done_at IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE acceptance_notice_request');
    await queryRunner.query('DROP TABLE case_document');
  }
}
