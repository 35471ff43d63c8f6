import { Module } from '@nestjs/common';
import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import { asWritten, type ItemSelection } from '@work-permit/catalogue';
import { DocumentTopics, encodeEvent, type EventDefinition, Events, Topics, type TopicName } from '@work-permit/contracts';
import { Clock, PlatformModule, type ServiceDefinition } from '@work-permit/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS, AgencyReviewModule, AgencyServiceConfig, type ItemPolicy, type QueuePage } from '../src';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '../src/testing';

const kafka = testKafka();
const ITEMS: ItemSelection[] = [{ code: 'WORK_PERMIT', action: 'issue' }];
// The services' today: Tuesday 2026-02-24, 10:00 in China — the first working day after the Spring
// Festival holiday (02-15..02-23; the Saturdays 02-14 and 02-28 are adjusted working days).
const NOW = new Date('2026-02-24T02:00:00Z');
/** 10:00 in China on `day`. */
const on = (day: string) => new Date(`${day}T02:00:00Z`);

// Rules that never run here (the work permit waits for its prerequisites) or always ask a person (the talent category).
const workPermit: ItemPolicy = { code: 'WORK_PERMIT', assess: () => ({ findings: [], flags: [], result: {} }) };
const talentCategory: ItemPolicy = {
  code: 'TALENT_CATEGORY',
  assess: () => ({ findings: [{ rule: 'stub', passed: true, message: asWritten('passes') }], flags: ['checked_by_hand'], result: { category: 'B' } }),
};

const token = (role: Role, agency?: Agency) =>
  signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `${role}-${randomUUID()}`, role, agency, ...(role === 'applicant' ? { passportNo: 'C01X00T47', nationality: 'DEU' } : {}) });

/** An agency service as the review library builds it (stub policies), on the real broker and its own database. */
function agencyService(agency: 'approval' | 'scitech', name: string, produces: TopicName, policies: ItemPolicy[], topic: string): Promise<ServiceUnderTest<AgencyServiceConfig>> {
  const definition: ServiceDefinition = { name, defaultPort: 3001, produces: [produces, DocumentTopics[agency]], consumes: [topic as TopicName], entities: AGENCY_REVIEW_ENTITIES, migrations: AGENCY_REVIEW_MIGRATIONS };
  return startServiceUnderTest(
    definition,
    AgencyServiceConfig,
    (config) => {
      @Module({ imports: [PlatformModule.forRoot(definition, config), AgencyReviewModule.forAgency({ agency, policies }, config)] })
      class AgencyUnderTest {}
      return { module: AgencyUnderTest };
    },
    { MANUAL_ITEMS: '' },
  );
}

/**
 * The officers' queue (`GET /api/items`) of two agencies on one stream of cases: the work permit's
 * (whose scope releases names) and science and technology's (whose scope holds none), with the time
 * left in working days on a day the Spring Festival shapes.
 */
describe('the officers’ queue: names within scope, working days left, sorted and filtered', () => {
  let approval: ServiceUnderTest<AgencyServiceConfig>;
  let scitech: ServiceUnderTest<AgencyServiceConfig>;
  let producer: Producer;
  let topic: string;
  // `paused` lacks its photo: asked for it at once, its clock stops (no due date).
  const cases = { overdue: randomUUID(), soon: randomUUID(), fresh: randomUUID(), withdrawn: randomUUID(), paused: randomUUID() };
  const names = { overdue: ['OKAFOR', 'Chidi'], soon: ['MUSTER', 'Erika Anna'], fresh: ['ZHAO-LI', 'Wei'], withdrawn: ['DUPONT', 'Jean'], paused: ['SILVA', 'Ana'] } as const;
  const submitted = { overdue: '2026-01-26', soon: '2026-02-11', fresh: '2026-02-24', withdrawn: '2026-02-23', paused: '2026-02-24' } as const;

  const send = async (definition: EventDefinition, caseId: string, payload: object, occurredAt: Date) => {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId, occurredAt });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  };
  const queueOf = async (service: ServiceUnderTest<AgencyServiceConfig>, query = '', auth = token('officer', service === approval ? 'approval' : 'scitech')) => {
    const response = await fetch(`${service.url}/api/items${query}`, { headers: { authorization: `Bearer ${auth}` } });
    return { status: response.status, body: (await response.json()) as QueuePage & { error: { code: string; details: { field: string }[] } } };
  };
  const caseIdsOf = (page: QueuePage) => page.items.map((item) => item.caseId);

  beforeAll(async () => {
    jest.spyOn(Clock.prototype, 'now').mockImplementation(() => new Date(NOW));
    topic = await createTestTopic(kafka, 'officer-queue');
    [approval, scitech] = await Promise.all([
      agencyService('approval', 'admin-approval', Topics.approval, [workPermit], topic),
      agencyService('scitech', 'science-tech', Topics.scitech, [talentCategory], topic),
    ]);
    producer = kafka.producer();
    await producer.connect();
    for (const key of Object.keys(cases) as (keyof typeof cases)[]) {
      const facts = exampleCaseFacts({
        caseId: cases[key],
        items: ITEMS,
        materials: exampleMaterials(ITEMS, '2026-01-20').filter((material) => key !== 'paused' || material.code !== 'PHOTO'),
        patch: { 'applicant.surname': names[key][0], 'applicant.givenNames': names[key][1] },
      });
      await send(Events.CaseSubmitted, cases[key], caseSubmittedOf(facts), on(submitted[key]));
    }
    await send(Events.CaseWithdrawn, cases.withdrawn, { caseId: cases.withdrawn, itemCodes: ['WORK_PERMIT'], reason: 'changed employer' }, on('2026-02-24'));
    await eventually(
      async () => {
        const [atApproval, atScitech] = [(await queueOf(approval)).body, (await queueOf(scitech)).body];
        const withdrawnEverywhere = [atApproval, atScitech].every((page) => page.items.some((item) => item.caseId === cases.withdrawn && item.status === 'withdrawn'));
        const asked = atApproval.items.some((item) => item.caseId === cases.paused && item.status === 'awaiting_supplement');
        return atApproval.total === 5 && atScitech.total === 5 && withdrawnEverywhere && asked;
      },
      { what: 'the five cases in both queues', timeoutMs: 60_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all([approval?.close(), scitech?.close()]);
    jest.restoreAllMocks();
  });

  it('gives each row the applicant’s name, the item in words, the due date and the working days left as the law counts them', async () => {
    const { status, body } = await queueOf(approval);
    expect(status).toBe(200);
    expect(body.applicantNameInScope).toBe(true);
    // Overdue first, then soonest due, no due date last.
    expect(caseIdsOf(body)).toEqual([cases.overdue, cases.soon, cases.withdrawn, cases.fresh, cases.paused]);
    const row = (caseId: string) => body.items.find((item) => item.caseId === caseId);
    expect(row(cases.overdue)).toMatchObject({
      code: 'WORK_PERMIT',
      itemName: { zh: expect.stringContaining('工作许可'), en: expect.stringMatching(/work permit/i) },
      applicantName: 'OKAFOR Chidi',
      submittedOn: '2026-01-26',
      status: 'pending',
      timeLimit: { amount: 10, unit: 'working_days' },
      // Ten working days from Mon 01-26 end on Mon 02-09; by Tue 02-24 six have passed since:
      // 02-10..02-13, the adjusted Saturday 02-14 and 02-24 (the holiday between them does not count).
      dueDate: '2026-02-09',
      overdue: true,
      workingDaysLeft: -6,
      calendarDaysLeft: -15,
    });
    // From Wed 02-11: 02-12, 02-13, Sat 02-14, 02-24..02-27, Sat 02-28, 03-02, 03-03; six are left after 02-24.
    expect(row(cases.soon)).toMatchObject({ applicantName: 'MUSTER Erika Anna', dueDate: '2026-03-03', overdue: false, workingDaysLeft: 6, calendarDaysLeft: 7 });
    expect(row(cases.fresh)).toMatchObject({ applicantName: 'ZHAO-LI Wei', dueDate: '2026-03-09', workingDaysLeft: 10, calendarDaysLeft: 13 });
    // A final item keeps its due date but has no time left; a paused clock has neither.
    expect(row(cases.withdrawn)).toMatchObject({ applicantName: 'DUPONT Jean', status: 'withdrawn', dueDate: '2026-03-06', workingDaysLeft: null, calendarDaysLeft: null });
    expect(row(cases.paused)).toMatchObject({ applicantName: 'SILVA Ana', status: 'awaiting_supplement', dueDate: null, workingDaysLeft: null, calendarDaysLeft: null });
  });

  it('sorts by due date, day of submission, status and item, either way, unknown due dates last', async () => {
    expect(caseIdsOf((await queueOf(approval, '?sort=due')).body)).toEqual([cases.overdue, cases.soon, cases.withdrawn, cases.fresh, cases.paused]);
    // Descending still puts the item without a due date last.
    expect(caseIdsOf((await queueOf(approval, '?sort=due&order=desc')).body)).toEqual([cases.fresh, cases.withdrawn, cases.soon, cases.overdue, cases.paused]);
    // Two submitted on 02-24: the default order between them (soonest due, none last).
    expect(caseIdsOf((await queueOf(approval, '?sort=submitted&order=desc')).body)).toEqual([cases.fresh, cases.paused, cases.withdrawn, cases.soon, cases.overdue]);
    // In the workflow's order (pending, in review, awaiting supplement, …, withdrawn), not the alphabet's.
    expect(caseIdsOf((await queueOf(approval, '?sort=status')).body)).toEqual([cases.overdue, cases.soon, cases.fresh, cases.paused, cases.withdrawn]);
    expect(caseIdsOf((await queueOf(approval, '?sort=status&order=desc')).body)).toEqual([cases.withdrawn, cases.paused, cases.overdue, cases.soon, cases.fresh]);
    expect((await queueOf(approval, '?sort=item&limit=2&offset=1')).body).toMatchObject({ total: 5, items: [{ caseId: cases.soon }, { caseId: cases.withdrawn }] });
  });

  it('filters by item, status and overdue, and finds a case by part of its id or the applicant’s name', async () => {
    expect((await queueOf(approval, '?item=WORK_PERMIT')).body.total).toBe(5);
    expect((await queueOf(approval, '?item=RESIDENCE_PERMIT')).body).toMatchObject({ total: 0, items: [] });
    expect((await queueOf(approval, '?status=withdrawn')).body).toMatchObject({ total: 1, items: [{ caseId: cases.withdrawn }] });
    expect((await queueOf(approval, '?overdue=true')).body).toMatchObject({ total: 1, items: [{ caseId: cases.overdue, workingDaysLeft: -6 }] });
    expect((await queueOf(approval, '?q=muster')).body).toMatchObject({ total: 1, items: [{ caseId: cases.soon }] });
    expect((await queueOf(approval, `?q=${encodeURIComponent('erika anna mus')}`)).body).toMatchObject({ total: 1, items: [{ caseId: cases.soon }] });
    expect((await queueOf(approval, `?q=${cases.fresh.slice(0, 8).toUpperCase()}`)).body).toMatchObject({ total: 1, items: [{ caseId: cases.fresh }] });
    // A wildcard is taken as written.
    expect((await queueOf(approval, `?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
    expect((await queueOf(approval, `?q=${encodeURIComponent('o_afor')}`)).body.total).toBe(0);
  });

  it('names every bad parameter at once', async () => {
    const { status, body } = await queueOf(approval, `?sort=name&order=sideways&item=work&q=${'x'.repeat(101)}`);
    expect(status).toBe(400);
    expect(body.error.details.map((detail) => detail.field).sort()).toEqual(['item', 'order', 'q', 'sort']);
  });

  it('shows an agency whose scope holds no names the case id only, and finds no case by a name', async () => {
    const { status, body } = await queueOf(scitech);
    expect(status).toBe(200);
    expect(body.applicantNameInScope).toBe(false);
    expect(body.items.map((item) => item.applicantName)).toEqual([null, null, null, null, null]);
    // The talent category: five working days from 02-24 (02-25..02-28, 03-02), asked of an officer.
    expect(body.items.find((item) => item.caseId === cases.fresh)).toMatchObject({ code: 'TALENT_CATEGORY', status: 'in_review', dueDate: '2026-03-02', workingDaysLeft: 5, calendarDaysLeft: 6 });
    expect((await queueOf(scitech, '?q=muster')).body.total).toBe(0);
    expect((await queueOf(scitech, `?q=${cases.soon.slice(0, 8)}`)).body).toMatchObject({ total: 1, items: [{ caseId: cases.soon, applicantName: null }] });
  });

  it('is for the agency’s own officers: another agency or role 403, no token 401', async () => {
    expect((await queueOf(approval, '', token('officer', 'scitech'))).status).toBe(403);
    expect((await queueOf(scitech, '', token('officer', 'approval'))).status).toBe(403);
    expect((await queueOf(approval, '', token('analyst', 'bigdata'))).status).toBe(403);
    expect((await queueOf(approval, '', token('applicant'))).status).toBe(403);
    expect((await fetch(`${approval.url}/api/items`)).status).toBe(401);
  });
});
