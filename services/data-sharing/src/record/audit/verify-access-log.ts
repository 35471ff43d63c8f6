import type { ClientBase } from 'pg';
import { type ChainedAccessEntry, type ChainVerdict, verifyChain } from './hash-chain';

interface AccessLogRecord {
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

/** Walks the whole access log in id order, a page at a time, and stops at the first broken row. */
export async function verifyAccessLog(client: ClientBase, pageSize = 1_000): Promise<ChainVerdict> {
  let state: ReturnType<typeof verifyChain> = { ok: true, rows: 0, head: '' };
  for (;;) {
    const after = state.last?.id ?? 0;
    const { rows } = await client.query<AccessLogRecord>(
      'SELECT id, at, applicant_id, agency, subject, purpose, fields, prev_hash, hash FROM record_access_log WHERE id > $1 ORDER BY id LIMIT $2',
      [after, pageSize],
    );
    state = verifyChain(rows.map(entryOf), state);
    if (!state.ok || rows.length < pageSize) return withoutCursor(state);
  }
}

function entryOf(row: AccessLogRecord): ChainedAccessEntry {
  return { id: Number(row.id), at: row.at, applicantId: row.applicant_id, agency: row.agency, subject: row.subject, purpose: row.purpose, fields: row.fields, prevHash: row.prev_hash, hash: row.hash };
}

function withoutCursor(verdict: ReturnType<typeof verifyChain>): ChainVerdict {
  const { last: _last, ...rest } = verdict;
  return rest;
}
