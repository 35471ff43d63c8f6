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

/** `GET /api/cases/:caseId` as API.md shapes it. */
export interface CaseView {
  caseId: string;
  status: string;
  channel: string;
  catalogueVersion: string;
  submittedAt: string;
  items: { code: string; action: string; agency: string; status: string; dueDate: string | null; reason: string | null; result: Record<string, unknown> | null; requestedMaterials: string[] }[];
  timeline: { at: string; type: string; agency: string | null; item: string | null }[];
  /** Submitted first, then those supplements brought, in that order (an officer's: those its agency's scope releases). */
  materials: CaseMaterialView[];
  /** The clerk who accepted an offline case at the window; shown to clerks, officers and admins. */
  acceptedBy?: { subject: string; role: string };
}

export interface CaseViewOptions {
  /** The documents to show; all of the case's by default. */
  materials?: CaseMaterialView[];
  /** What the upload told of each document, by sha256. */
  uploads?: ReadonlyMap<string, { contentType: string; size: number }>;
  showAcceptedBy?: boolean;
}

export function toCaseView(file: CaseFile, items: CaseItem[], timeline: CaseTimelineEntry[], options: CaseViewOptions = {}): CaseView {
  const { materials = caseMaterials(file), uploads = new Map(), showAcceptedBy = false } = options;
  return {
    caseId: file.caseId,
    status: file.status,
    channel: file.channel,
    catalogueVersion: file.catalogueVersion,
    submittedAt: file.submittedAt.toISOString(),
    items: items.map((i) => ({
      code: i.code,
      action: i.action,
      agency: i.agency,
      status: i.status,
      dueDate: i.dueDate,
      reason: i.reason,
      result: i.result,
      requestedMaterials: i.requestedMaterials,
    })),
    timeline: timeline.map((t) => ({ at: t.at.toISOString(), type: t.type, agency: t.agency, item: t.item })),
    materials: materials.map((m) => ({ ...m, ...uploads.get(m.sha256) })),
    ...(showAcceptedBy && file.channel === 'offline' ? { acceptedBy: { subject: file.submittedBySubject, role: file.submittedByRole } } : {}),
  };
}

/** The case's documents: the body's `materials`, to which each supplement appends its own. */
export function caseMaterials(file: Pick<CaseFile, 'body'>): CaseMaterialView[] {
  const materials = file.body.materials;
  if (!Array.isArray(materials)) return [];
  return materials
    .filter((m): m is Record<string, unknown> => m !== null && typeof m === 'object')
    .map((m) => ({ code: String(m.code ?? ''), sha256: String(m.sha256 ?? ''), fileName: String(m.fileName ?? ''), issuedAt: String(m.issuedAt ?? '') }));
}
