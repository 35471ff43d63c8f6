import type { RecordRefusalRow } from './record-refusal.entity';

const APPLICANT_ID = /^ap_[0-9a-f]{32}$/;

/** `portal.prefill.declined` as the record reads it. */
export interface DeclinedFacts {
  caseId: string;
  applicantId: string;
  facts: { path: string; recordVersion: number; source: string; sourceCaseId: string; updatedAt: Date | null }[];
}

/** One refusal as a reader of the record sees it. */
export interface RefusalView {
  path: string;
  caseId: string;
  /** When the person declined (the case's submission), ISO. */
  refusedAt: string;
  recordVersion: number;
  /** Where the declined value had come from: the event type and its case. */
  source: string;
  sourceCaseId: string;
}

/** The rows an announcement notes: one per declined path (a path named twice once); none without a case, a person or a path. */
export function refusalsOf(declined: DeclinedFacts, event: { eventId: string; occurredAt: Date }): RecordRefusalRow[] {
  if (!declined.caseId || !APPLICANT_ID.test(declined.applicantId)) return [];
  const byPath = new Map(declined.facts.filter((fact) => fact.path !== '').map((fact) => [fact.path, fact]));
  return [...byPath.values()].map((fact) => ({
    applicantId: declined.applicantId,
    caseId: declined.caseId,
    path: fact.path,
    refusedAt: event.occurredAt,
    recordVersion: fact.recordVersion,
    source: fact.source,
    sourceCaseId: fact.sourceCaseId,
    valueUpdatedAt: fact.updatedAt,
    sourceEventId: event.eventId,
  }));
}

/**
 * The refusals a reader's scope releases (a refusal tells which fact the person keeps to themselves,
 * so an agency learns it only of facts it may read), oldest first; the person sees all of theirs.
 */
export function refusalsView(rows: readonly RecordRefusalRow[], releases: (key: string) => boolean = () => true): RefusalView[] {
  return [...rows]
    .filter((row) => releases(row.path))
    .sort((a, b) => a.refusedAt.getTime() - b.refusedAt.getTime() || a.caseId.localeCompare(b.caseId) || a.path.localeCompare(b.path))
    .map((row) => ({ path: row.path, caseId: row.caseId, refusedAt: row.refusedAt.toISOString(), recordVersion: row.recordVersion, source: row.source, sourceCaseId: row.sourceCaseId }));
}
