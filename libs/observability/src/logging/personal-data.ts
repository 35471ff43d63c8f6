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

const PERSONAL_KEYS = new Set<string>(PERSONAL_DATA_KEYS);

/** A copy of `value` with every value under a personal-data key, at any depth, replaced by `[redacted]`. */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, PERSONAL_KEYS.has(key) ? REDACTED : maskPersonalData(inner)]));
}

/** A personal-data key as JSON writes it: a line without one has nothing to redact. */
const PERSONAL_KEY_IN_JSON = new RegExp(`"(?:${PERSONAL_DATA_KEYS.join('|')})":`);

/** What is written instead of a line that could not be read as JSON, and so not checked. */
export const WITHHELD_LOG_LINE = '{"level":40,"msg":"a log line was withheld: it could not be checked for personal data"}\n';

/**
 * A JSON log line as pino wrote it, with every value under a personal-data key masked (pino's
 * `hooks.streamWrite`). It reads the finished line, so bindings, serializers' output and errors'
 * details are all covered at any depth; a line without such a key, nearly every one, is passed on as
 * it is. pino's own path redaction parsed all its paths on every call, made for each key of each line
 * and for the bindings of each child logger (pino-http makes two per request, logged or not): about a
 * quarter of the services' CPU under load (README, issue 14).
 */
export function redactPersonalDataInLogLine(line: string): string {
  if (!PERSONAL_KEY_IN_JSON.test(line)) return line;
  try {
    return `${JSON.stringify(maskPersonalData(JSON.parse(line)))}\n`;
  } catch {
    return WITHHELD_LOG_LINE;
  }
}
