import type { AgencyCaseView, PermitCancellationView } from '@work-permit/agency-review';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import {
  CancellationGround,
  Decision,
  decodeEvent,
  deadLetterTopicOfGroup,
  encodeEvent,
  type EventDefinition,
  Events,
  ItemStatus,
  type PermitCancelled,
  Topics,
} from '@work-permit/contracts';
import { fromWire, localize } from '@work-permit/catalogue';
import { chinaDateOf, databaseUrlFor } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { caseDates, collectFromTopic, createTestTopic, eventually, testKafka } from '@work-permit/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AdminApprovalConfig } from '../src/admin-approval.config';
import { AdminApprovalService } from '../src/admin-approval.service';
import { AppModule } from '../src/app.module';

const kafka = testKafka();
const WORK_PERMIT_ONLY = [{ code: 'WORK_PERMIT', action: 'issue' as const }];
const DATES = caseDates();
const CLEAN = { 'employment.contractStart': DATES.contractStart, 'employment.contractEnd': DATES.contractEnd, 'history.previousWorkPermitNo': undefined };
const token = (role: Role, agency?: Agency) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject: `${role}-${agency ?? ''}-${randomUUID()}`, role, agency });

/**
 * Cancellation (注销) at the owner of the work permit: the employer's report of the contract's end
 * (from the portal) cancels a granted permit once and announces it; a report for a permit not granted
 * is for a person to look at; a joint review rejecting a permit holder's case cancels the permit too.
 */
describe('admin-approval cancels a granted work permit', () => {
  let service: ServiceUnderTest<AdminApprovalConfig>;
  let producer: Producer;
  let topic: string;

  const send = async (definition: EventDefinition, caseId: string, payload: object) => {
    const event = encodeEvent(definition, payload as never, { caseId, correlationId: caseId, causationId: caseId });
    await producer.send({ topic, messages: [{ key: event.key, value: event.value }] });
    return event;
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
  const get = async <T>(path: string, auth = token('officer', 'approval')) => {
    const response = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${auth}` } });
    return { status: response.status, body: (await response.json()) as T };
  };

  async function submitted(caseId: string): Promise<void> {
    await send(Events.CaseSubmitted, caseId, caseSubmittedOf(exampleCaseFacts({ caseId, items: WORK_PERMIT_ONLY, patch: CLEAN, materials: exampleMaterials(WORK_PERMIT_ONLY, DATES.issuedAt) })));
  }

  /** A work permit case whose talent category and screening came back: the permit is granted automatically. */
  async function grantedCase(): Promise<string> {
    const caseId = randomUUID();
    await submitted(caseId);
    await send(Events.ScitechItemDecided, caseId, { caseId, itemCode: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', decision: Decision.GRANTED, result: { category: 'A', points: 85, attributes: { route: 'points' } } });
    await send(Events.SharingItemDecided, caseId, { caseId, itemCode: 'ABNORMAL_LIST_SCREENING', action: 'apply', agency: 'bigdata', decision: Decision.GRANTED });
    await eventually(async () => (await query<{ status: string }>(`SELECT status FROM review_item WHERE case_id = $1 AND code = 'WORK_PERMIT'`, [caseId]))[0]?.status === 'granted', {
      what: 'the work permit granted',
    });
    return caseId;
  }

  const contractEnded = (caseId: string, late = false) => ({
    caseId,
    itemCode: 'WORK_PERMIT',
    permitNo: 'as the portal shows it',
    endedOn: '2026-11-30',
    reason: '合同期满 / the contract ran out',
    reportedBy: { subject: 'employer-1', role: 'employer' },
    reportedOn: '2026-12-15',
    daysAfterEnd: 15,
    windowDays: 10,
    late,
    applicantId: 'applicant-DEU-example',
  });

  const cancellations = async (caseId: string) =>
    (await collectFromTopic(kafka, Topics.approval, (m) => decodeEvent(m.value!)?.caseId === caseId && decodeEvent(m.value!)!.type === Events.PermitCancelled.type, { settleMs: 2_000 })).map(
      (m) => decodeEvent(m.value!)!.payload as PermitCancelled,
    );

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'cancellation');
    service = await startServiceUnderTest(AdminApprovalService, AdminApprovalConfig, (config) => consumingOnly(AppModule.register(config), AdminApprovalService, topic, config));
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it("cancels the permit once on the employer's report, late or not, and announces it to the agencies", async () => {
    const caseId = await grantedCase();
    const [permitNo] = (await query<{ permit_no: string }>(`SELECT result->>'permitNo' AS permit_no FROM review_item WHERE case_id = $1 AND code = 'WORK_PERMIT'`, [caseId])).map((r) => r.permit_no);
    const report = await send(Events.CaseContractEnded, caseId, contractEnded(caseId, true));
    // Redelivered, and reported a second time: still one cancellation.
    await producer.send({ topic, messages: [{ key: report.key, value: report.value }] });
    await send(Events.CaseContractEnded, caseId, contractEnded(caseId, true));

    const announced = await eventually(async () => {
      const found = await cancellations(caseId);
      return found.length > 0 && found;
    }, { what: 'the cancellation on approval.events', timeoutMs: 60_000 });
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({
      itemCode: 'WORK_PERMIT',
      permitNo,
      cancelledOn: chinaDateOf(new Date()),
      ground: CancellationGround.CONTRACT_ENDED,
      contractEndedOn: '2026-11-30',
      reportedLate: true,
      applicantId: 'applicant-DEU-example',
    });
    expect(announced[0].reason).toMatch(/^用人单位报告劳动合同已于2026-11-30终止（合同期满 \/ the contract ran out），外国人来华工作许可予以注销。用人单位未在劳动合同终止之日起10日内报告，已逾期。 \/ The employer reported/);
    // The structured reason beside it, for readers that render it in their own language; the employer's words as written.
    const reason = fromWire(announced[0].reasonMessage, '');
    expect(reason).toMatchObject({ code: 'cancellation.contract_ended', params: { endedOn: '2026-11-30', late: true, windowDays: 10 } });
    expect(localize(reason!).en).toBe(
      'The employer reported that the employment contract ended on 2026-11-30 (合同期满 / the contract ran out); the work permit is cancelled. The report came later than 10 days after the end of the contract.',
    );
    expect(await query('SELECT 1 FROM permit_cancellation WHERE case_id = $1', [caseId])).toHaveLength(1);
    // The decision stands: the permit was granted rightly, and is cancelled since.
    expect((await query<{ status: string }>(`SELECT status FROM review_item WHERE case_id = $1 AND code = 'WORK_PERMIT'`, [caseId]))[0].status).toBe('granted');

    const view = await get<AgencyCaseView>(`/api/items/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body.permitCancellations).toEqual([
      expect.objectContaining({
        caseId,
        itemCode: 'WORK_PERMIT',
        role: 'cancelled',
        permitNo,
        ground: 'contract_ended',
        contractEndedOn: '2026-11-30',
        reportedLate: true,
        reportedBy: { subject: 'employer-1', role: 'employer' },
        dependantItems: ['RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'PROFESSIONAL_TITLE', 'E_SOCIAL_SECURITY_CARD'],
      }),
    ]);
    const list = await get<{ cancellations: PermitCancellationView[] }>('/api/permit-cancellations');
    expect(list.body.cancellations.map((c) => c.caseId)).toContain(caseId);
    expect((await get('/api/permit-cancellations', token('officer', 'psb'))).status).toBe(403);
    expect((await get('/api/permit-cancellations', token('clerk'))).status).toBe(403);
  });

  it('sends a report for a permit not granted here to the dead-letter topic, with the reason', async () => {
    const caseId = randomUUID();
    await submitted(caseId);
    await eventually(async () => (await query('SELECT 1 FROM review_case WHERE case_id = $1', [caseId])).length === 1, { what: 'the case' });
    await send(Events.CaseContractEnded, caseId, contractEnded(caseId));
    const parked = await collectFromTopic(kafka, deadLetterTopicOfGroup(service.config.KAFKA_CONSUMER_GROUP!), (m) => decodeEvent(m.value!)?.caseId === caseId);
    expect(parked).toHaveLength(1);
    expect(String(parked[0].headers?.['dlq-error-code'])).toBe('permit_not_granted');
    expect(await query('SELECT 1 FROM permit_cancellation WHERE case_id = $1', [caseId])).toHaveLength(0);
  });

  it("cancels the permit of a holder listed after the grant once the joint review rejects the holder's case", async () => {
    const caseId = await grantedCase();
    // The Big Data Bureau refers the holder (a late abnormal-list entry), as it refers a match at submission.
    await send(Events.SharingItemProgressed, caseId, {
      caseId,
      itemCode: 'ABNORMAL_LIST_SCREENING',
      action: 'apply',
      agency: 'bigdata',
      status: ItemStatus.JOINT_REVIEW,
      reason: '持证人在获得许可后被列入异常信息名单（forged degree） / The permit holder was put on the abnormal-information list after the grant (forged degree)',
    });
    const agencies = await eventually(async () => (await query<{ status: string; agencies: string[] }>('SELECT status, agencies FROM joint_review WHERE case_id = $1', [caseId]))[0], {
      what: 'the joint review of the holder',
    });
    expect(agencies.status).toBe('open');
    for (const agency of agencies.agencies as Agency[]) {
      const response = await fetch(`${service.url}/api/joint-reviews/${caseId}/opinions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token('officer', agency)}`, 'content-type': 'application/json' },
        body: JSON.stringify(agency === 'approval' ? { opinion: 'reject', reason: 'the degree certificate was forged' } : { opinion: 'approve' }),
      });
      expect(response.status).toBe(200);
    }
    const announced = await eventually(async () => {
      const found = await cancellations(caseId);
      return found.length > 0 && found;
    }, { what: 'the cancellation on approval.events', timeoutMs: 60_000 });
    expect(announced).toEqual([expect.objectContaining({ ground: CancellationGround.JOINT_REVIEW_REJECTED, contractEndedOn: '', reportedLate: false })]);
    // The rejecting agency by name in each language, its officer's words as written.
    const rejected = {
      zh: '联合研判未予通过：威海市行政审批服务局：the degree certificate was forged，外国人来华工作许可予以注销。',
      en: 'The joint review rejected the case: Weihai Administrative Approval Service Bureau: the degree certificate was forged; the work permit is cancelled.',
    };
    expect(announced[0].reason).toBe(`${rejected.zh} / ${rejected.en}`);
    const reason = fromWire(announced[0].reasonMessage, '');
    expect(reason?.code).toBe('cancellation.joint_review_rejected');
    expect(localize(reason!)).toEqual(rejected);
  });
});
