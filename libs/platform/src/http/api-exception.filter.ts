import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { PassThroughRpcExceptionFilter } from '@work-permit/messaging';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { describeQueryError } from '../database/query-error-logger';
import { apiError, type ApiErrorBody, isApiErrorBody } from './api-error';

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

/** Every HTTP error leaves as `{ error: { code, message, details? } }`; unexpected ones as a bare 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  private readonly passThrough = new PassThroughRpcExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return this.passThrough.catch(exception);
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(exception);
    if (status >= 500) this.logger.error(describeForLog(exception));
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (isApiErrorBody(payload)) return { status, body: payload };
      const message = typeof payload === 'string' ? payload : messageOf(payload) ?? exception.message;
      return { status, body: apiError(CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'error'), message) };
    }
    // Body-parser failures (malformed JSON, too large) carry their status on the error itself.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 400 ? 'the request body is not valid JSON' : ((exception as Error).message ?? 'bad request');
      return { status, body: apiError(CODE_BY_STATUS[status] ?? 'bad_request', message) };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: apiError('internal', 'internal error') };
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
