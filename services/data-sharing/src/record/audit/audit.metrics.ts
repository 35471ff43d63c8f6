import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@work-permit/observability';
import type { ChainVerdict } from './hash-chain';

type Gauge = ReturnType<MetricsRegistry['gauge']>;

/** The access log's health as gauges: `audit_*`. */
@Injectable()
export class AuditMetrics {
  private readonly intact: Gauge;
  private readonly verifiedRows: Gauge;
  private readonly publishedRow: Gauge;
  private readonly checkedAt: Gauge;

  constructor(registry: MetricsRegistry) {
    this.intact = registry.gauge('audit', 'chain_intact', '1 when the last check found the access log chain intact and reaching its published head, 0 when it found it broken', []);
    this.verifiedRows = registry.gauge('audit', 'chain_verified_rows', 'Rows of the access log the last check found intact, from the first', []);
    this.publishedRow = registry.gauge('audit', 'head_published_row', 'The access log row last published as its head on sharing.events', []);
    this.checkedAt = registry.gauge('audit', 'chain_checked_timestamp_seconds', 'When the access log chain was last checked', []);
  }

  checked(verdict: ChainVerdict, at: Date): void {
    this.intact.set(verdict.ok ? 1 : 0);
    this.verifiedRows.set(verdict.rows);
    this.checkedAt.set(at.getTime() / 1000);
  }

  published(rowId: number): void {
    this.publishedRow.set(rowId);
  }
}
