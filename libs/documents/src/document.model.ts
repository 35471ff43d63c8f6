/**
 * A formal document as the renderer draws it: every text a person reads in Chinese with its English
 * beneath. The kinds' builders (`kinds/`) make it from plain inputs; nothing here reads a catalogue.
 */

export const DOCUMENT_KINDS = ['acceptance_notice', 'supplement_notice', 'decision', 'e_permit'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

export type DocumentBlock =
  /** Running text. */
  | { type: 'paragraph'; text: Bilingual }
  /** Label and value, one row each; a plain string value reads the same in both languages (a number, a name). */
  | { type: 'fields'; rows: { label: Bilingual; value: Bilingual | string }[] }
  /** A numbered list under a heading. */
  | { type: 'list'; heading: Bilingual; items: Bilingual[] }
  /** A QR code of `url` with a caption beside it. */
  | { type: 'qr'; url: string; caption: Bilingual };

export interface DocumentModel {
  documentNo: string;
  kind: DocumentKind;
  /** The issuing authority's name (the catalogue's agency name). */
  issuer: Bilingual;
  title: Bilingual;
  /** Whom the document is addressed to, e.g. the applicant's name; printed before the text with a colon. */
  addressee?: string;
  blocks: DocumentBlock[];
  /** The day of issue in China, YYYY-MM-DD. */
  issuedOn: string;
}

export function bilingual(zh: string, en: string): Bilingual {
  return { zh, en };
}
