import { Controller, type DynamicModule, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import { type CaseSubmitted, Channel, deadLetterTopicOfGroup, Events, type IncomingEvent, type TopicName } from '@work-permit/contracts';
import { type DeadLetter, KafkaEventContext, PermanentMessageError, UnitOfWork } from '@work-permit/messaging';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PlatformModule, ServiceConfig, type ServiceDefinition } from '../src';
import { startServiceUnderTest, type ServiceUnderTest } from '../src/testing';

/** The probe service's handler: a case applies (one `probe_effect` row) unless a `probe_breakage` row names it; `poison` never applies. */
@Controller()
class ProbeConsumer {
  @EventPattern(Events.CaseSubmitted.type)
  async onCaseSubmitted(@Payload() event: IncomingEvent<CaseSubmitted>, @Ctx() context: KafkaEventContext): Promise<void> {
    if (event.payload.applicantId === 'poison') throw new PermanentMessageError('invalid_payload', 'this case cannot be handled');
    const broken = (await context.tx.manager.query('SELECT 1 FROM probe_breakage WHERE case_id = $1', [event.caseId])) as unknown[];
    if (broken.length > 0) throw new PermanentMessageError('still_broken', 'the case is broken until the test fixes it');
    await context.tx.manager.query('INSERT INTO probe_effect (case_id, event_id) VALUES ($1, $2)', [event.caseId, event.eventId]);
  }
}

const kafka = testKafka();
const PATH = '/api/operations/dead-letters';
const ADMIN_SUBJECT = `admin-${randomUUID()}`;
const tokens: Record<Role, string> = {
  admin: signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: ADMIN_SUBJECT, role: 'admin' }),
  officer: signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: 'officer-1', role: 'officer', agency: 'approval' }),
  analyst: signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: 'analyst-1', role: 'analyst', agency: 'bigdata' }),
  clerk: signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: 'window-1', role: 'clerk' }),
  applicant: signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: 'applicant-1', role: 'applicant', passportNo: 'C01X00T47', nationality: 'DEU' }),
  employer: signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: 'employer-1', role: 'employer', uscc: '91371000MA3C5LXX0F' }),
};

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/**
 * The dead-letter operations over HTTP, on a real service (the platform module with a consumer) against
 * the real broker and database: an admin lists a poison event's dead letter, sees it decoded and masked,
 * replays it after the fix (applied once) or discards it with a reason; everyone else is refused; every
 * refusal is in the request's language, Chinese by default.
 */
describe('the dead-letter operations over HTTP', () => {
  let topic: string;
  let service: ServiceUnderTest<ServiceConfig>;
  let group: string;
  /** The case that fails until the test fixes it, and its dead letter. */
  const brokenCase = randomUUID();
  let broken: DeadLetter;

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'dead-letters-http');
    const probe: ServiceDefinition = { name: 'dead-letters-probe', defaultPort: 3097, produces: [topic as TopicName], consumes: [topic as TopicName], entities: [], migrations: [] };
    @Module({})
    class ProbeModule {
      static register(config: ServiceConfig): DynamicModule {
        return { module: ProbeModule, imports: [PlatformModule.forRoot(probe, config)], controllers: [ProbeConsumer] };
      }
    }
    service = await startServiceUnderTest(probe, ServiceConfig, (config) => ProbeModule.register(config));
    group = service.config.KAFKA_CONSUMER_GROUP!;
    await dataSource().query('CREATE TABLE probe_effect (case_id text NOT NULL, event_id text NOT NULL); CREATE TABLE probe_breakage (case_id text PRIMARY KEY)');
    await dataSource().query('INSERT INTO probe_breakage (case_id) VALUES ($1)', [brokenCase]);
    await submit(brokenCase, 'broken-until-fixed');
    broken = await eventually(async () => (await list()).body.deadLetters?.find((deadLetter) => deadLetter.key === brokenCase), { what: 'the broken case dead-lettered', timeoutMs: 60_000 });
  }, 180_000);

  afterAll(() => service?.close(), 60_000);

  const dataSource = () => service.app.get(DataSource);
  const effects = async (caseId: string) => ((await dataSource().query('SELECT event_id FROM probe_effect WHERE case_id = $1', [caseId])) as unknown[]).length;

  async function submit(caseId: string, behaviour: string): Promise<string> {
    return service.app.get(UnitOfWork).run((tx) =>
      tx.publish(
        { ...Events.CaseSubmitted, topic },
        // A passport number and a name, so the masking shows.
        { caseId, channel: Channel.ONLINE, applicantId: behaviour, catalogueVersion: '2026-1', applicant: { surname: 'MUSTERMANN', passportNo: 'C01X00T47', nationality: 'DEU' } },
        { caseId, correlationId: caseId, causationId: caseId },
      ),
    );
  }

  async function call<T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, { token = tokens.admin, body, lang }: { token?: string | null; body?: unknown; lang?: string } = {}): Promise<Answer<T>> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }), ...(lang && { 'accept-language': lang }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  const list = (query = '') => call<{ service: string; group: string; deadLetters: DeadLetter[] }>('GET', `${PATH}${query}`);
  const errorOf = (answer: Answer) => answer.body.error as { code: string; message: string; details?: { field: string; message: string }[] };

  it("lists the service's group's dead letters for an admin, with the library's fields, filtered by status", async () => {
    const answer = await list();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ service: 'dead-letters-probe', group });
    expect(broken).toMatchObject({ consumerGroup: group, key: brokenCase, eventType: Events.CaseSubmitted.type, code: 'still_broken', status: 'waiting', source: { topic }, resolutions: [] });
    expect(broken.id).toMatch(/^\d+:\d+$/);
    expect((await list('?status=waiting')).body.deadLetters.map((deadLetter) => deadLetter.id)).toContain(broken.id);
    expect((await list('?status=replayed')).body.deadLetters).toEqual([]);
    const bad = await list('?status=lost');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).details).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('refuses every other role (403) and an anonymous caller (401) on every route, before reading anything', async () => {
    const routes: ['GET' | 'POST', string, unknown?][] = [
      ['GET', PATH],
      ['GET', `${PATH}/${broken.id}`],
      ['POST', `${PATH}/${broken.id}/replay`],
      ['POST', `${PATH}/${broken.id}/discard`, { reason: 'not yours to discard' }],
    ];
    const expected: string[] = [];
    const actual: string[] = [];
    for (const [method, path, body] of routes) {
      for (const caller of ['none', 'officer', 'analyst', 'clerk', 'applicant', 'employer'] as const) {
        expected.push(`${method} ${path} as ${caller}: ${caller === 'none' ? 401 : 403}`);
        actual.push(`${method} ${path} as ${caller}: ${(await call(method, path, { token: caller === 'none' ? null : tokens[caller], body })).status}`);
      }
    }
    expect(actual).toEqual(expected);
    // Nothing was resolved by the refused calls.
    expect((await list()).body.deadLetters.find((deadLetter) => deadLetter.id === broken.id)).toMatchObject({ status: 'waiting', resolutions: [] });
  });

  it('shows one decoded with its personal fields masked (always, over HTTP)', async () => {
    const answer = await call<Record<string, unknown>>('GET', `${PATH}/${encodeURIComponent(broken.id)}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: broken.id,
      topic: deadLetterTopicOfGroup(group),
      masked: true,
      event: { type: Events.CaseSubmitted.type, caseId: brokenCase, payload: { caseId: brokenCase, applicant: { surname: '[redacted]', passportNo: '[redacted]', nationality: '[redacted]' } } },
    });
    expect(JSON.stringify(answer.body)).not.toContain('C01X00T47');
    expect(JSON.stringify(answer.body)).not.toContain('MUSTERMANN');
    // No way to reveal them here: that is the CLI's, on the operator's terminal.
    expect(JSON.stringify((await call('GET', `${PATH}/${broken.id}?reveal=true`)).body)).not.toContain('C01X00T47');
  });

  it('answers a bad id with 400 naming the field and an unknown one with 404, in Chinese by default and in English when asked', async () => {
    const bad = await call('GET', `${PATH}/not-an-id`);
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'validation_failed', message: '死信编号格式不正确', details: [{ field: 'id', message: '须为“分区:偏移量”，如 0:42' }] });
    const badInEnglish = await call('POST', `${PATH}/1.5/replay`, { lang: 'en' });
    expect(badInEnglish.status).toBe(400);
    expect(errorOf(badInEnglish)).toMatchObject({ message: 'the dead letter id is not valid', details: [{ field: 'id', message: 'must be <partition>:<offset>, e.g. 0:42' }] });

    const unknown = await call('GET', `${PATH}/0:999999999`);
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'dead_letter_not_found', message: `死信队列 ${deadLetterTopicOfGroup(group)} 中没有编号为 0:999999999 的死信` });
    const unknownInEnglish = await call('POST', `${PATH}/0:999999999/replay`, { lang: 'en-GB,en;q=0.9' });
    expect(unknownInEnglish.status).toBe(404);
    expect(errorOf(unknownInEnglish).message).toBe(`no dead letter 0:999999999 in ${deadLetterTopicOfGroup(group)}`);
  });

  it('refuses a discard without a reason (400 naming reason), a blank or too long one, and an actor in the body', async () => {
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
      const answer = await call('POST', `${PATH}/${broken.id}/discard`, { body });
      expect({ body, status: answer.status, fields: errorOf(answer).details?.map((detail) => detail.field) }).toEqual({ body, status: 400, fields: ['reason'] });
    }
    const missing = await call('POST', `${PATH}/${broken.id}/discard`, { body: {} });
    expect(errorOf(missing).details?.[0].message).toBe('必填');
    // The actor is the token's subject: the body may not name one.
    const actor = await call('POST', `${PATH}/${broken.id}/discard`, { body: { reason: 'fine', actor: 'someone-else' } });
    expect(actor.status).toBe(400);
    expect(errorOf(actor).details).toEqual([expect.objectContaining({ field: 'actor' })]);
    expect((await list()).body.deadLetters.find((deadLetter) => deadLetter.id === broken.id)?.status).toBe('waiting');
  });

  it('replays the dead letter after the fix: applied once; a second replay is 409 in the language asked for', async () => {
    await dataSource().query('DELETE FROM probe_breakage WHERE case_id = $1', [brokenCase]);
    const replayed = await call('POST', `${PATH}/${broken.id}/replay`);
    expect(replayed).toMatchObject({ status: 200, body: { service: 'dead-letters-probe', group, id: broken.id, resolution: 'replay', actor: ADMIN_SUBJECT } });
    await eventually(async () => (await effects(brokenCase)) === 1, { what: 'the replayed event applied', timeoutMs: 30_000 });

    const again = await call('POST', `${PATH}/${broken.id}/replay`);
    expect(again.status).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'dead_letter_already_resolved', message: `死信 ${broken.id} 已重放，不再重复处理` });
    const againInEnglish = await call('POST', `${PATH}/${broken.id}/discard`, { body: { reason: 'too late' }, lang: 'en' });
    expect(againInEnglish.status).toBe(409);
    expect(errorOf(againInEnglish).message).toBe(`dead letter ${broken.id} was replayed already`);

    const [after] = (await list('?status=replayed')).body.deadLetters;
    expect(after).toMatchObject({ id: broken.id, status: 'replayed', resolutions: [expect.objectContaining({ resolution: 'replay', actor: ADMIN_SUBJECT })] });
    // Still once, after the consumer has had time to see anything more.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await effects(brokenCase)).toBe(1);
  });

  it('discards a dead letter with its reason, recorded with the caller as actor', async () => {
    const poisoned = randomUUID();
    await submit(poisoned, 'poison');
    const deadLetter = await eventually(async () => (await list('?status=waiting')).body.deadLetters.find((candidate) => candidate.key === poisoned), { what: 'the poison event dead-lettered' });
    const discarded = await call('POST', `${PATH}/${deadLetter.id}/discard`, { body: { reason: '  the applicant withdrew; nothing to apply  ' } });
    expect(discarded).toMatchObject({ status: 200, body: { id: deadLetter.id, resolution: 'discard', actor: ADMIN_SUBJECT } });
    const shown = await call<DeadLetter>('GET', `${PATH}/${deadLetter.id}`);
    expect(shown.body).toMatchObject({ status: 'discarded', resolutions: [expect.objectContaining({ resolution: 'discard', actor: ADMIN_SUBJECT, reason: 'the applicant withdrew; nothing to apply' })] });
    expect(await effects(poisoned)).toBe(0);
  });

  it('documents the four routes in the OpenAPI document, as the authorization matrix lists them', async () => {
    const document = (await (await fetch(`${service.url}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.filter((route) => route.includes('/api/operations/')).sort()).toEqual([
      `GET ${PATH}`,
      `GET ${PATH}/{id}`,
      `POST ${PATH}/{id}/discard`,
      `POST ${PATH}/{id}/replay`,
    ]);
  });

  it("answers 503 when the group's dead-letter topic is gone", async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: [deadLetterTopicOfGroup(group)] });
    } finally {
      await admin.disconnect();
    }
    const gone = await eventually(async () => {
      const answer = await list();
      return answer.status === 503 && answer;
    }, { what: 'the missing topic answered with 503', timeoutMs: 30_000 });
    expect(errorOf(gone as Answer)).toMatchObject({ code: 'dead_letters_unavailable', message: expect.stringContaining(deadLetterTopicOfGroup(group)) });
  });
});
