import { type Lang, localize, type Localized, messageOrWritten, render } from '@work-permit/catalogue';
import type { CaseFile } from '../case-file.entity';
import type { CaseItem } from '../case-item.entity';
import type { CaseTimelineEntry } from '../case-timeline-entry.entity';

/** A document of the case: as the form or a supplement named it, with what the upload told (absent for a case older than uploads). */
export interface CaseMaterialView {
  code: string;
  sha256: string;
  fileName: string;
  issuedAt: string;
  contentType?: string;
  size?: number;
}

/** One item of the case view: its reason in the reader's language, and in both beside it. */
export interface CaseItemView {
  code: string;
  action: string;
  agency: string;
  status: string;
  dueDate: string | null;
  reason: string | null;
  reasons: Localized | null;
  result: Record<string, unknown> | null;
  requestedMaterials: string[];
}

/** `GET /api/cases/:caseId` as API.md shapes it. */
export interface CaseView {
  caseId: string;
  status: string;
  channel: string;
  catalogueVersion: string;
  submittedAt: string;
  items: CaseItemView[];
  timeline: { at: string; type: string; agency: string | null; item: string | null }[];
  /** Submitted first, then those supplements brought, in that order (an officer's: those its agency's scope releases). */
  materials: CaseMaterialView[];
  /** The clerk who accepted an offline case at the window; shown to clerks, officers and admins. */
  acceptedBy?: { subject: string; role: string };
}

export interface CaseViewOptions {
  /** The reader's language for reasons; Chinese by default. */
  lang?: Lang;
  /** The documents to show; all of the case's by default. */
  materials?: CaseMaterialView[];
  /** What the upload told of each document, by sha256. */
  uploads?: ReadonlyMap<string, { contentType: string; size: number }>;
  showAcceptedBy?: boolean;
}

export function toCaseView(file: CaseFile, items: CaseItem[], timeline: CaseTimelineEntry[], options: CaseViewOptions = {}): CaseView {
  const { lang = 'zh', materials = caseMaterials(file), uploads = new Map(), showAcceptedBy = false } = options;
  return {
    caseId: file.caseId,
    status: file.status,
    channel: file.channel,
    catalogueVersion: file.catalogueVersion,
    submittedAt: file.submittedAt.toISOString(),
    items: items.map((i) => toItemView(i, lang)),
    timeline: timeline.map((t) => ({ at: t.at.toISOString(), type: t.type, agency: t.agency, item: t.item })),
    materials: materials.map((m) => ({ ...m, ...uploads.get(m.sha256) })),
    ...(showAcceptedBy && file.channel === 'offline' ? { acceptedBy: { subject: file.submittedBySubject, role: file.submittedByRole } } : {}),
  };
}

/**
 * The item's reason from its message (an agency's finding, an officer's words, who withdrew), in the
 * reader's language; a row from before the messages shows its text as written.
 */
export function toItemView(item: CaseItem, lang: Lang): CaseItemView {
  const reason = messageOrWritten(item.reasonMessage, item.reason);
  return {
    code: item.code,
    action: item.action,
    agency: item.agency,
    status: item.status,
    dueDate: item.dueDate,
    reason: reason ? render(reason, lang) : null,
    reasons: reason ? localize(reason) : null,
    result: item.result ? resultView(item.result, lang) : null,
    requestedMaterials: item.requestedMaterials,
  };
}

/**
 * The item's result as shown: a cancelled permit's `cancellationReason` in the reader's language, with
 * `cancellationReasons` in both; the stored message itself stays inside.
 */
function resultView(result: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  const { cancellationReasonMessage, ...shown } = result;
  if (!('cancellationReason' in result) && cancellationReasonMessage === undefined) return shown;
  const reason = messageOrWritten(cancellationReasonMessage, typeof result.cancellationReason === 'string' ? result.cancellationReason : null);
  return { ...shown, cancellationReason: reason ? render(reason, lang) : null, cancellationReasons: reason ? localize(reason) : null };
}

/** The case's documents: the body's `materials`, to which each supplement appends its own. */
export function caseMaterials(file: Pick<CaseFile, 'body'>): CaseMaterialView[] {
  const materials = file.body.materials;
  if (!Array.isArray(materials)) return [];
  return materials
    .filter((m): m is Record<string, unknown> => m !== null && typeof m === 'object')
    .map((m) => ({ code: String(m.code ?? ''), sha256: String(m.sha256 ?? ''), fileName: String(m.fileName ?? ''), issuedAt: String(m.issuedAt ?? '') }));
}
