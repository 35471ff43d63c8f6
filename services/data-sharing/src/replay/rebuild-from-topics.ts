import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { decodeEvent, type IncomingEvent } from '@work-permit/contracts';
import { declaredEventType, TopicHistory, type TopicMessage } from '@work-permit/messaging';
import { ensureDatabaseExists } from '@work-permit/platform';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { AppModule } from '../app.module';
import type { DataSharingConfig } from '../data-sharing.config';
import { DataSharingService } from '../data-sharing.service';
import { EVENT_FOLDS, type EventFold } from '../events/event-fold';
import { CONSUMED_EVENT_TYPES } from '../events/sharing-events.consumer';
import { applyInBatches, REPLAY_EVENTS_PER_TRANSACTION } from './apply-in-batches';

export interface RebuildReport {
  database: string;
  /** Messages read from the topics. */
  read: number;
  applied: number;
  /** Undecodable, of a type not consumed, a duplicate of an event already applied, or refused by a fold as the live consumer would dead-letter it. */
  skipped: number;
  folds: string[];
}

export interface RebuildOptions {
  /** The topics to read; the service's own by default (a test passes its own). */
  topics?: readonly string[];
  eventsPerTransaction?: number;
}

/**
 * Rebuilds the service's projections (the folds marked `rebuildable`) into a new database
 * `config.DATABASE_NAME`: migrations, then every consumed topic from offset 0. Events are applied in
 * order of occurredAt — the order the folds' last-writer-wins rules resolve to — a batch of them to a
 * transaction, and publish nothing.
 */
export async function rebuildFromTopics(
  config: DataSharingConfig,
  { topics = DataSharingService.consumes, eventsPerTransaction = REPLAY_EVENTS_PER_TRANSACTION }: RebuildOptions = {},
): Promise<RebuildReport> {
  if (!(await ensureDatabaseExists(config.DATABASE_URL, config.DATABASE_NAME))) {
    throw new Error(`database ${config.DATABASE_NAME} exists already: a rebuild writes into a new one`);
  }
  // The service's own wiring (migrations, folds with their dependencies), without its consumer or HTTP.
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    const folds = app.get<EventFold[]>(EVENT_FOLDS).filter((fold) => fold.rebuildable);
    const messages = await app.get(TopicHistory).read(topics, { groupPrefix: 'data-sharing-rebuild' });
    const events = inReplayOrder(messages);
    const replay = await replayDataSourceBeside(app.get(DataSource));
    let applied: number;
    try {
      applied = await applyInBatches(replay, folds, events, eventsPerTransaction);
    } finally {
      await replay.destroy();
    }
    const report = { database: config.DATABASE_NAME, read: messages.length, applied, skipped: messages.length - applied, folds: folds.map((fold) => fold.name) };
    new Logger('Rebuild').log(`rebuilt ${report.folds.join(', ')} into ${report.database}: ${applied} events applied, ${report.skipped} skipped`);
    return report;
  } finally {
    await app.close();
  }
}

/**
 * The rebuild's own connection to the service's database: one (it applies one transaction at a time),
 * of the service's connection class, which prepares the statements it sends again (libs/messaging).
 */
function replayDataSourceBeside(service: DataSource): Promise<DataSource> {
  const options = service.options as PostgresConnectionOptions;
  return new DataSource({ ...options, extra: { ...(options.extra as object), max: 1 } }).initialize();
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
