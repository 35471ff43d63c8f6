import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The platform's languages; Chinese is the first and the default. */
export type RequestLanguage = 'zh' | 'en';

/** A text in both languages, as a message catalogue renders it. */
export interface BothLanguages {
  zh: string;
  en: string;
}

/**
 * The language a request asks for: `?lang=zh|en` when the route takes it, else the first of Chinese
 * and English in `Accept-Language` by preference, else Chinese.
 */
export function requestLanguage(request: Pick<Request, 'query' | 'headers'>): RequestLanguage {
  const query = request.query?.lang;
  if (query === 'zh' || query === 'en') return query;
  return acceptedLanguage(request.headers?.['accept-language']);
}

export function acceptedLanguage(header: string | undefined): RequestLanguage {
  if (!header) return 'zh';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => (entry.language === 'zh' || entry.language === 'en') && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (ranked[0]?.language as RequestLanguage | undefined) ?? 'zh';
}

/** The request's language as a handler parameter: `@Language() lang: RequestLanguage`. */
export const Language = createParamDecorator((_data: unknown, context: ExecutionContext): RequestLanguage => requestLanguage(context.switchToHttp().getRequest<Request>()));
