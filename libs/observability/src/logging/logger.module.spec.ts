import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { runWithEventLogContext } from './log-context';
import { createLoggerModule, developmentLogStream, prettyLogStream, serviceLoggerOptions, wantsPrettyLogs } from './logger.module';
import { REDACTED } from './personal-data';

describe(wantsPrettyLogs.name, () => {
  it.each([
    ['development on a terminal', { NODE_ENV: 'development' }, true, true],
    ['development piped (a supervisor, a file, a log shipper)', { NODE_ENV: 'development' }, false, false],
    ['development piped with LOG_PRETTY=true (npm start on a terminal)', { NODE_ENV: 'development', LOG_PRETTY: 'true' }, false, true],
    ['development on a terminal with LOG_PRETTY=false', { NODE_ENV: 'development', LOG_PRETTY: 'false' }, true, false],
    ['production on a terminal', { NODE_ENV: 'production' }, true, false],
    ['production with LOG_PRETTY=true', { NODE_ENV: 'production', LOG_PRETTY: 'true' }, true, false],
    ['an unset NODE_ENV (production) on a terminal', {}, true, false],
    ['tests on a terminal, even asked', { NODE_ENV: 'test', LOG_PRETTY: 'true' }, true, false],
  ])('%s: %s', (_label, env, terminal, pretty) => {
    expect(wantsPrettyLogs(env, terminal)).toBe(pretty);
    expect(developmentLogStream(env, terminal) !== undefined).toBe(pretty);
  });

  it('keeps JSON under Jest, whatever the terminal', () => {
    expect(process.env.NODE_ENV).toBe('test');
    expect(developmentLogStream()).toBeUndefined();
  });
});

describe(prettyLogStream.name, () => {
  it('writes one readable line per entry, the request on it, personal data still redacted', () => {
    let out = '';
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = pino({ base: { service: 'portal' }, hooks: serviceLoggerOptions({ service: 'portal', level: 'info' }).hooks }, prettyLogStream({ colorize: false, destination })!);
    logger.info({ context: 'CasesController', body: { applicant: { passportNo: 'E12345678' } } }, 'submitted');
    logger.info({ req: { method: 'POST', url: '/api/cases' }, res: { statusCode: 201 }, responseTime: 12 }, 'request completed');
    expect(out).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[CasesController\] submitted$/m);
    expect(out).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: POST \/api\/cases 201 12 ms: request completed$/m);
    expect(out).not.toContain('E12345678');
    expect(out).toContain(REDACTED);
    expect(() => JSON.parse(out.split('\n')[0])).toThrow();
  });
});

describe(serviceLoggerOptions.name, () => {
  /** The service's logger writing JSON lines into an array. */
  function serviceLogger() {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const { level, base, hooks, mixin } = serviceLoggerOptions({ service: 'data-sharing', level: 'info' });
    return { logger: pino({ level, base, hooks, mixin }, destination), lines };
  }

  const event = { eventId: 'e-1', type: 'approval.item.decided', caseId: 'c-1', correlationId: 'k-1', topic: 'approval.events', partition: 2, offset: '41' };

  it('puts the event being handled on each of its lines, personal data still redacted, and nothing of it on other lines', async () => {
    const { logger, lines } = serviceLogger();
    logger.info('before');
    await runWithEventLogContext(event, async () => {
      await Promise.resolve();
      logger.info({ applicant: { passportNo: 'E12345678' } }, 'during');
    });
    logger.info('after');

    expect(lines.map((line) => line.msg)).toEqual(['before', 'during', 'after']);
    expect(lines[1]).toMatchObject({ ...event, service: 'data-sharing', applicant: { passportNo: REDACTED } });
    for (const line of [lines[0], lines[2]]) expect(Object.keys(line).filter((key) => key in event)).toEqual([]);
  });

  it('keeps two events handled at once apart', async () => {
    const { logger, lines } = serviceLogger();
    const other = { ...event, eventId: 'e-2', caseId: 'c-2' };
    await Promise.all(
      [event, other].map((bindings) =>
        runWithEventLogContext(bindings, async () => {
          await new Promise((resolve) => setTimeout(resolve, bindings === event ? 20 : 0));
          logger.info(bindings.eventId);
        }),
      ),
    );
    expect(lines.map((line) => [line.msg, line.eventId, line.caseId])).toEqual([
      ['e-2', 'e-2', 'c-2'],
      ['e-1', 'e-1', 'c-1'],
    ]);
  });
});

describe(createLoggerModule.name, () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
      done();
    },
  });

  @Controller('api/cases')
  class CasesController {
    constructor(private readonly log: PinoLogger) {}

    @Post()
    submit(@Body() body: Record<string, unknown>): { accepted: true } {
      this.log.info({ body }, 'submitted');
      return { accepted: true };
    }
  }

  @Module({ imports: [createLoggerModule({ service: 'portal', level: 'info', stream: destination })], controllers: [CasesController] })
  class ProbeModule {}

  it('masks personal data in what the service logs through Nest, its request line included', async () => {
    const app = await NestFactory.create(ProbeModule, { logger: false });
    await app.init();
    try {
      await request(app.getHttpServer())
        .post('/api/cases')
        .set('x-correlation-id', 'k-42')
        .send({ applicant: { passportNo: 'E12345678', givenNames: 'Maria' } })
        .expect(201);
    } finally {
      await app.close();
    }
    const text = JSON.stringify(lines);
    expect(text).not.toContain('E12345678');
    expect(text).not.toContain('Maria');
    expect(lines.find((line) => line.msg === 'submitted')).toMatchObject({
      service: 'portal',
      correlationId: 'k-42',
      body: { applicant: { passportNo: REDACTED, givenNames: REDACTED } },
    });
    expect(lines.find((line) => line.msg === 'request completed')).toMatchObject({ req: { method: 'POST', url: '/api/cases' }, res: { statusCode: 201 } });
  });
});
