import { type ChainedAccessEntry, type ChainLink, type ChainVerdict, verifyChain } from './hash-chain';
import { againstPublishedHead } from './published-head';

/** Runs one SQL statement and returns its rows: a pg client in the script, the service's DataSource inside it. */
export type RowQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** A row of record_access_log as PostgreSQL returns it. */
export interface AccessLogRecord {
  id: string;
  at: Date;
  applicant_id: string;
  agency: string;
  subject: string;
  purpose: string;
  fields: string[];
  prev_hash: string;
  hash: string;
}

export interface VerifyOptions {
  /** The head published outside the database, when one is known: the log must reach it with the same hash. */
  publishedHead?: ChainLink;
  /** Go on after a row already verified (its id and hash) instead of from the first row. */
  after?: ChainLink;
  pageSize?: number;
}

/**
 * Walks the whole access log in id order, a page at a time, checking each row's HMAC under `key`;
 * stops at the first broken row, then holds the intact chain to the published head.
 */
export async function verifyAccessLog(query: RowQuery, key: string, { publishedHead, after, pageSize = 1_000 }: VerifyOptions = {}): Promise<ChainVerdict> {
  let state: ReturnType<typeof verifyChain> = { ok: true, rows: after?.id ?? 0, head: after?.hash ?? '', last: after };
  let hashAtHead: string | undefined;
  for (;;) {
    const rows = await query<AccessLogRecord>(
      'SELECT id, at, applicant_id, agency, subject, purpose, fields, prev_hash, hash FROM record_access_log WHERE id > $1 ORDER BY id LIMIT $2',
      [state.last?.id ?? 0, pageSize],
    );
    const entries = rows.map(accessEntryOf);
    hashAtHead ??= entries.find((entry) => entry.id === publishedHead?.id)?.hash;
    state = verifyChain(key, entries, state);
    if (!state.ok || rows.length < pageSize) return againstPublishedHead(withoutCursor(state), publishedHead, hashAtHead);
  }
}

export function accessEntryOf(row: AccessLogRecord): ChainedAccessEntry {
  return { id: Number(row.id), at: row.at, applicantId: row.applicant_id, agency: row.agency, subject: row.subject, purpose: row.purpose, fields: row.fields, prevHash: row.prev_hash, hash: row.hash };
}

function withoutCursor(verdict: ReturnType<typeof verifyChain>): ChainVerdict {
  const { last: _last, ...rest } = verdict;
  return rest;
}
