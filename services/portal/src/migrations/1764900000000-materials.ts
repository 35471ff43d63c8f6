import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Materials1764900000000 implements MigrationInterface {
  name = 'Materials1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE material (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        file_name text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        content_type text NOT NULL,
        uploaded_by_subject text NOT NULL,
        uploaded_by_role text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE material_upload (
        sha256 text NOT NULL REFERENCES material (sha256),
        uploaded_by_subject text NOT NULL,
        uploaded_by_role text NOT NULL,
        file_name text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sha256, uploaded_by_subject)
      )`);
    // Who may read a document depends on the cases that reference it (body.materials[].sha256, supplements included).
    await queryRunner.query(`CREATE INDEX case_file_materials ON case_file USING gin ((body -> 'materials') jsonb_path_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX case_file_materials');
    await queryRunner.query('DROP TABLE material_upload');
    await queryRunner.query('DROP TABLE material');
  }
}
