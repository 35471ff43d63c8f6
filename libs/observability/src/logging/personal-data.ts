/**
 * Keys that carry personal identifiers. Any value under one of these keys is replaced in logs,
 * at whatever depth it appears (request bodies, event payloads, error details).
 */
export const PERSONAL_DATA_KEYS = [
  // Who the person is.
  'passportNo',
  'passport_no',
  'passportExpiry',
  'passport_expiry',
  'nationality',
  'surname',
  'givenNames',
  'given_names',
  'sex',
  'birthDate',
  'birth_date',
  'entryDate',
  'entry_date',
  // The verified identity a token carries (Principal.identity) as a whole.
  'identity',
  // How to reach them and where they live.
  'email',
  'phone',
  'address',
  'contactName',
  'contactPhone',
  // What they earn and hold.
  'annualSalaryCny',
  'annual_salary_cny',
  'socialSecurityNo',
  'social_security_no',
  'permitNo',
  'workPermitNo',
  'residencePermitNo',
  'previousWorkPermitNo',
  // Documents: a file name often carries the person's name.
  'fileName',
  'file_name',
  'filename',
  'originalname',
  // Values of the shared record and its history, whatever field they are of.
  'value',
  'valueJson',
  'value_json',
  'oldValue',
  'newValue',
  // Credentials.
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
