import type { AgencyCaseView, PermitCancellationView } from '@work-permit/agency-review';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { LOCAL_DEVELOPMENT_JWT_SECRET, signToken } from '@work-permit/auth';
import { fromWire, localize, type Message, message, onTheWire, toWire } from '@work-permit/catalogue';
import { CancellationGround, Decision, decodeEvent, encodeEvent, type EventDefinition, Events, type ItemProgressed, ItemStatus, Topics } from '@work-permit/contracts';
import { chinaDateOf, databaseUrlFor } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { PublicSecurityConfig } from '../src/public-security.config';
import { PublicSecurityService } from '../src/public-security.service';

const kafka = testKafka();
const DATES = caseDates();
const WORK_AND_RESIDENCE = [
  { code: 'WORK_PERMIT', action: 'issue' as const },
  { code: 'RESIDENCE_PERMIT', action: 'issue' as const },
];
const RESIDENCE_ONLY = [{ code: 'RESIDENCE_PERMIT', action: 'issue' as const }];
const officer = (agency: 'psb' | 'hrss') => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `officer-${agency}-${randomUUID()}`, role: 'officer', agency });

/**
 * Public security issues the residence permit, which waits for the work permit: told that the work
 * permit was cancelled, it records the notice, ends its residence permit items that still wait for it
 * (in the permit's own case, and in the holder's later cases that rely on it), and shows its officers.
 */
describe('public-security is told that a work permit was cancelled', () => {
  let service: ServiceUnderTest<PublicSecurityConfig>;
  let producer: Producer;
  let topic: string;

  const send = async (definition: EventDefinition, caseId: string, payload: object) => {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
  };
  const query = async <T>(sql: string, params: unknown[]) => {
    const client = new Client({ connectionString: databaseUrlFor(service.config.DATABASE_URL, service.config.DATABASE_NAME) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const get = async <T>(path: string, auth = officer('psb')) => {
    const response = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${auth}` } });
    return { status: response.status, body: (await response.json()) as T };
  };
  const residencePermit = async (caseId: string) => (await query<{ status: string; reason: Message | null }>(`SELECT status, reason FROM review_item WHERE case_id = $1 AND code = 'RESIDENCE_PERMIT'`, [caseId]))[0];

  async function submitted(caseId: string, items: typeof RESIDENCE_ONLY, applicantId: string, patch: Record<string, unknown> = {}): Promise<void> {
    const facts = { ...exampleCaseFacts({ caseId, items, patch: { 'employment.contractStart': DATES.contractStart, 'employment.contractEnd': DATES.contractEnd, ...patch }, materials: exampleMaterials(items, DATES.issuedAt) }), applicantId };
    // A residence permit alone asks no salary: the portal's event carries zero.
    facts.body.employment.annualSalaryCny ??= 0;
    await send(Events.CaseSubmitted, caseId, caseSubmittedOf(facts));
    await eventually(async () => (await residencePermit(caseId)) !== undefined, { what: 'the residence permit item' });
  }

  // As admin-approval announces it: the catalogue's message, and the same in both languages for older readers.
  const CANCELLATION_REASON = message('cancellation.contract_ended', { endedOn: '2026-11-30', late: false, windowDays: 10 });
  const cancelled = (caseId: string, applicantId: string, permitNo: string) => ({
    caseId,
    itemCode: 'WORK_PERMIT',
    permitNo,
    cancelledOn: chinaDateOf(new Date()),
    reason: onTheWire(CANCELLATION_REASON),
    reasonMessage: toWire(CANCELLATION_REASON),
    ground: CancellationGround.CONTRACT_ENDED,
    contractEndedOn: '2026-11-30',
    applicantId,
  });

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'psb-cancellation');
    // An officer decides residence permits here, so one relying on a held work permit stays open until the notice comes.
    service = await startServiceUnderTest(PublicSecurityService, PublicSecurityConfig, (config) => consumingOnly(AppModule.register(config), PublicSecurityService, topic, config), {
      MANUAL_ITEMS: 'PROFESSIONAL_TITLE,RESIDENCE_PERMIT',
    });
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it("ends the residence permit waiting for the cancelled work permit, records the notice and shows it, whatever order the grant comes in", async () => {
    const caseId = randomUUID();
    const applicantId = `ap_${randomUUID().replace(/-/g, '')}`;
    await submitted(caseId, WORK_AND_RESIDENCE, applicantId);
    expect((await residencePermit(caseId)).status).toBe('pending');

    await send(Events.PermitCancelled, caseId, cancelled(caseId, applicantId, 'WP-371000-A'));
    const ended = await eventually(async () => {
      const item = await residencePermit(caseId);
      return item.status === 'terminated' && item;
    }, { what: 'the residence permit ended' });
    expect(localize(ended.reason!)).toEqual({
      zh: expect.stringContaining('用人单位报告劳动合同已于2026-11-30终止，外国人来华工作许可予以注销。'),
      en: expect.stringContaining('The employer reported that the employment contract ended on 2026-11-30; the work permit is cancelled.'),
    });
    // The grant it cancelled comes in only now: nothing reopens.
    await send(Events.ApprovalItemDecided, caseId, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: 'WP-371000-A', validTo: DATES.contractEnd } });
    await eventually(async () => (await query(`SELECT 1 FROM inbox_entry`, [])).length >= 3, { what: 'the grant applied' });
    expect((await residencePermit(caseId)).status).toBe('terminated');

    const announced = await collectFromTopic(kafka, Topics.psb, (m) => decodeEvent(m.value!)?.caseId === caseId && decodeEvent(m.value!)!.type === Events.PsbItemProgressed.type, { settleMs: 2_000 });
    const terminations = announced.map((m) => decodeEvent(m.value!)!.payload as ItemProgressed).filter((p) => p.status === ItemStatus.TERMINATED);
    expect(terminations).toEqual([expect.objectContaining({ itemCode: 'RESIDENCE_PERMIT', agency: 'psb', reason: expect.stringContaining('The employer reported that the employment contract ended on 2026-11-30') })]);
    expect(localize(fromWire(terminations[0].reasonMessage, terminations[0].reason)!)).toEqual({
      zh: expect.stringContaining('外国人来华工作许可予以注销'),
      en: expect.not.stringContaining('予以注销'),
    });

    const view = await get<AgencyCaseView>(`/api/items/${caseId}`);
    expect(view.body.permitCancellations).toEqual([
      expect.objectContaining({
        caseId,
        itemCode: 'WORK_PERMIT',
        role: 'told',
        permitNo: 'WP-371000-A',
        ground: 'contract_ended',
        dependantItems: ['RESIDENCE_PERMIT'],
        endedItems: [{ caseId, code: 'RESIDENCE_PERMIT' }],
        // Chinese by default, both languages beside it.
        reason: localize(CANCELLATION_REASON).zh,
        reasons: localize(CANCELLATION_REASON),
      }),
    ]);
    const inEnglish = await get<AgencyCaseView>(`/api/items/${caseId}?lang=en`);
    expect(inEnglish.body.permitCancellations[0].reason).toBe(localize(CANCELLATION_REASON).en);
  });

  it("ends a later residence permit case of the holder that relies on the cancelled permit, and leaves other people's cases alone", async () => {
    const permitCase = randomUUID();
    const laterCase = randomUUID();
    const otherPersonsCase = randomUUID();
    const applicantId = `ap_${randomUUID().replace(/-/g, '')}`;
    await submitted(laterCase, RESIDENCE_ONLY, applicantId, { 'holdings.workPermitNo': 'WP-371000-B', 'holdings.workPermitValidTo': DATES.contractEnd });
    await submitted(otherPersonsCase, RESIDENCE_ONLY, `ap_${randomUUID().replace(/-/g, '')}`, { 'holdings.workPermitNo': 'WP-371000-B', 'holdings.workPermitValidTo': DATES.contractEnd });
    expect((await residencePermit(laterCase)).status).toBe('in_review');

    // The permit's own case was never here (no item of public security in it).
    await send(Events.PermitCancelled, permitCase, cancelled(permitCase, applicantId, 'WP-371000-B'));
    await eventually(async () => (await residencePermit(laterCase)).status === 'terminated', { what: 'the later residence permit ended' });
    expect((await residencePermit(otherPersonsCase)).status).toBe('in_review');

    const view = await get<AgencyCaseView>(`/api/items/${laterCase}`);
    expect(view.body.permitCancellations).toEqual([expect.objectContaining({ caseId: permitCase, role: 'told', endedItems: [{ caseId: laterCase, code: 'RESIDENCE_PERMIT' }] })]);
    const list = await get<{ cancellations: PermitCancellationView[] }>('/api/permit-cancellations');
    expect(list.body.cancellations.map((c) => c.caseId)).toContain(permitCase);
    expect((await get('/api/permit-cancellations', officer('hrss'))).status).toBe(403);
  });
});
