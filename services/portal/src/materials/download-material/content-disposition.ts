/**
 * `attachment` with the file name twice: an ASCII fallback in `filename`, the name itself in
 * `filename*` (RFC 6266 / RFC 8187), so a Chinese name reaches the browser intact and no name can
 * break the header.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
