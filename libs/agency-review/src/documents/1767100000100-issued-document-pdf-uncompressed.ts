import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A PDF's streams are compressed already: PostgreSQL tried to compress every issued document again
 * (pglz, about 0.5 ms for 30 KB) and kept it as it was each time. It is now stored out of line as it is.
 */
export class IssuedDocumentPdfUncompressed1767100000100 implements MigrationInterface {
  name = 'IssuedDocumentPdfUncompressed1767100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE issued_document ALTER COLUMN pdf SET STORAGE EXTERNAL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE issued_document ALTER COLUMN pdf SET STORAGE EXTENDED');
  }
}
