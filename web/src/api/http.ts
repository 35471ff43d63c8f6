/** One field's complaint, as every service's 400 lists them. */
export interface FieldError {
  field: string;
  message: string;
}

/** A non-2xx answer in the platform's error shape `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The messages per field path, for showing each at its control. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.details) byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
    return byField;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  token?: string;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Reads an error body whatever shape a proxy or the service gave it. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  return apiErrorOfText(response.status, response.statusText, await response.text());
}

/** The same from an answer's status and body text (an XMLHttpRequest's, which has no Response). */
export function apiErrorOfText(status: number, statusText: string, text: string): ApiError {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string; details?: FieldError[] } };
    if (parsed.error) {
      return new ApiError(status, parsed.error.code ?? `HTTP_${status}`, parsed.error.message ?? statusText, parsed.error.details ?? []);
    }
  } catch {
    // not JSON: fall through to the status line
  }
  return new ApiError(status, `HTTP_${status}`, text.trim() || statusText);
}

let readerLanguage: 'zh' | 'en' = 'zh';

/** The reader's language: every call asks the services for their reasons and refusals in it (Chinese by default). */
export function setRequestLanguage(lang: 'zh' | 'en'): void {
  readerLanguage = lang;
}

/** The headers every call carries: JSON, the reader's language, the token when signed in. */
export function requestHeaders(options: Pick<RequestOptions, 'headers' | 'token'>): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': readerLanguage, ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  return headers;
}

/** A JSON call to one of the platform's services; `base` is '' for the portal serving this page. */
export async function request<T>(base: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = requestHeaders(options);
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${base}${path}`, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body, signal: options.signal });
  if (!response.ok) throw await apiErrorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Query string from the defined entries only. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== '') as [string, string | number | boolean][];
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()}`;
}
