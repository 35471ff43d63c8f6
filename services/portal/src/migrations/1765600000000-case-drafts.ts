import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Drafts of the one form, kept for their owner (by verified identity) until submitted, deleted or expired. */
export class CaseDrafts1765600000000 implements MigrationInterface {
  name = 'CaseDrafts1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_draft (
        draft_id uuid PRIMARY KEY,
        owner_kind text NOT NULL,
        owner_key text NOT NULL,
        created_by_subject text NOT NULL,
        content jsonb NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX case_draft_owner ON case_draft (owner_kind, owner_key, updated_at DESC)');
    await queryRunner.query('CREATE INDEX case_draft_updated_at ON case_draft (updated_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE case_draft');
  }
}
