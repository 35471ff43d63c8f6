import type { DynamicModule } from '@nestjs/common';
import { getCatalogue } from '@work-permit/catalogue';
import { CancellationGround, Channel, Decision, encodeEvent, Events, DocumentKind as WireKind, Topics, type TopicName } from '@work-permit/contracts';
import { decisionDocument, electronicPermit, newDocumentNo, renderPdf } from '@work-permit/documents';
import { compact, readPdf } from '@work-permit/documents/testing';
import { chinaDateOf, PlatformModule } from '@work-permit/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, eventually, testKafka } from '@work-permit/testing';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { PortalConfig } from '../src/portal.config';
import { PortalService } from '../src/portal.service';
import { applicantToken, bodyFor, bodyFromForm, employerToken, newPerson, newUscc, type Person, staffToken } from './parties';

const kafka = testKafka();
const TWO_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
];
const APPROVAL = { zh: '威海市行政审批服务局', en: 'Weihai Administrative Approval Service Bureau' };
const WORK_PERMIT = { name: { zh: '外国人来华工作许可', en: 'Work permit for foreigners' }, action: { zh: '首次申请', en: 'first application' } };

interface DocumentEntry {
  documentNo: string;
  kind: string;
  item?: string;
  issuedAt: string;
  title: { zh: string; en: string };
}

/** The portal as it runs, consuming the agencies' events from a topic of the test's own and its own submissions from its own topic. */
function consuming(app: DynamicModule, topics: string[], config: PortalConfig): DynamicModule {
  const service = { ...PortalService, consumes: topics as TopicName[] };
  return { ...app, imports: (app.imports ?? []).map((imported) => ((imported as DynamicModule).module === PlatformModule ? PlatformModule.forRoot(service, config) : imported)) };
}

describe('portal: formal documents', () => {
  let portal: ServiceUnderTest<PortalConfig>;
  let topic: string;
  /** The agencies' documents, on a topic of their own beside their events (as approval.documents beside approval.events). */
  let documentsTopic: string;
  let formBody: Record<string, unknown>;

  const call = async (path: string, auth?: string) => {
    const response = await fetch(`${portal.url}${path}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });
    return response;
  };
  const json = async <T>(path: string, auth?: string): Promise<{ status: number; body: T }> => {
    const response = await call(path, auth);
    return { status: response.status, body: (await response.json()) as T };
  };
  const documentsOf = (caseId: string, auth: string) => json<DocumentEntry[]>(`/api/cases/${caseId}/documents`, auth);
  const pdfOf = async (documentNo: string, auth: string) => {
    const response = await call(`/api/documents/${documentNo}`, auth);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    return Buffer.from(await response.arrayBuffer());
  };

  async function submit(filer: 'applicant' | 'clerk', person: Person = newPerson()): Promise<{ caseId: string; person: Person; uscc: string }> {
    const uscc = newUscc();
    const auth = filer === 'applicant' ? applicantToken(person) : staffToken('clerk');
    const response = await fetch(`${portal.url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: JSON.stringify(bodyFor(formBody, person, uscc)),
    });
    expect(response.status).toBe(201);
    return { caseId: ((await response.json()) as { caseId: string }).caseId, person, uscc };
  }

  /** An approval.document.issued, as admin-approval would publish it, with a real PDF. */
  async function issued(caseId: string, _person: Person, kind: 'decision' | 'e_permit', permit?: { validFrom: string; validTo: string; issuedAt?: Date }) {
    const issuedAt = permit?.issuedAt ?? new Date();
    const issuedOn = chinaDateOf(issuedAt);
    const documentNo = newDocumentNo('approval', issuedOn);
    const holder = holderName();
    const model =
      kind === 'decision'
        ? decisionDocument({ documentNo, issuer: APPROVAL, issuedOn, caseId, submittedOn: issuedOn, holderName: holder, item: WORK_PERMIT, decision: 'granted', remedies: { reconsiderationDays: 60, litigationMonths: 6 } })
        : electronicPermit({ documentNo, issuer: APPROVAL, issuedOn, itemName: WORK_PERMIT.name, holder: { name: holder }, permitNo: `WP-${documentNo.slice(-6)}`, validFrom: permit!.validFrom, validTo: permit!.validTo, verifyUrl: `${portal.url}/verify/${documentNo}` });
    const pdf = await renderPdf(model);
    const event = encodeEvent(
      Events.ApprovalDocumentIssued,
      {
        documentNo,
        kind: kind === 'decision' ? WireKind.DECISION : WireKind.E_PERMIT,
        caseId,
        itemCode: 'WORK_PERMIT',
        issuer: 'approval',
        issuedAt: timestampFromDate(issuedAt),
        title: model.title,
        pdf,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        holderMasked: 'MASKED*** N***',
        dataKeys: ['applicant.surname', 'applicant.givenNames', 'permits.WORK_PERMIT'],
        ...(permit ? { permitNo: `WP-${documentNo.slice(-6)}`, validFrom: permit.validFrom, validTo: permit.validTo } : {}),
      },
      { caseId, correlationId: caseId, causationId: caseId },
    );
    return { documentNo, event };
  }

  async function publish(...events: { key: string; value: Buffer }[]): Promise<void> {
    await publishTo(topic, ...events);
  }

  async function publishTo(to: string, ...events: { key: string; value: Buffer }[]): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: to, messages: events.map((event) => ({ key: event.key, value: event.value })) });
    await producer.disconnect();
  }

  const waitForDocuments = (caseId: string, auth: string, count: number) =>
    eventually(async () => {
      const { status, body } = await documentsOf(caseId, auth);
      return status === 200 && body.length >= count && body;
    }, { what: `${count} document(s) of case ${caseId}`, timeoutMs: 60_000, intervalMs: 250 });

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'documents');
    documentsTopic = await createTestTopic(kafka, 'documents-own');
    portal = await startServiceUnderTest(PortalService, PortalConfig, (config) => consuming(AppModule.register(config), [topic, documentsTopic, Topics.portal], config), {
      DOCUMENTS_RENDER_INTERVAL_MS: '100',
    });
    const form = await fetch(`${portal.url}/api/forms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: TWO_ITEMS }) });
    formBody = bodyFromForm(((await form.json()) as { fields: { path: string; example: unknown }[] }).fields, TWO_ITEMS);
  });

  afterAll(() => portal?.close());

  /** The applicant's name on every form the tests send (the form's example). */
  function holderName(): string {
    const { surname, givenNames } = formBody.applicant as { surname: string; givenNames: string };
    return `${surname.toUpperCase()} ${givenNames}`;
  }

  it('issues an online case its acceptance notice (受理通知书), readable by its applicant and employer in Chinese and English', async () => {
    const { caseId, person, uscc } = await submit('applicant');
    const [notice] = await waitForDocuments(caseId, applicantToken(person), 1);
    expect(notice).toMatchObject({ kind: 'acceptance_notice', title: { zh: '受理通知书', en: 'Notice of Acceptance' } });
    expect(notice.item).toBeUndefined();
    const read = await readPdf(await pdfOf(notice.documentNo, employerToken(uscc)));
    const text = compact(read.text);
    expect(text).toContain('受理通知书');
    expect(text).toContain('NoticeofAcceptance');
    expect(text).toContain(caseId);
    expect(text).toContain(compact(holderName()));
    // Every item by its name in the catalogue, with the agency that decides it.
    for (const { code } of TWO_ITEMS) {
      const item = getCatalogue().items.find((candidate) => candidate.code === code)!;
      expect(text).toContain(compact(item.name.zh));
      expect(text).toContain(compact(getCatalogue().agencies.find((agency) => agency.code === item.agency)!.name.zh));
    }
  });

  it('asks no notice for a submission this portal does not hold (its database was replaced), and takes the event', async () => {
    const held = await submit('applicant');
    const unknownCaseId = randomUUID();
    const submitted = (caseId: string) =>
      encodeEvent(
        Events.CaseSubmitted,
        { caseId, channel: Channel.ONLINE, applicantId: 'A-1', catalogueVersion: getCatalogue().version },
        { caseId, correlationId: caseId, causationId: caseId },
      );
    const stranger = submitted(unknownCaseId);
    await publishTo(Topics.portal, stranger);
    const database = portal.app.get(DataSource);
    await eventually(async () => ((await database.query("SELECT 1 FROM inbox_entry WHERE event_id = $1 AND outcome = 'processed'", [stranger.eventId])) as unknown[]).length === 1, {
      what: 'the portal to take the submission it does not hold',
    });
    // The held case's own submission (on another partition, perhaps) asks for its notice all the same.
    const requested = await eventually(async () => {
      const rows = (await database.query('SELECT case_id FROM acceptance_notice_request WHERE case_id = ANY($1::uuid[])', [[held.caseId, unknownCaseId]])) as { case_id: string }[];
      return rows.some((row) => row.case_id === held.caseId) && rows;
    }, { what: 'the notice request of the case the portal holds' });
    expect(requested.map((row) => row.case_id)).toEqual([held.caseId]);
  });

  it('issues a case filed at the window its acceptance receipt (受理回执)', async () => {
    const { caseId, person } = await submit('clerk');
    const [receipt] = await waitForDocuments(caseId, applicantToken(person), 1);
    expect(receipt.title).toEqual({ zh: '受理回执', en: 'Acceptance Receipt' });
    expect(compact((await readPdf(await pdfOf(receipt.documentNo, staffToken('clerk')))).text)).toContain('在政务服务中心窗口提交');
  });

  it("keeps an agency's decision once however often it arrives, for the case's parties and the offices within scope only", async () => {
    const { caseId, person } = await submit('applicant');
    const applicant = applicantToken(person);
    await waitForDocuments(caseId, applicant, 1);
    const decision = await issued(caseId, person, 'decision');
    await publish(decision.event, decision.event);
    const listed = await waitForDocuments(caseId, applicant, 2);
    const again = await issued(caseId, person, 'decision');
    // The redelivered copy again, behind a later document: once it is in, the copy has been handled.
    await publish(decision.event, again.event);
    await waitForDocuments(caseId, applicant, 3);
    const documents = (await documentsOf(caseId, applicant)).body;
    expect(documents.filter((d) => d.documentNo === decision.documentNo)).toHaveLength(1);
    expect(listed[1]).toMatchObject({ documentNo: decision.documentNo, kind: 'decision', item: 'WORK_PERMIT', title: { zh: `准予许可决定书（${WORK_PERMIT.name.zh}）` } });

    const text = compact((await readPdf(await pdfOf(decision.documentNo, applicant))).text);
    expect(text).toContain('准予许可决定书');
    expect(text).toContain('DecisiontoGrant');

    const stranger = applicantToken(newPerson());
    expect((await documentsOf(caseId, stranger)).status).toBe(404);
    expect((await call(`/api/documents/${decision.documentNo}`, stranger)).status).toBe(404);
    // hr-social-security has no item in this case; science-tech none either, and holds no names.
    for (const agency of ['hrss', 'scitech'] as const) {
      const officer = staffToken('officer', agency);
      expect((await documentsOf(caseId, officer)).status).toBe(404);
      expect((await call(`/api/documents/${decision.documentNo}`, officer)).status).toBe(404);
    }
    // The residence-permit bureau decides an item that builds on the work permit, and its scope releases what the decision shows.
    expect((await call(`/api/documents/${decision.documentNo}`, staffToken('officer', 'psb'))).status).toBe(200);
    expect((await call(`/api/documents/${decision.documentNo}`, staffToken('officer', 'approval'))).status).toBe(200);
    expect((await call(`/api/documents/${decision.documentNo}`, staffToken('analyst', 'bigdata'))).status).toBe(404);
    expect((await call(`/api/documents/${decision.documentNo}`)).status).toBe(401);
    expect((await call('/api/documents/PSB-20261206-0000000000', applicant)).status).toBe(404);
  });

  it('verifies an e-permit for anyone: valid, expired, superseded by a later one of the same person, cancelled; the holder masked', async () => {
    const { caseId, person } = await submit('applicant');
    const today = chinaDateOf(new Date());
    const year = Number(today.slice(0, 4));
    const first = await issued(caseId, person, 'e_permit', { validFrom: today, validTo: `${year + 2}-01-31`, issuedAt: new Date(Date.now() - 60_000) });
    const expired = await issued((await submit('applicant')).caseId, newPerson(), 'e_permit', { validFrom: `${year - 3}-01-01`, validTo: `${year - 1}-12-31` });
    await publish(first.event, expired.event);
    await waitForDocuments(caseId, applicantToken(person), 2);

    const verify = (documentNo: string) => json<Record<string, unknown>>(`/api/verify/${documentNo}`);
    expect(await verify(first.documentNo)).toEqual({
      status: 200,
      body: { documentNo: first.documentNo, kind: 'e_permit', item: 'WORK_PERMIT', status: 'valid', validFrom: today, validTo: `${year + 2}-01-31`, holder: 'MASKED*** N***' },
    });
    await eventually(async () => (await verify(expired.documentNo)).status === 200, { what: 'the expired permit kept' });
    expect((await verify(expired.documentNo)).body).toMatchObject({ status: 'expired' });

    // An extension for the same person, in a case of their own: the first permit is superseded, the new one valid.
    const extensionCase = (await submit('applicant', person)).caseId;
    const extension = { ...(await issued(extensionCase, person, 'e_permit', { validFrom: today, validTo: `${year + 4}-01-31` })), caseId: extensionCase };
    await publish(extension.event);
    await eventually(async () => (await verify(extension.documentNo)).status === 200, { what: 'the extension kept' });
    expect((await verify(first.documentNo)).body).toMatchObject({ status: 'superseded' });
    expect((await verify(extension.documentNo)).body).toMatchObject({ status: 'valid' });

    // The employer reported the contract's end and admin-approval cancelled the permit (注销).
    const { body: permit } = await verify(extension.documentNo);
    await publish(
      encodeEvent(
        Events.PermitCancelled,
        { caseId: extension.caseId, itemCode: 'WORK_PERMIT', permitNo: `WP-${extension.documentNo.slice(-6)}`, cancelledOn: today, reason: 'contract ended / 劳动合同终止', ground: CancellationGround.CONTRACT_ENDED },
        { caseId: extension.caseId, correlationId: extension.caseId, causationId: extension.caseId },
      ),
    );
    await eventually(async () => (await verify(extension.documentNo)).body.status === 'cancelled', { what: 'the cancelled permit verified as cancelled' });
    expect((await verify(extension.documentNo)).body).toEqual({ ...permit, status: 'cancelled' });
    expect((await verify(first.documentNo)).body).toMatchObject({ status: 'superseded' });

    expect((await verify('APPROVAL-20261206-0000000000')).status).toBe(404);
    expect((await verify('not-a-number')).status).toBe(404);
    // The e-permit's QR code opens that page.
    expect((await readPdf(await pdfOf(first.documentNo, applicantToken(person)))).qrCodes).toEqual([`${portal.url}/verify/${first.documentNo}`]);
  });

  it('keeps a document whether it arrives before or after the decision it belongs to (their topics are read apart)', async () => {
    const today = chinaDateOf(new Date());
    const year = Number(today.slice(0, 4));
    const statusOf = async (caseId: string, auth: string) => {
      const view = await json<{ items: { code: string; status: string }[] }>(`/api/cases/${caseId}`, auth);
      return view.body.items.find((item) => item.code === 'WORK_PERMIT')?.status;
    };
    const decided = (caseId: string) =>
      encodeEvent(
        Events.ApprovalItemDecided,
        { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: 'WP-ORDER', validFrom: today, validTo: `${year + 2}-01-31` } },
        { caseId, correlationId: caseId, causationId: caseId },
      );
    const verify = (documentNo: string) => json<Record<string, unknown>>(`/api/verify/${documentNo}`);

    // The e-permit first, its decision not yet delivered: kept, listed and verified all the same.
    const early = await submit('applicant');
    const earlyAuth = applicantToken(early.person);
    await waitForDocuments(early.caseId, earlyAuth, 1);
    const earlyPermit = await issued(early.caseId, early.person, 'e_permit', { validFrom: today, validTo: `${year + 2}-01-31` });
    await publishTo(documentsTopic, earlyPermit.event);
    await waitForDocuments(early.caseId, earlyAuth, 2);
    expect(await statusOf(early.caseId, earlyAuth)).not.toBe('granted');
    expect((await verify(earlyPermit.documentNo)).body).toMatchObject({ status: 'valid' });
    await publish(decided(early.caseId));
    await eventually(async () => (await statusOf(early.caseId, earlyAuth)) === 'granted', { what: 'the decision behind its document' });

    // The decision first, its e-permit later.
    const late = await submit('applicant');
    const lateAuth = applicantToken(late.person);
    await waitForDocuments(late.caseId, lateAuth, 1);
    await publish(decided(late.caseId));
    await eventually(async () => (await statusOf(late.caseId, lateAuth)) === 'granted', { what: 'the decision before its document' });
    const latePermit = await issued(late.caseId, late.person, 'e_permit', { validFrom: today, validTo: `${year + 2}-01-31` });
    await publishTo(documentsTopic, latePermit.event);
    await waitForDocuments(late.caseId, lateAuth, 2);

    for (const [{ caseId }, auth, permit] of [[early, earlyAuth, earlyPermit], [late, lateAuth, latePermit]] as const) {
      const documents = (await documentsOf(caseId, auth)).body;
      expect(documents.map((document) => document.kind)).toEqual(['acceptance_notice', 'e_permit']);
      expect(documents[1]).toMatchObject({ documentNo: permit.documentNo, item: 'WORK_PERMIT' });
      expect((await verify(permit.documentNo)).body).toMatchObject({ status: 'valid', validTo: `${year + 2}-01-31` });
      expect((await pdfOf(permit.documentNo, auth)).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('keeps the PDFs out of line as they are: PostgreSQL no longer tries to compress what is compressed already', async () => {
    const [pdf] = (await portal.app.get(DataSource).query("SELECT attstorage FROM pg_attribute WHERE attrelid = 'case_document'::regclass AND attname = 'pdf'")) as { attstorage: string }[];
    expect(pdf.attstorage).toBe('e');
  });
});
