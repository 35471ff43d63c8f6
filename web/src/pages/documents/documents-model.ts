import type { CaseDocumentEntry, Lang } from '../../api/types';

export type { CaseDocumentEntry, DocumentKind, Verification, VerificationStatus } from '../../api/types';

/** The documents newest first, so the latest decision or permit is at hand. */
export function newestFirst(documents: readonly CaseDocumentEntry[]): CaseDocumentEntry[] {
  return [...documents].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.documentNo.localeCompare(a.documentNo));
}

/** The file name a download is saved under: the document number, which is printed on it. */
export function fileNameOf(document: Pick<CaseDocumentEntry, 'documentNo'>): string {
  return `${document.documentNo}.pdf`;
}

/** What the reader types is taken as printed: spaces dropped, letters in capitals. */
export function normalizeDocumentNo(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

export function titleIn(document: Pick<CaseDocumentEntry, 'title'>, lang: Lang): string {
  return lang === 'en' ? document.title.en : document.title.zh;
}
