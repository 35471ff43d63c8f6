import type { EntityManager } from 'typeorm';
import { RecordAccessLogRow } from './access-log.entity';
import { type AccessEntry, chain } from './hash-chain';

// Serialises appends so each row links to the one before; any constant the service does not use elsewhere.
const CHAIN_LOCK = 7_100_500;

/** Appends one read to the HMAC-chained access log, inside the caller's transaction. */
export async function appendAccess(manager: EntityManager, key: string, entry: Omit<AccessEntry, 'id'>): Promise<RecordAccessLogRow> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const [previous] = await manager.find(RecordAccessLogRow, { select: { id: true, hash: true }, order: { id: 'DESC' }, take: 1 });
  const row = chain(key, previous, entry);
  await manager.insert(RecordAccessLogRow, { ...row, fields: [...row.fields] });
  return Object.assign(new RecordAccessLogRow(), row);
}
