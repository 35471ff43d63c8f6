import type { Lang } from '@work-permit/catalogue';
import type { FieldError } from '@work-permit/platform';
import type { CaseDraft } from './case-draft.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One draft in the owner's list: what it is for, without its content. */
export interface DraftSummary {
  draftId: string;
  version: number;
  items: { code: string; action: string }[];
  /** The applicant's name as the draft has it so far (an employer or clerk keeps drafts for several people), else null. */
  applicantName: string | null;
  createdAt: string;
  updatedAt: string;
  /** When it is gone unless saved again. */
  expiresAt: string;
}

export interface DraftView extends DraftSummary {
  content: Record<string, unknown>;
  /** What the submit would refuse today (required fields still empty included), in the request's language with both beside. */
  problems: FieldError[];
}

export function toDraftSummary(draft: CaseDraft, ttlDays: number): DraftSummary {
  return {
    draftId: draft.draftId,
    version: draft.version,
    items: itemsOf(draft.content),
    applicantName: applicantNameOf(draft.content),
    createdAt: draft.createdAt.toISOString(),
    updatedAt: draft.updatedAt.toISOString(),
    expiresAt: new Date(draft.updatedAt.getTime() + ttlDays * DAY_MS).toISOString(),
  };
}

export function toDraftView(draft: CaseDraft, ttlDays: number, problems: readonly FieldError[], lang: Lang): DraftView {
  return {
    ...toDraftSummary(draft, ttlDays),
    content: draft.content,
    problems: problems.map((problem) => ({ ...problem, message: problem.messages?.[lang] ?? problem.message })),
  };
}

/** The instant before which an untouched draft has expired. */
export function expiryCutoff(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() - ttlDays * DAY_MS);
}

function itemsOf(content: Record<string, unknown>): { code: string; action: string }[] {
  if (!Array.isArray(content.items)) return [];
  return content.items.flatMap((item: unknown) => {
    const { code, action } = (item ?? {}) as { code?: unknown; action?: unknown };
    return typeof code === 'string' && typeof action === 'string' ? [{ code, action }] : [];
  });
}

function applicantNameOf(content: Record<string, unknown>): string | null {
  const applicant = content.applicant as { surname?: unknown; givenNames?: unknown } | undefined;
  if (applicant === null || typeof applicant !== 'object') return null;
  const name = [applicant.surname, applicant.givenNames].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
  return name === '' ? null : name;
}
