import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PortalNotifications1764700000000 implements MigrationInterface {
  name = 'PortalNotifications1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        source_id text NOT NULL,
        recipient text NOT NULL,
        recipient_role text NOT NULL,
        case_id uuid NOT NULL REFERENCES case_file (case_id),
        item_code text NOT NULL,
        kind text NOT NULL,
        title_zh text NOT NULL,
        title_en text NOT NULL,
        body_zh text NOT NULL,
        body_en text NOT NULL,
        -- clock_timestamp, not now(): several notifications written in one transaction still sort by when.
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz,
        UNIQUE (source_id, recipient)
      )`);
    await queryRunner.query('CREATE INDEX notification_inbox ON notification (recipient, recipient_role, created_at DESC)');
    await queryRunner.query(`
      CREATE TABLE notification_delivery (
        id bigserial PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notification (id),
        channel text NOT NULL,
        address text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notification_id, channel)
      )`);
    await queryRunner.query("CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status = 'pending'");
    await queryRunner.query(`
      CREATE TABLE permit_reminder (
        case_id uuid NOT NULL REFERENCES case_file (case_id),
        item_code text NOT NULL,
        days_before integer NOT NULL,
        applicant_id text NOT NULL,
        permit_no text,
        valid_to date NOT NULL,
        remind_on date NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        handled_at timestamptz,
        PRIMARY KEY (case_id, item_code, days_before)
      )`);
    await queryRunner.query("CREATE INDEX permit_reminder_due ON permit_reminder (remind_on) WHERE status = 'pending'");
    await queryRunner.query('CREATE INDEX permit_reminder_applicant ON permit_reminder (applicant_id, item_code)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE permit_reminder');
    await queryRunner.query('DROP TABLE notification_delivery');
    await queryRunner.query('DROP TABLE notification');
  }
}
