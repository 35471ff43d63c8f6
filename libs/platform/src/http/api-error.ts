/** One offending field of a request, by its dotted path in the body. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error response (API.md). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown[] };
}

export function apiError(code: string, message: string, details?: unknown[]): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | undefined)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}
