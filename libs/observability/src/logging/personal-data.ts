/**
 * Keys that carry personal identifiers. Any value under one of these keys is replaced in logs,
 * at whatever depth it appears (request bodies, event payloads, error details).
 */
export const PERSONAL_DATA_KEYS = [
  'passportNo',
  'passport_no',
  'surname',
  'givenNames',
  'given_names',
  'birthDate',
  'birth_date',
  'email',
  'phone',
  'contactName',
  'contactPhone',
  'socialSecurityNo',
  'social_security_no',
  'permitNo',
  'authorization',
  'cookie',
] as const;

export const REDACTED = '[redacted]';

/** pino's redact paths only match fixed depths, so each key is listed at the depths we log. */
export function personalDataRedactPaths(maxDepth = 5): string[] {
  const paths: string[] = [];
  for (const key of PERSONAL_DATA_KEYS) {
    for (let depth = 0; depth <= maxDepth; depth += 1) {
      paths.push([...Array.from({ length: depth }, () => '*'), key].join('.'));
    }
  }
  return paths;
}
