import { type Lang, type Localized, localize, type Message, messageOrWritten } from '@work-permit/catalogue';
import { conflictsOf } from './record-conflicts';
import type { JsonValue, OfferedBy, RecordFieldValue, Trust } from './record-field';
import type { RecordChangeRow, RecordFieldRow, RecordOfferRow, RecordPermitCancellationRow, RecordPermitRow } from './record.entities';
import type { RecordRefusalRow } from './refusals/record-refusal.entity';
import { type RefusalView, refusalsView } from './refusals/refusals';

export interface RecordRows {
  applicantId: string;
  fields: readonly RecordFieldRow[];
  offers: readonly RecordOfferRow[];
  permits: readonly RecordPermitRow[];
  changes: readonly RecordChangeRow[];
  /** Permits cancelled by their owner (注销). */
  cancellations?: readonly RecordPermitCancellationRow[];
  /** Facts the person declined to reuse in a case's form. */
  refusals?: readonly RecordRefusalRow[];
}

export interface FieldView {
  value: JsonValue;
  source: string;
  sourceCaseId: string;
  updatedAt: string;
  /** `verified`: filed by the person as themselves, or decided by an agency; `unverified`: filed for them. */
  trust: Trust;
  offeredBy: OfferedBy;
}

/** A later, less trusted filing that disagrees with the value kept: for the officer to weigh. */
export interface ConflictView {
  path: string;
  kept: FieldView;
  offered: FieldView;
}

export interface PermitView {
  item: string;
  caseId: string;
  action: string;
  agency: string;
  status: string;
  /** Why it ended so, in the reader's language (Chinese by default); an officer's words as written. */
  reason: string | null;
  /** The same in both languages. */
  reasons: Localized | null;
  source: string;
  updatedAt: string;
  [detail: string]: string | number | Localized | null;
}

export interface ChangeView {
  at: string;
  subject: string;
  caseId: string;
  oldValue: JsonValue | null;
  newValue: JsonValue | null;
  source: string;
}

export interface ReleasedRecord {
  applicantId: string;
  /** By key: a form path or `materials.<CODE>`. */
  fields: Record<string, FieldView>;
  permits: PermitView[];
  /** Oldest first; only changes of released keys. */
  history: ChangeView[];
  /** Released keys only. */
  conflicts: ConflictView[];
  /** The facts (released keys only) the person declined to reuse in a case, oldest first: the values in `fields` were not theirs to give again there. */
  refusals: RefusalView[];
  /** Every key released to this reader, sorted: what the access log records. */
  released: string[];
}

/**
 * The part of a person's record a reader's scope allows, key by key; permits count as `permits.<ITEM>`.
 * Reasons are shown in `lang` (and in both languages beside), from their catalogue message.
 */
export function releaseRecord(rows: RecordRows, releases: (key: string) => boolean, lang: Lang = 'zh'): ReleasedRecord {
  const released = new Set<string>();
  const fields: Record<string, FieldView> = {};
  for (const field of [...rows.fields].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!releases(field.path)) continue;
    released.add(field.path);
    fields[field.path] = fieldView(field);
  }
  const permits: PermitView[] = [];
  const cancellations = new Map((rows.cancellations ?? []).map((row) => [`${row.caseId}/${row.item}`, row]));
  for (const permit of [...rows.permits].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.item.localeCompare(b.item))) {
    const key = `permits.${permit.item}`;
    if (!releases(key)) continue;
    released.add(key);
    permits.push({
      ...permit.details,
      item: permit.item,
      caseId: permit.caseId,
      action: permit.action,
      agency: permit.agency,
      status: permit.status,
      ...reasonView(messageOrWritten(permit.reasonMessage, permit.reason), lang),
      source: permit.source,
      updatedAt: permit.updatedAt.toISOString(),
      ...cancelledView(cancellations.get(`${permit.caseId}/${permit.item}`), lang),
    });
  }
  const history = [...rows.changes]
    .filter((change) => released.has(change.subject))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || Number(a.id) - Number(b.id))
    .map((change) => {
      const item = change.subject.startsWith('permits.');
      return {
        at: change.occurredAt.toISOString(),
        subject: change.subject,
        caseId: change.caseId,
        oldValue: item ? snapshotView(change.oldValue, lang) : change.oldValue,
        newValue: item ? snapshotView(change.newValue, lang) : change.newValue,
        source: change.source,
      };
    });
  const conflicts = conflictsOf(rows.fields.map(asOffer), rows.offers.map(asOffer))
    .filter((conflict) => released.has(conflict.path))
    .map(({ path, kept, offered }) => ({ path, kept: fieldView(kept), offered: fieldView(offered) }));
  const refusals = refusalsView(rows.refusals ?? [], releases);
  return { applicantId: rows.applicantId, fields, permits, history, conflicts, refusals, released: [...released].sort() };
}

/** A granted permit its owner cancelled shows `cancelled`, with the day and why (in `lang`, and in both languages). */
function cancelledView(cancellation: RecordPermitCancellationRow | undefined, lang: Lang): Record<string, string | Localized | null> {
  if (!cancellation) return {};
  const { reason, reasons } = reasonView(messageOrWritten(cancellation.reasonMessage, cancellation.reason), lang);
  return { status: 'cancelled', cancelledOn: cancellation.cancelledOn, cancellationReason: reason, cancellationReasons: reasons };
}

function reasonView(reason: Message | undefined, lang: Lang): { reason: string | null; reasons: Localized | null } {
  if (!reason) return { reason: null, reasons: null };
  const reasons = localize(reason);
  return { reason: reasons[lang], reasons };
}

/** An item's state in the history: its reason rendered in `lang` (and both languages) from the message kept with it. */
function snapshotView(value: JsonValue | null, lang: Lang): JsonValue | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('reason' in value || 'reasonMessage' in value)) return value;
  const { reasonMessage, ...rest } = value as { reason?: unknown; reasonMessage?: unknown };
  const text = typeof rest.reason === 'string' ? rest.reason : undefined;
  return { ...rest, ...reasonView(messageOrWritten(reasonMessage, text), lang) };
}

function fieldView(field: RecordFieldValue): FieldView {
  return { value: field.value, source: field.source, sourceCaseId: field.sourceCaseId, updatedAt: field.updatedAt.toISOString(), trust: field.trust, offeredBy: field.offeredBy };
}

function asOffer(row: RecordFieldRow | RecordOfferRow): RecordFieldValue {
  return { path: row.path, value: row.value, source: row.source, sourceCaseId: row.sourceCaseId, sourceEventId: row.sourceEventId, updatedAt: row.updatedAt, trust: row.trust, offeredBy: row.offeredBy };
}
