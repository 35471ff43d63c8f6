import { exampleCaseFacts, caseSubmittedOf, exampleMaterials } from '@work-permit/agency-review/testing';
import {
  Decision,
  decodeEvent,
  deadLetterTopicOfGroup,
  encodeEvent,
  type EventDefinition,
  Events,
  type ItemDecided,
  type ItemProgressed,
  ItemStatus,
  type OutgoingEvent,
  Topics,
} from '@work-permit/contracts';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminApprovalConfig } from '../src/admin-approval.config';
import { AdminApprovalService } from '../src/admin-approval.service';
import { AppModule } from '../src/app.module';

const kafka = testKafka();
const WORK_PERMIT_ONLY = [{ code: 'WORK_PERMIT', action: 'issue' as const }];
const DATES = caseDates();
// The service judges documents' validity on today's date: issue them recently.
const RECENT_MATERIALS = exampleMaterials(WORK_PERMIT_ONLY, DATES.issuedAt);
const CLEAN = { 'employment.contractStart': DATES.contractStart, 'employment.contractEnd': DATES.contractEnd, 'history.previousWorkPermitNo': undefined };

/** The work permit service on the real broker and its own database, with the portal, science-tech and data-sharing played by the test. */
describe('admin-approval: the work permit on the bus', () => {
  let service: ServiceUnderTest<AdminApprovalConfig>;
  // A topic of its own: the service sees exactly this suite's events, behind no backlog of the shared topics.
  let topic: string;

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'work-permit-review');
    service = await startServiceUnderTest(AdminApprovalService, AdminApprovalConfig, (config) => consumingOnly(AppModule.register(config), AdminApprovalService, topic, config));
  }, 120_000);

  afterAll(() => service?.close());

  const encode = <D extends EventDefinition>(definition: D, payload: object, caseId: string): OutgoingEvent =>
    encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });

  async function send(...events: OutgoingEvent[]): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    for (const event of events) await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    await producer.disconnect();
  }

  const theCase = (caseId: string) => encode(Events.CaseSubmitted, caseSubmittedOf(exampleCaseFacts({ caseId, items: WORK_PERMIT_ONLY, patch: CLEAN, materials: RECENT_MATERIALS })), caseId);
  const talentCategory = (caseId: string) =>
    encode(Events.ScitechItemDecided, { caseId, itemCode: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', decision: Decision.GRANTED, result: { category: 'A', points: 85, attributes: { route: 'points' } } }, caseId);
  const screening = (caseId: string) =>
    encode(Events.SharingItemDecided, { caseId, itemCode: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', decision: Decision.GRANTED }, caseId);

  const recordedOutcomes = async (caseId: string) =>
    Number((await service.app.get(DataSource).query('SELECT count(*)::int AS n FROM prerequisite_outcome WHERE case_id = $1', [caseId]))[0].n);

  async function workPermitDecisions(caseId: string): Promise<ItemDecided[]> {
    const messages = await collectFromTopic(kafka, Topics.approval, (m) => {
      const event = decodeEvent(m.value!);
      return event?.caseId === caseId && event.type === Events.ApprovalItemDecided.type;
    });
    return messages.map((m) => decodeEvent(m.value!)!.payload as ItemDecided);
  }

  it.each([
    ['the other agencies’ results before the case', ['talent', 'screening', 'case']],
    ['the case first', ['case', 'talent', 'screening']],
    ['the case between them', ['screening', 'case', 'talent']],
  ])('grants the work permit once, with %s', async (_, order) => {
    const caseId = randomUUID();
    const events = { case: theCase(caseId), talent: talentCategory(caseId), screening: screening(caseId) };
    let outcomesSent = 0;
    for (const name of order) {
      await send(events[name as keyof typeof events]);
      // Each arrival is applied before the next is sent, so the order is the one named.
      if (name === 'case') await eventually(async () => (await service.app.get(DataSource).query('SELECT 1 FROM review_case WHERE case_id = $1', [caseId])).length === 1, { what: 'the case' });
      else {
        const expected = ++outcomesSent;
        await eventually(async () => (await recordedOutcomes(caseId)) >= expected, { what: `the ${name} result` });
      }
    }
    const decisions = await workPermitDecisions(caseId);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ itemCode: 'WORK_PERMIT', decision: Decision.GRANTED, result: { category: 'A', points: 85, validFrom: DATES.contractStart, validTo: DATES.contractEnd } });
  });

  it('applies a redelivered event once', async () => {
    const caseId = randomUUID();
    const submitted = theCase(caseId);
    const talent = talentCategory(caseId);
    await send(submitted, submitted, talent, talent, screening(caseId));
    const decisions = await workPermitDecisions(caseId);
    expect(decisions).toHaveLength(1);
    const progress = await collectFromTopic(kafka, Topics.approval, (m) => decodeEvent(m.value!)?.caseId === caseId && decodeEvent(m.value!)!.type === Events.ApprovalItemProgressed.type);
    const reviewStarted = progress.map((m) => decodeEvent(m.value!)!.payload as ItemProgressed).filter((p) => p.status === ItemStatus.IN_REVIEW);
    expect(reviewStarted).toHaveLength(1);
  });

  it('sends a case of a catalogue version it does not know to the dead-letter topic, and keeps going', async () => {
    const caseId = randomUUID();
    const unknown = encode(Events.CaseSubmitted, { ...caseSubmittedOf(exampleCaseFacts({ caseId, items: WORK_PERMIT_ONLY, patch: CLEAN, materials: RECENT_MATERIALS })), catalogueVersion: '1999.1' }, caseId);
    const next = randomUUID();
    await send(unknown, theCase(next), talentCategory(next), screening(next));
    const parked = await collectFromTopic(kafka, deadLetterTopicOfGroup(service.config.KAFKA_CONSUMER_GROUP!), (m) => decodeEvent(m.value!)?.caseId === caseId);
    expect(parked).toHaveLength(1);
    expect(String(parked[0].headers?.['dlq-error-code'])).toBe('unknown_catalogue_version');
    expect(String(parked[0].headers?.['dlq-reason'])).toContain('1999.1');
    expect(await workPermitDecisions(next)).toHaveLength(1);
  });
});
