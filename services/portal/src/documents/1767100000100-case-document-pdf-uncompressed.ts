import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A PDF's streams are compressed already: PostgreSQL tried to compress every case document again (pglz,
 * about 0.5 ms for 30 KB) and kept it as it was each time. It is now stored out of line as it is.
 */
export class CaseDocumentPdfUncompressed1767100000100 implements MigrationInterface {
  name = 'CaseDocumentPdfUncompressed1767100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE case_document ALTER COLUMN pdf SET STORAGE EXTERNAL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE case_document ALTER COLUMN pdf SET STORAGE EXTENDED');
  }
}
