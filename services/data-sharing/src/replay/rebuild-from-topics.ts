import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { decodeEvent, type IncomingEvent } from '@work-permit/contracts';
import { classifyFailure, declaredEventType, TopicHistory, type TopicMessage } from '@work-permit/messaging';
import { ensureDatabaseExists } from '@work-permit/platform';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import type { DataSharingConfig } from '../data-sharing.config';
import { DataSharingService } from '../data-sharing.service';
import { EVENT_FOLDS, type EventFold } from '../events/event-fold';
import { CONSUMED_EVENT_TYPES } from '../events/sharing-events.consumer';
import { ReplayTransaction } from './replay-transaction';

export interface RebuildReport {
  database: string;
  /** Messages read from the topics. */
  read: number;
  applied: number;
  /** Undecodable, of a type not consumed, a duplicate of an event already applied, or refused by a fold as the live consumer would dead-letter it. */
  skipped: number;
  folds: string[];
}

/**
 * Rebuilds the service's projections (the folds marked `rebuildable`) into a new database
 * `config.DATABASE_NAME`: migrations, then every consumed topic (or `topics`, a test's own) from offset 0. Events are applied in
 * order of occurredAt — the order the folds' last-writer-wins rules resolve to — and publish nothing.
 */
export async function rebuildFromTopics(config: DataSharingConfig, { topics = DataSharingService.consumes }: { topics?: readonly string[] } = {}): Promise<RebuildReport> {
  if (!(await ensureDatabaseExists(config.DATABASE_URL, config.DATABASE_NAME))) {
    throw new Error(`database ${config.DATABASE_NAME} exists already: a rebuild writes into a new one`);
  }
  // The service's own wiring (migrations, folds with their dependencies), without its consumer or HTTP.
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    const folds = app.get<EventFold[]>(EVENT_FOLDS).filter((fold) => fold.rebuildable);
    const messages = await app.get(TopicHistory).read(topics, { groupPrefix: 'data-sharing-rebuild' });
    const events = inReplayOrder(messages);
    const dataSource = app.get(DataSource);
    let applied = 0;
    for (const event of events) {
      if (await applyOnce(dataSource, folds, event)) applied += 1;
    }
    const report = { database: config.DATABASE_NAME, read: messages.length, applied, skipped: messages.length - applied, folds: folds.map((fold) => fold.name) };
    new Logger('Rebuild').log(`rebuilt ${report.folds.join(', ')} into ${report.database}: ${applied} events applied, ${report.skipped} skipped`);
    return report;
  } finally {
    await app.close();
  }
}

/** The events the service consumes, once each, oldest first; ties keep their place on the bus. */
export function inReplayOrder(messages: readonly TopicMessage[]): IncomingEvent[] {
  const consumed = new Set(CONSUMED_EVENT_TYPES);
  const seen = new Set<string>();
  const events: { event: IncomingEvent; message: TopicMessage }[] = [];
  for (const message of messages) {
    // Named in its header (the outbox's): a type no fold folds is passed over unread.
    const declared = declaredEventType(message.headers);
    if (declared !== undefined && !consumed.has(declared)) continue;
    let event: IncomingEvent | undefined;
    try {
      event = decodeEvent(message.value);
    } catch {
      continue;
    }
    if (!event || !consumed.has(event.type) || seen.has(event.eventId)) continue;
    seen.add(event.eventId);
    events.push({ event, message });
  }
  return events
    .sort(
      (a, b) =>
        a.event.occurredAt.getTime() - b.event.occurredAt.getTime() ||
        a.message.topic.localeCompare(b.message.topic) ||
        a.message.partition - b.message.partition ||
        (a.message.offset < b.message.offset ? -1 : a.message.offset > b.message.offset ? 1 : 0),
    )
    .map(({ event }) => event);
}

/** One event through every rebuildable fold in one transaction; an event the live consumer would dead-letter is skipped. */
async function applyOnce(dataSource: DataSource, folds: readonly EventFold[], event: IncomingEvent): Promise<boolean> {
  try {
    await dataSource.transaction(async (manager) => {
      const tx = new ReplayTransaction(manager);
      for (const fold of folds) await fold.apply(event, tx);
    });
    return true;
  } catch (error) {
    if (classifyFailure(error) === 'permanent') return false;
    throw error;
  }
}
