import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { isKnownMessage, localize, type Message } from '@work-permit/catalogue';
import { Decision, decodeEvent, encodeEvent, Events, type ItemDecided, Topics } from '@work-permit/contracts';
import { chinaDateOf } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { ScienceTechConfig } from '../src/science-tech.config';
import { ScienceTechService } from '../src/science-tech.service';

const kafka = testKafka();
const DATES = caseDates();
const CHANGE = [{ code: 'WORK_PERMIT', action: 'change' as const }];

/** A change of talent category on the science and technology service: classified like a first application. */
describe('science-tech: a change of talent category', () => {
  let service: ServiceUnderTest<ScienceTechConfig>;
  let producer: Producer;
  let topic: string;

  const submit = async (caseId: string, workPermitItem: string) => {
    const patch = { 'holdings.workPermitNo': 'WP20260123456789', 'holdings.workPermitValidTo': DATES.contractEnd, 'change.occurredOn': chinaDateOf(new Date()), 'change.workPermitItem': workPermitItem };
    const facts = exampleCaseFacts({ caseId, items: CHANGE, patch, materials: exampleMaterials(CHANGE, DATES.issuedAt) });
    const event = encodeEvent(Events.CaseSubmitted, caseSubmittedOf(facts), { caseId, correlationId: caseId, causationId: caseId });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  };
  const findingsHere = async (caseId: string): Promise<{ rule: string; passed: boolean; message: Message }[]> =>
    ((await service.app.get(DataSource).query('SELECT assessment FROM review_item WHERE case_id = $1', [caseId])) as { assessment: { findings: { rule: string; passed: boolean; message: Message }[] } }[])[0]
      .assessment.findings;
  const stepsHere = async (caseId: string): Promise<string[]> =>
    ((await service.app.get(DataSource).query('SELECT code FROM review_item WHERE case_id = $1', [caseId])) as { code: string }[]).map((row) => row.code);

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'category-change');
    service = await startServiceUnderTest(ScienceTechService, ScienceTechConfig, (config) => consumingOnly(AppModule.register(config), ScienceTechService, topic, config));
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it('classifies the applicant again on a change of category, and not on a change of passport', async () => {
    const [category, passport] = [randomUUID(), randomUUID()];
    await submit(passport, 'passportNo');
    await submit(category, 'category');
    const decided = await collectFromTopic(kafka, Topics.scitech, (m) => decodeEvent(m.value!)?.caseId === category && decodeEvent(m.value!)!.type === Events.ScitechItemDecided.type);
    expect(decided.map((m) => decodeEvent(m.value!)!.payload as ItemDecided)).toEqual([
      expect.objectContaining({ itemCode: 'TALENT_CATEGORY', decision: Decision.GRANTED, result: expect.objectContaining({ category: expect.stringMatching(/^[ABC]$/) }) }),
    ]);
    await eventually(async () => (await stepsHere(category)).length === 1, { what: 'the category case' });
    // The findings are kept as catalogue messages, Chinese first when read.
    const findings = await findingsHere(category);
    expect(findings.map(({ rule, message }) => [rule, isKnownMessage(message)])).toEqual([
      ['minimum_age', true],
      ['talent_category', true],
    ]);
    expect(localize(findings[1].message)).toEqual({ zh: expect.stringMatching(/^积分：\d+分（满分120分；年薪\d+分，/), en: expect.stringMatching(/^Points: \d+ of 120 \(annual salary \d+, /) });
    // The passport change leaves nothing to classify: no item of it is ever kept here.
    const passportDecisions = await collectFromTopic(kafka, Topics.scitech, (m) => decodeEvent(m.value!)?.caseId === passport, { timeoutMs: 3_000 });
    expect(passportDecisions).toEqual([]);
    expect(await stepsHere(passport)).toEqual([]);
  });
});
