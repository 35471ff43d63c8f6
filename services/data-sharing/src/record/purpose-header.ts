/**
 * The purpose as the reader wrote it. Header values are Latin-1 on the wire, so a browser sends a
 * Chinese purpose percent-encoded (UTF-8); a value that is not valid percent-encoding is kept as sent.
 */
export function decodePurposeHeader(raw: string | undefined): string {
  const value = raw?.trim() ?? '';
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value;
  }
}
