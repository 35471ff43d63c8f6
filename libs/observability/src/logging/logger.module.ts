import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { personalDataRedactPaths, REDACTED } from './personal-data';

export interface ServiceLoggerOptions {
  service: string;
  level: string;
}

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** pino JSON logs for a service: one line per request, correlation id on every line, identifiers redacted. */
export function createLoggerModule({ service, level }: ServiceLoggerOptions): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: personalDataRedactPaths(), censor: REDACTED },
      genReqId: (req: IncomingMessage) => headerValue(req, CORRELATION_ID_HEADER) ?? randomUUID(),
      customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: unknown }).id }),
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/metrics' || req.url === '/health' || req.url?.startsWith('/health/') === true },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: stripQuery(req.url) }),
      },
    },
  });
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && /^[\w-]{1,128}$/.test(first) ? first : undefined;
}

/** Query strings can carry identifiers (`?passportNo=`), so they never reach the log. */
function stripQuery(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
