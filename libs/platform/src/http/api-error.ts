import type { BothLanguages } from './request-language';

/** One offending field of a request, by its dotted path in the body. */
export interface FieldError {
  field: string;
  message: string;
  /** The message in both languages, when it comes from the message catalogue. */
  messages?: BothLanguages;
}

/**
 * The body of every error response (API.md). `messages` carries the text in Chinese and English when
 * the platform has both; `message` is then the one the request's language asks for (Chinese by default).
 */
export interface ApiErrorBody {
  error: { code: string; message: string; messages?: BothLanguages; details?: unknown[] };
}

export function apiError(code: string, message: string, details?: unknown[]): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** An error whose text exists in both languages (the message catalogue's `localize`); Chinese until the filter picks the request's. */
export function localizedApiError(code: string, messages: BothLanguages, details?: unknown[]): ApiErrorBody {
  const error = { code, message: messages.zh, messages };
  return { error: details === undefined ? error : { ...error, details } };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | undefined)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

/** The body in the request's language: `message` (and each detail's) from its `messages`. */
export function inLanguage(body: ApiErrorBody, lang: 'zh' | 'en'): ApiErrorBody {
  const { error } = body;
  const details = error.details?.map((detail) => {
    const messages = (detail as FieldError | undefined)?.messages;
    return messages ? { ...(detail as FieldError), message: messages[lang] } : detail;
  });
  return {
    error: {
      ...error,
      ...(error.messages ? { message: error.messages[lang] } : {}),
      ...(details ? { details } : {}),
    },
  };
}
