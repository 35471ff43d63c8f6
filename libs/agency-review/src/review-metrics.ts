import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@work-permit/observability';
import type { DataSource } from 'typeorm';

/** What the engineer on call and the city watch: items by status (read from the database on each scrape, so always what committed) and overdue notices. */
@Injectable()
export class ReviewMetrics {
  private readonly overdue;
  private readonly escalations;

  constructor(registry: MetricsRegistry, @InjectDataSource() dataSource: DataSource) {
    this.overdue = registry.counter('review', 'overdue_announced_total', 'Items announced overdue, by item', ['item']);
    this.escalations = registry.counter('review', 'escalated_total', 'Items escalated to the lead agency when their statutory limit ran out, by item', ['item']);
    registry.gauge('review', 'items', 'Items this agency holds, by item and status', ['item', 'status'], async function () {
      const rows = (await dataSource.query('SELECT code, status, count(*)::int AS n FROM review_item GROUP BY code, status')) as { code: string; status: string; n: number }[];
      this.reset();
      for (const row of rows) this.set({ item: row.code, status: row.status }, row.n);
    });
  }

  announcedOverdue(item: string): void {
    this.overdue.inc({ item });
  }

  escalated(item: string): void {
    this.escalations.inc({ item });
  }
}
