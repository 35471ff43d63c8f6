/** The documents the portal keeps: what a material may be, told by its first bytes alone. */
export const DOCUMENT_TYPES = {
  'application/pdf': { extension: 'pdf', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  'image/jpeg': { extension: 'jpg', signature: [0xff, 0xd8, 0xff] },
  'image/png': { extension: 'png', signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

/**
 * The content type of `bytes` from their magic number, or undefined for anything else. The name and
 * the declared type of an upload are the sender's word and are never consulted.
 */
export function detectDocumentType(bytes: Uint8Array): DocumentType | undefined {
  for (const [type, { signature }] of Object.entries(DOCUMENT_TYPES) as [DocumentType, (typeof DOCUMENT_TYPES)[DocumentType]][]) {
    if (bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte)) return type;
  }
  return undefined;
}

const FILE_NAME_MAX = 255;

/**
 * The name to keep for an upload: its last path segment, without control characters, trimmed, at
 * most 255 characters (what a case's `materials[].fileName` allows); `document.<ext>` when nothing
 * is left.
 */
export function cleanFileName(original: string | undefined, type: DocumentType): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return `document.${DOCUMENT_TYPES[type].extension}`;
  let kept = '';
  // By code point, so a character outside the BMP is never cut in half; the limit counts UTF-16 units, as the case validator does.
  for (const char of cleaned) {
    if (kept.length + char.length > FILE_NAME_MAX) break;
    kept += char;
  }
  return kept;
}
