import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The documents an agency issues: what its own events asked for, and what it rendered. */
export class AgencyDocuments1765400000000 implements MigrationInterface {
  name = 'AgencyDocuments1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE document_request (
        id bigserial PRIMARY KEY,
        request_key text NOT NULL UNIQUE,
        case_id uuid NOT NULL,
        item_code text NOT NULL,
        kind text NOT NULL,
        details jsonb NOT NULL,
        correlation_id text NOT NULL,
        causation_id text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query('CREATE INDEX document_request_pending ON document_request (id) WHERE done_at IS NULL');
    await queryRunner.query(`
      CREATE TABLE issued_document (
        document_no text PRIMARY KEY,
        request_id bigint NOT NULL REFERENCES document_request (id),
        case_id uuid NOT NULL,
        item_code text NOT NULL,
        kind text NOT NULL,
        issued_at timestamptz NOT NULL,
        title jsonb NOT NULL,
        sha256 text NOT NULL,
        pdf bytea NOT NULL,
        holder_masked text NOT NULL,
        data_keys jsonb NOT NULL,
        permit_no text,
        valid_from date,
        valid_to date
      )`);
    await queryRunner.query('CREATE INDEX issued_document_case ON issued_document (case_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE issued_document');
    await queryRunner.query('DROP TABLE document_request');
  }
}
