import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { eventLogBindings } from './log-context';
import { redactPersonalDataInLogLine } from './personal-data';

export interface ServiceLoggerOptions {
  service: string;
  level: string;
  /** Where the lines go: JSON on stdout unless given (see `developmentLogStream`). */
  stream?: DestinationStream;
}

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/**
 * pino logs for a service: one line per request, correlation id on every line, identifiers redacted.
 * JSON lines, except on a developer's terminal (`developmentLogStream`).
 */
export function createLoggerModule({ service, level, stream = developmentLogStream() }: ServiceLoggerOptions): DynamicModule {
  const options = serviceLoggerOptions({ service, level });
  return LoggerModule.forRoot({ pinoHttp: stream ? [options, stream] : options });
}

/** The pino (and pino-http) options of a service's logger. */
export function serviceLoggerOptions({ service, level }: Pick<ServiceLoggerOptions, 'service' | 'level'>) {
  return {
    level,
    base: { service },
    // Personal data masked in each finished line, at any depth (pino's redact paths cost every key of every line, and every child logger).
    hooks: { streamWrite: redactPersonalDataInLogLine },
    // The event being handled, on each of its lines (runWithEventLogContext).
    mixin: eventLogBindings,
    genReqId: (req: IncomingMessage) => headerValue(req, CORRELATION_ID_HEADER) ?? randomUUID(),
    customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: unknown }).id }),
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/metrics' || req.url === '/health' || req.url?.startsWith('/health/') === true },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: stripQuery(req.url) }),
    },
  };
}

/**
 * Readable lines (pino-pretty) instead of JSON: only in development (`NODE_ENV=development`, which
 * `npm start` and `npm run dev` set; unset means production), and only on a terminal or when
 * `LOG_PRETTY=true` asks for it (`LOG_PRETTY=false` keeps JSON on a terminal too). Never in production
 * or tests, whose lines machines read.
 */
export function wantsPrettyLogs(env: NodeJS.ProcessEnv, stdoutIsTerminal: boolean): boolean {
  if (env.NODE_ENV !== 'development' || env.LOG_PRETTY === 'false') return false;
  return stdoutIsTerminal || env.LOG_PRETTY === 'true';
}

/** The pino-pretty stream when `wantsPrettyLogs`, else undefined (JSON on stdout). */
export function developmentLogStream(env: NodeJS.ProcessEnv = process.env, stdoutIsTerminal = process.stdout.isTTY === true): DestinationStream | undefined {
  if (!wantsPrettyLogs(env, stdoutIsTerminal)) return undefined;
  const colorize = stdoutIsTerminal || (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0');
  return prettyLogStream({ colorize });
}

type PrettyFactory = (options: Record<string, unknown>) => DestinationStream;

/**
 * pino-pretty, a development dependency: an image built without it (a production one run with
 * NODE_ENV=development by mistake) keeps JSON rather than failing to start.
 */
export function prettyLogStream({ colorize, destination }: { colorize: boolean; destination?: NodeJS.WritableStream }): DestinationStream | undefined {
  let pretty: PrettyFactory;
  try {
    // Required here, not imported: a development dependency, loaded only when wanted.
    pretty = require('pino-pretty') as PrettyFactory;
  } catch {
    return undefined;
  }
  return pretty({
    colorize,
    // Synchronous, in this thread: lines keep their order with console output and are not lost on exit.
    sync: true,
    ...(destination ? { destination } : {}),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context,req,res,responseTime',
    messageFormat: '{if context}[{context}] {end}{if req}{req.method} {req.url} {res.statusCode} {responseTime} ms: {end}{msg}',
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
