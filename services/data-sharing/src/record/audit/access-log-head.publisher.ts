import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { onTheWire } from '@work-permit/catalogue';
import { Events } from '@work-permit/contracts';
import { UnitOfWork } from '@work-permit/messaging';
import { Clock, PeriodicTask } from '@work-permit/platform';
import { DataSharingConfig } from '../../data-sharing.config';
import { RecordAccessLogHeadRow } from './access-log-head.entity';
import { AuditMetrics } from './audit.metrics';
import type { ChainLink } from './hash-chain';
import { verifyAccessLog } from './verify-access-log';

/** The Kafka key (and envelope case id) of a log's heads: one partition, so they stay in order. */
export function headKeyOf(log: string): string {
  return `access-log:${log}`;
}

/**
 * Publishes the access log's newest row (`sharing.access-log.head-published`) every
 * AUDIT_HEAD_PUBLISH_INTERVAL_MS when the log grew since the last publication, through the outbox.
 * Only rows that chain onto the last published head are published: a head never vouches for a
 * broken chain, and a log that shrank publishes nothing (the higher head already out stands).
 */
@Injectable()
export class AccessLogHeadPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AccessLogHeadPublisher.name);
  private readonly key: string;
  private readonly log: string;
  private readonly loop: PeriodicTask;
  private lastRefusal?: string;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly metrics: AuditMetrics,
    config: DataSharingConfig,
  ) {
    this.key = config.auditChainKey;
    this.log = config.DATABASE_NAME;
    this.loop = new PeriodicTask('publishing the access log head', config.AUDIT_HEAD_PUBLISH_INTERVAL_MS, () => this.publishIfMoved(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  // Before the database connection closes, so a run in progress finishes.
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Publishes the head when it moved; returns it, or undefined when nothing was published. */
  async publishIfMoved(): Promise<ChainLink | undefined> {
    const published = await this.unitOfWork.run(async (tx) => {
      // The row lock makes replicas publish one after the other, each seeing the other's head.
      const last = await tx.manager.findOne(RecordAccessLogHeadRow, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      if (!last) throw new Error('record_access_log_head has no row: the migrations did not run');
      const after = last.rowId > 0 ? { id: last.rowId, hash: last.hash } : undefined;
      const verdict = await verifyAccessLog((sql, params) => tx.manager.query(sql, params), this.key, { after });
      if (!verdict.ok) {
        const refusal = `row ${verdict.brokenAt}: ${onTheWire(verdict.reason)}`;
        // Once per problem: AccessLogCheck raises the metric; this says why no head goes out.
        if (refusal !== this.lastRefusal) this.logger.error(`access log head not published: the chain is broken at ${refusal}`);
        this.lastRefusal = refusal;
        return undefined;
      }
      this.lastRefusal = undefined;
      if (verdict.rows <= last.rowId) return undefined;
      const [{ at }] = (await tx.manager.query('SELECT at FROM record_access_log WHERE id = $1', [verdict.rows])) as { at: Date }[];
      const now = this.clock.now();
      const key = headKeyOf(this.log);
      await tx.publish(
        Events.SharingAccessLogHeadPublished,
        { log: this.log, rowId: BigInt(verdict.rows), hash: verdict.head, rowAt: timestampFromDate(at) },
        { caseId: key, correlationId: key, causationId: key, occurredAt: now },
      );
      await tx.manager.update(RecordAccessLogHeadRow, { id: 1 }, { rowId: verdict.rows, hash: verdict.head, publishedAt: now });
      return { id: verdict.rows, hash: verdict.head };
    });
    if (published) this.metrics.published(published.id);
    return published;
  }
}
