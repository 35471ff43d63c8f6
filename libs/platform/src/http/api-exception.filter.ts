import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { PassThroughRpcExceptionFilter } from '@work-permit/messaging';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { describeQueryError } from '../database/query-error-logger';
import { type ApiErrorBody, inLanguage, isApiErrorBody, localizedApiError } from './api-error';
import { requestLanguage } from './request-language';

const CODE_BY_STATUS: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'bad_request',
  [HttpStatus.UNAUTHORIZED]: 'unauthenticated',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method_not_allowed',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'unprocessable',
  [HttpStatus.TOO_MANY_REQUESTS]: 'too_many_requests',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'unavailable',
};

/** What a status means in Chinese, for errors that carry only an English text (the framework's, body parsing, throttling). */
const IN_CHINESE_BY_STATUS: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: '请求无效',
  [HttpStatus.UNAUTHORIZED]: '请先登录',
  [HttpStatus.FORBIDDEN]: '无权执行此操作',
  [HttpStatus.NOT_FOUND]: '未找到',
  [HttpStatus.METHOD_NOT_ALLOWED]: '不支持此请求方法',
  [HttpStatus.CONFLICT]: '与当前状态冲突',
  [HttpStatus.PAYLOAD_TOO_LARGE]: '请求体过大',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: '不支持的内容类型',
  [HttpStatus.UNPROCESSABLE_ENTITY]: '无法处理该请求',
  [HttpStatus.TOO_MANY_REQUESTS]: '请求过于频繁，请稍后再试',
  [HttpStatus.SERVICE_UNAVAILABLE]: '服务暂不可用，请稍后再试',
};

const INTERNAL = { zh: '内部错误', en: 'internal error' };
const NOT_JSON = { zh: '请求体不是有效的 JSON', en: 'the request body is not valid JSON' };

/**
 * Every HTTP error leaves as `{ error: { code, message, messages?, details? } }`, its texts in the
 * request's language (Chinese by default); unexpected ones as a bare 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  private readonly passThrough = new PassThroughRpcExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return this.passThrough.catch(exception);
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const { status, body } = this.toResponse(exception);
    if (status >= 500) this.logger.error(describeForLog(exception));
    response.status(status).json(inLanguage(body, requestLanguage(http.getRequest<Request>())));
  }

  private toResponse(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (isApiErrorBody(payload)) return { status, body: payload };
      const message = typeof payload === 'string' ? payload : messageOf(payload) ?? exception.message;
      return { status, body: localizedApiError(CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'error'), bothLanguages(status, message)) };
    }
    // Body-parser failures (malformed JSON, too large) carry their status on the error itself.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const messages = status === 400 ? NOT_JSON : bothLanguages(status, (exception as Error).message ?? 'bad request');
      return { status, body: localizedApiError(CODE_BY_STATUS[status] ?? 'bad_request', messages) };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: localizedApiError('internal', INTERNAL) };
  }
}

/** A failed query is logged by its statement and SQLSTATE: PostgreSQL's message may quote the values. */
function describeForLog(exception: unknown): string {
  const query = (exception as { query?: unknown } | null)?.query;
  if (typeof query === 'string') return describeQueryError(exception, query);
  return exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
}

function messageOf(payload: object): string | undefined {
  const message = (payload as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

function bothLanguages(status: number, english: string): { zh: string; en: string } {
  return { zh: status >= 500 ? INTERNAL.zh : (IN_CHINESE_BY_STATUS[status] ?? '请求失败'), en: english };
}
