import type { CaseFile } from '../case-file.entity';
import type { CaseItem } from '../case-item.entity';
import type { CaseTimelineEntry } from '../case-timeline-entry.entity';

/** `GET /api/cases/:caseId` as API.md shapes it. */
export interface CaseView {
  caseId: string;
  status: string;
  channel: string;
  catalogueVersion: string;
  submittedAt: string;
  items: { code: string; action: string; agency: string; status: string; dueDate: string | null; reason: string | null; result: Record<string, unknown> | null; requestedMaterials: string[] }[];
  timeline: { at: string; type: string; agency: string | null; item: string | null }[];
}

export function toCaseView(file: CaseFile, items: CaseItem[], timeline: CaseTimelineEntry[]): CaseView {
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
  };
}
