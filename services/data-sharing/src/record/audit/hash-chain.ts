import { type Message, message } from '@work-permit/catalogue';
import { createHmac } from 'node:crypto';

/** The prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a row of the access log says, without its chain links. */
export interface AccessEntry {
  id: number;
  at: Date;
  applicantId: string;
  agency: string;
  subject: string;
  purpose: string;
  fields: readonly string[];
}

export interface ChainedAccessEntry extends AccessEntry {
  prevHash: string;
  hash: string;
}

export type ChainLink = Pick<ChainedAccessEntry, 'id' | 'hash'>;

/** The row's content in a fixed order and form, so the hash does not depend on how it was read. */
export function canonicalContent(entry: AccessEntry): string {
  return JSON.stringify([entry.id, entry.at.toISOString(), entry.applicantId, entry.agency, entry.subject, entry.purpose, [...entry.fields].sort()]);
}

/**
 * HMAC-SHA256 under the chain key, which is not in the database: someone who can write the table
 * but does not hold the key cannot make an altered or forged row, or a whole recomputed chain, verify.
 */
export function hashOf(key: string, prevHash: string, entry: AccessEntry): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalContent(entry)).digest('hex');
}

/** The next row of the chain after `previous` (undefined for the first). */
export function chain(key: string, previous: ChainLink | undefined, entry: Omit<AccessEntry, 'id'>): ChainedAccessEntry {
  const id = (previous?.id ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const row = { ...entry, fields: [...entry.fields].sort(), id };
  return { ...row, prevHash, hash: hashOf(key, prevHash, row) };
}

/** Why `row` does not follow `previous` in the chain, or undefined when it does. */
export function brokenLink(key: string, previous: ChainLink | undefined, row: ChainedAccessEntry): Message | undefined {
  const expectedId = (previous?.id ?? 0) + 1;
  if (row.id !== expectedId) return message('sharing.audit.row_missing', { expected: expectedId, found: row.id });
  const expectedPrev = previous?.hash ?? GENESIS_HASH;
  if (row.prevHash !== expectedPrev) return message('sharing.audit.prev_hash_mismatch');
  if (row.hash !== hashOf(key, row.prevHash, row)) return message('sharing.audit.hash_mismatch');
  return undefined;
}

/** `reason`: why the chain is broken, as the catalogue's message (written out with `onTheWire` for logs and the verify command). */
export type ChainVerdict = { ok: true; rows: number; head: string } | { ok: false; rows: number; brokenAt: number; reason: Message };

/**
 * Checks rows in id order, page by page: pass the verdict of the previous page as `from` to go on.
 * Stops at the first broken row.
 */
export function verifyChain(key: string, rows: readonly ChainedAccessEntry[], from: { rows: number; last?: ChainLink } = { rows: 0 }): ChainVerdict & { last?: ChainLink } {
  let last = from.last;
  let count = from.rows;
  for (const row of rows) {
    const reason = brokenLink(key, last, row);
    if (reason) return { ok: false, rows: count, brokenAt: row.id, reason, last };
    last = { id: row.id, hash: row.hash };
    count += 1;
  }
  return { ok: true, rows: count, head: last?.hash ?? GENESIS_HASH, last };
}
