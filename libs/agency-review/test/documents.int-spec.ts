import { Module } from '@nestjs/common';
import { asWritten, getCatalogue } from '@work-permit/catalogue';
import { Decision, decodeEvent, type DocumentIssued, DocumentKind, DocumentTopics, encodeEvent, type EventDefinition, Events, type OutgoingEvent, Topics, type TopicName } from '@work-permit/contracts';
import { compact, readPdf } from '@work-permit/documents/testing';
import { PlatformModule, type ServiceDefinition } from '@work-permit/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AGENCY_REVIEW_ENTITIES, AGENCY_REVIEW_MIGRATIONS, AgencyReviewModule, AgencyServiceConfig, type ItemPolicy } from '../src';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '../src/testing';

const kafka = testKafka();
const ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' as const },
  { code: 'RESIDENCE_PERMIT', action: 'issue' as const },
];
const DATES = caseDates();
const PUBLIC_WEB_URL = 'https://work.weihai.example';

/** A residence permit every rule of which passes, granted for a year: the workflow decides it automatically. */
const residencePermit: ItemPolicy = {
  code: 'RESIDENCE_PERMIT',
  assess: (facts, context) => ({
    findings: [{ rule: 'stub', passed: true, message: asWritten('passes') }],
    flags: [],
    result: { permitNo: `RP-${facts.caseId.slice(0, 8)}`, validFrom: context.today, validTo: DATES.contractEnd },
  }),
};

/**
 * The public-security bureau's service as the review library builds it (a stub policy), on the real
 * broker and its own database: the portal and the work-permit bureau are played by the test on a topic
 * of its own; the service's documents come out on its own topic.
 */
describe('agency documents: asked for with the decisions, issued off their path', () => {
  let service: ServiceUnderTest<AgencyServiceConfig>;
  let topic: string;

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'agency-documents');
    const definition: ServiceDefinition = {
      name: 'public-security',
      defaultPort: 3003,
      produces: [Topics.psb, DocumentTopics.psb],
      consumes: [topic as TopicName],
      entities: AGENCY_REVIEW_ENTITIES,
      migrations: AGENCY_REVIEW_MIGRATIONS,
    };
    service = await startServiceUnderTest(
      definition,
      AgencyServiceConfig,
      (config) => {
        @Module({ imports: [PlatformModule.forRoot(definition, config), AgencyReviewModule.forAgency({ agency: 'psb', policies: [residencePermit] }, config)] })
        class AgencyUnderTest {}
        return { module: AgencyUnderTest };
      },
      { PUBLIC_WEB_URL, DOCUMENTS_RENDER_INTERVAL_MS: '100', MANUAL_ITEMS: '' },
    );
  });

  afterAll(() => service?.close());

  const encode = <D extends EventDefinition>(definition: D, payload: object, caseId: string): OutgoingEvent =>
    encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });

  async function send(destination: string, ...events: { key: string | Buffer | null; value: Buffer | null }[]): Promise<{ partition: number; offset: string }> {
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({ topic: destination, messages: events.map(({ key, value }) => ({ key, value })) });
    await producer.disconnect();
    return { partition: sent.partition, offset: sent.baseOffset ?? '0' };
  }

  /** Until the service's consumer group has committed past the message: it has been handled. */
  async function consumedPast(source: string, { partition, offset }: { partition: number; offset: string }): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const [{ partitions }] = await admin.fetchOffsets({ groupId: service.config.KAFKA_CONSUMER_GROUP!, topics: [source] });
        return BigInt(partitions.find((p) => p.partition === partition)?.offset ?? '-1') > BigInt(offset);
      }, { what: `the service to consume ${source}/${partition}@${offset}`, timeoutMs: 60_000 });
    } finally {
      await admin.disconnect();
    }
  }

  const theCase = (caseId: string, materials = exampleMaterials(ITEMS, DATES.issuedAt)) =>
    encode(Events.CaseSubmitted, caseSubmittedOf(exampleCaseFacts({ caseId, items: ITEMS, materials })), caseId);
  const workPermitGranted = (caseId: string) =>
    encode(Events.ApprovalItemDecided, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: 'WP-1', validFrom: DATES.contractStart, validTo: DATES.contractEnd } }, caseId);

  async function documentsOf(caseId: string, count: number): Promise<DocumentIssued[]> {
    // On the bureau's documents topic, which only the portal reads; none on its events topic.
    const messages = await collectFromTopic(kafka, DocumentTopics.psb, (m) => {
      const event = decodeEvent(m.value!);
      return event?.caseId === caseId && event.type === Events.PsbDocumentIssued.type;
    }, { timeoutMs: 60_000, settleMs: 2_000 });
    expect(messages.length).toBeGreaterThanOrEqual(count);
    return messages.map((m) => decodeEvent(m.value!)!.payload as DocumentIssued);
  }

  const count = async (sql: string, caseId: string) => Number((await service.app.get(DataSource).query(sql, [caseId]))[0].n);

  it('issues a granted residence permit its decision and its e-permit once, whatever arrives again', async () => {
    const caseId = randomUUID();
    await send(topic, theCase(caseId), workPermitGranted(caseId));
    const documents = await documentsOf(caseId, 2);
    expect(documents.map((d) => d.kind).sort()).toEqual([DocumentKind.DECISION, DocumentKind.E_PERMIT]);

    const decision = documents.find((d) => d.kind === DocumentKind.DECISION)!;
    const residence = getCatalogue().items.find((item) => item.code === 'RESIDENCE_PERMIT')!;
    expect(decision).toMatchObject({ caseId, itemCode: 'RESIDENCE_PERMIT', issuer: 'psb', title: { zh: `准予许可决定书（${residence.name.zh}）` }, holderMasked: expect.stringMatching(/\*\*\*/) });
    expect(decision.documentNo).toMatch(/^PSB-\d{8}-[0-9A-Z]{10}$/);
    const text = compact((await readPdf(decision.pdf)).text);
    expect(text).toContain('准予许可决定书');
    expect(text).toContain('DecisiontoGrant');
    expect(text).toContain(compact(getCatalogue().agencies.find((agency) => agency.code === 'psb')!.name.zh));

    const permit = documents.find((d) => d.kind === DocumentKind.E_PERMIT)!;
    expect(permit).toMatchObject({ permitNo: `RP-${caseId.slice(0, 8)}`, validTo: DATES.contractEnd });
    const read = await readPdf(permit.pdf);
    expect(read.qrCodes).toEqual([`${PUBLIC_WEB_URL}/verify/${permit.documentNo}`]);
    expect(compact(read.text)).toContain('电子证照');

    // The case and the work permit's grant again, as a redelivery brings them: nothing more is issued.
    await consumedPast(topic, await send(topic, theCase(caseId), workPermitGranted(caseId)));
    await new Promise((resolve) => setTimeout(resolve, 500)); // a renderer run, were there anything to render
    expect(await documentsOf(caseId, 2)).toHaveLength(2);
    expect(await count('SELECT count(*)::int AS n FROM document_request WHERE case_id = $1', caseId)).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM issued_document WHERE case_id = $1', caseId)).toBe(2);
    // Its events topic carries the case's decision, and no document of it.
    const onEvents = (await collectFromTopic(kafka, Topics.psb, (m) => decodeEvent(m.value!)?.caseId === caseId, { timeoutMs: 10_000, settleMs: 1_000 })).map((m) => decodeEvent(m.value!)!.type);
    expect(onEvents).toContain(Events.PsbItemDecided.type);
    expect(onEvents).not.toContain(Events.PsbDocumentIssued.type);
  });

  it('tells the applicant in a supplement notice each material to supply, why, and by when', async () => {
    const caseId = randomUUID();
    await send(topic, theCase(caseId, exampleMaterials(ITEMS, DATES.issuedAt).filter((m) => m.code !== 'PHOTO')));
    const [notice] = await documentsOf(caseId, 1);
    expect(notice).toMatchObject({ kind: DocumentKind.SUPPLEMENT_NOTICE, itemCode: 'RESIDENCE_PERMIT', title: { zh: '补正告知书', en: 'Notice to Supplement Materials' } });
    expect(notice.dataKeys).toContain('materials.PHOTO');
    const photo = getCatalogue().materials.find((material) => material.code === 'PHOTO')!;
    const text = compact((await readPdf(notice.pdf)).text);
    expect(text).toContain(compact(`${photo.name.zh}：未提交`));
    expect(text).toContain(compact(`${photo.name.en}: not submitted`));
    expect(text).toMatch(/请于\d{4}年\d{1,2}月\d{1,2}日前/);
  });

  it('keeps the PDFs out of line as they are: PostgreSQL no longer tries to compress what is compressed already', async () => {
    const [pdf] = (await service.app.get(DataSource).query("SELECT attstorage FROM pg_attribute WHERE attrelid = 'issued_document'::regclass AND attname = 'pdf'")) as { attstorage: string }[];
    expect(pdf.attstorage).toBe('e');
  });
});
