import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The due date an overdue item passed, from its overdue notice; rows folded before stay null until a rebuild. */
export class StatsOverdueDueDate1764700000300 implements MigrationInterface {
  name = 'StatsOverdueDueDate1764700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE stats_item ADD COLUMN overdue_due_date date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE stats_item DROP COLUMN overdue_due_date');
  }
}
