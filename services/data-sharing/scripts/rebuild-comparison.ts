// The shared record and the statistics of some cases, read the same way from the live database and
// from a rebuild (`npm run sharing:rebuild`), so that the two can be compared row for row. Used by the
// crash suite's case 8 (test/crash-rebuild.int-spec.ts) and by the soak run's end report.
import type { Client } from 'pg';

/**
 * What the rebuild does not rebuild, and why a live row may legitimately have no twin:
 * - `record_access_log`, `record_access_log_head`: the log of the live reads (a rebuild reads nothing);
 * - the abnormal-list screening's tables (`abnormal_list_entry`, `applicant_screening`,
 *   `late_listing_referral`): its fold is not rebuildable (it decides, and announces, referrals);
 * - the inbox, outbox and migrations tables: the messaging's own bookkeeping.
 * Every other table of the record (`record_*`) and the statistics (`stats_*`) is compared, whichever
 * tables the migrations have added since.
 */
export const NOT_REBUILT = ['record_access_log', 'record_access_log_head'];
const COMPARED = /^(record|stats)_/;

/**
 * Columns that differ between two databases by construction: a surrogate key drawn from a sequence
 * (`record_change.id`). Found by their default (`nextval(...)`) or as identity columns.
 */
async function sequenceColumns(client: Client, table: string): Promise<Set<string>> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
    [table],
  );
  return new Set(rows.map((row) => row.column_name));
}

export interface RecordSnapshot {
  /** Table → its rows of the cases (and of their applicants), each as JSON without sequence columns, sorted. */
  tables: Record<string, string[]>;
  /** Tables left out: neither a case_id nor an applicant_id column to select the cases' rows by. */
  unselectable: string[];
}

/** The rows of `caseIds` (and of the applicants they belong to) in every compared table. */
export async function snapshotOfCases(client: Client, caseIds: readonly string[]): Promise<RecordSnapshot> {
  const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) {
    if (!COMPARED.test(table_name) || NOT_REBUILT.includes(table_name)) continue;
    byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
  }
  const applicantIds = byTable.get('record_case')?.includes('applicant_id')
    ? (await client.query<{ applicant_id: string }>('SELECT DISTINCT applicant_id FROM record_case WHERE case_id::text = ANY($1)', [caseIds])).rows.map((r) => r.applicant_id)
    : [];
  const snapshot: RecordSnapshot = { tables: {}, unselectable: [] };
  for (const [table, names] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    const skip = await sequenceColumns(client, table);
    const kept = names.filter((name) => !skip.has(name));
    const list = kept.map((name) => `"${name}"`).join(', ');
    let sql: string;
    let params: unknown[];
    if (names.includes('case_id')) [sql, params] = [`SELECT ${list} FROM "${table}" WHERE case_id::text = ANY($1)`, [caseIds]];
    else if (names.includes('applicant_id')) [sql, params] = [`SELECT ${list} FROM "${table}" WHERE applicant_id::text = ANY($1)`, [applicantIds]];
    else {
      snapshot.unselectable.push(table);
      continue;
    }
    snapshot.tables[table] = (await client.query(sql, params)).rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

export interface SnapshotDifference {
  table: string;
  /** Rows only the live database has, and only the rebuild has (at most 3 of each shown). */
  onlyLive: string[];
  onlyRebuilt: string[];
  live: number;
  rebuilt: number;
}

/** Table by table, the rows that are not in both (as multisets); empty when the two are equal. */
export function differences(live: RecordSnapshot, rebuilt: RecordSnapshot): SnapshotDifference[] {
  const found: SnapshotDifference[] = [];
  for (const table of [...new Set([...Object.keys(live.tables), ...Object.keys(rebuilt.tables)])].sort()) {
    const a = live.tables[table] ?? [];
    const b = rebuilt.tables[table] ?? [];
    const counts = new Map<string, number>();
    for (const row of a) counts.set(row, (counts.get(row) ?? 0) + 1);
    const onlyRebuilt: string[] = [];
    for (const row of b) {
      const n = counts.get(row) ?? 0;
      if (n > 0) counts.set(row, n - 1);
      else onlyRebuilt.push(row);
    }
    const onlyLive = [...counts].flatMap(([row, n]) => Array<string>(n).fill(row));
    if (onlyLive.length > 0 || onlyRebuilt.length > 0) found.push({ table, onlyLive: onlyLive.slice(0, 3), onlyRebuilt: onlyRebuilt.slice(0, 3), live: a.length, rebuilt: b.length });
  }
  return found;
}

/** Rows per table, for reports. */
export const rowCounts = (snapshot: RecordSnapshot): Record<string, number> => Object.fromEntries(Object.entries(snapshot.tables).map(([table, rows]) => [table, rows.length]));
