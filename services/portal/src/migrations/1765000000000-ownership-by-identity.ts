import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases belong to the person and the employer they are for, not to whoever filed them: the
 * employer's credit code is kept beside the applicant id and both are indexed for `mine=true`;
 * notifications move from the filer's token subject to the parties' inboxes
 * (`applicant:<applicantId>`, `employer:<uscc>`); uploads are summed per subject for the quota.
 */
export class OwnershipByIdentity1765000000000 implements MigrationInterface {
  name = 'OwnershipByIdentity1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE case_file ADD COLUMN employer_uscc text');
    await queryRunner.query(`UPDATE case_file SET employer_uscc = upper(btrim(body -> 'employer' ->> 'uscc')) WHERE coalesce(btrim(body -> 'employer' ->> 'uscc'), '') <> ''`);
    await queryRunner.query('CREATE INDEX case_file_applicant_id ON case_file (applicant_id, submitted_at DESC)');
    await queryRunner.query('CREATE INDEX case_file_employer_uscc ON case_file (employer_uscc, submitted_at DESC) WHERE employer_uscc IS NOT NULL');
    await queryRunner.query(`UPDATE notification n SET recipient = 'applicant:' || f.applicant_id FROM case_file f WHERE f.case_id = n.case_id AND n.recipient_role = 'applicant'`);
    await queryRunner.query(
      `UPDATE notification n SET recipient = 'employer:' || f.employer_uscc FROM case_file f WHERE f.case_id = n.case_id AND n.recipient_role = 'employer' AND f.employer_uscc IS NOT NULL`,
    );
    await queryRunner.query('CREATE INDEX material_upload_subject ON material_upload (uploaded_by_subject)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The notifications keep their party keys: the subjects they were filed under are not kept anywhere.
    await queryRunner.query('DROP INDEX material_upload_subject');
    await queryRunner.query('DROP INDEX case_file_employer_uscc');
    await queryRunner.query('DROP INDEX case_file_applicant_id');
    await queryRunner.query('ALTER TABLE case_file DROP COLUMN employer_uscc');
  }
}
