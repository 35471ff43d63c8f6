import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { onTheWire } from '@work-permit/catalogue';
import { Clock, PeriodicTask } from '@work-permit/platform';
import type { DataSource } from 'typeorm';
import { DataSharingConfig } from '../../data-sharing.config';
import { RecordAccessLogHeadRow } from './access-log-head.entity';
import { AuditMetrics } from './audit.metrics';
import type { ChainLink, ChainVerdict } from './hash-chain';
import { highestHead } from './published-head';
import { verifyAccessLog } from './verify-access-log';

/**
 * Walks the whole access log every AUDIT_VERIFY_INTERVAL_MS with the chain key and holds it to the
 * highest head known: the one last published, and the one this process last found intact (kept in
 * memory, where someone editing the database cannot lower it). Sets `audit_chain_intact`
 * and logs an error, naming rows only, when the verdict turns bad.
 */
@Injectable()
export class AccessLogCheck implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AccessLogCheck.name);
  private readonly key: string;
  private readonly loop: PeriodicTask;
  private highestSeen?: ChainLink;
  private lastProblem?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly metrics: AuditMetrics,
    config: DataSharingConfig,
  ) {
    this.key = config.auditChainKey;
    this.loop = new PeriodicTask('checking the access log chain', config.AUDIT_VERIFY_INTERVAL_MS, () => this.check(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  // Before the database connection closes, so a run in progress finishes.
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  async check(): Promise<ChainVerdict> {
    const published = await this.dataSource.getRepository(RecordAccessLogHeadRow).findOneBy({ id: 1 });
    const heads = [...(published && published.rowId > 0 ? [{ id: published.rowId, hash: published.hash }] : []), ...(this.highestSeen ? [this.highestSeen] : [])];
    const verdict = await verifyAccessLog((sql, params) => this.dataSource.query(sql, params), this.key, { publishedHead: highestHead(heads) });
    this.metrics.checked(verdict, this.clock.now());
    if (verdict.ok) {
      if (verdict.rows > 0) this.highestSeen = { id: verdict.rows, hash: verdict.head };
      if (this.lastProblem) this.logger.warn(`access log chain intact again (${verdict.rows} rows)`);
      this.lastProblem = undefined;
    } else {
      const problem = `row ${verdict.brokenAt}: ${onTheWire(verdict.reason)}`;
      if (problem !== this.lastProblem) this.logger.error(`access log chain broken at ${problem} (${verdict.rows} rows before it intact)`);
      this.lastProblem = problem;
    }
    return verdict;
  }
}
