import type { Agency } from '@work-permit/auth';
import { chinaDateOf } from '@work-permit/platform';
import { eventually } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { applicantToken, EXAMPLE_APPLICANT, type CaseView, item, PlatformApi, token } from './support/platform-api';
import { PlatformStack, type ServiceName } from './support/stack';

/**
 * Every HTTP endpoint of every service, called by every kind of caller, with the status each must get:
 * from the attacker's side (another applicant, another employer, another agency, no token) as much as
 * from the rightful one. An endpoint a service serves that this table does not list fails the test,
 * so a new door cannot open without a decision here.
 */

const CALLERS = ['none', 'applicantA', 'applicantB', 'employerA', 'employerB', 'clerk', 'approval', 'scitech', 'psb', 'hrss', 'bigdata', 'analyst', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
const OFFICERS = ['approval', 'scitech', 'psb', 'hrss', 'bigdata'] as const satisfies readonly Agency[];

/** The statuses of one endpoint: named callers, everyone else `rest` (and no token 401 unless the endpoint is public). */
type Expected = Partial<Record<Caller, number>> & { rest: number };

interface Door {
  service: ServiceName;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As the service's OpenAPI document writes it. */
  template: string;
  /** The concrete request, once the cases it needs exist. */
  path: () => string;
  body?: () => unknown;
  headers?: Record<string, string>;
  /** A multipart upload instead of a JSON body. */
  upload?: boolean;
  expected: Expected;
}

const SERVICES: ServiceName[] = ['portal', 'admin-approval', 'science-tech', 'public-security', 'hr-social-security', 'data-sharing'];

const PERSON_A = EXAMPLE_APPLICANT;
const PERSON_B = { passportNo: 'M8WB00001', nationality: 'GBR' };
const EMPLOYER_A = '91371000MA3C5LXX0F';
const EMPLOYER_B = '91370200MA3C5LXX0Y';
const ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
  { code: 'PROFESSIONAL_TITLE', action: 'apply' },
];

describe('authorization matrix: every endpoint × every caller', () => {
  const stack = new PlatformStack();
  const api = new PlatformApi(stack);
  const tokens: Record<Exclude<Caller, 'none'>, string> = {
    applicantA: applicantToken(PERSON_A.passportNo, PERSON_A.nationality),
    applicantB: applicantToken(PERSON_B.passportNo, PERSON_B.nationality),
    employerA: token('employer', undefined, 'employer-a-hr', { uscc: EMPLOYER_A }),
    employerB: token('employer', undefined, 'employer-b-hr', { uscc: EMPLOYER_B }),
    clerk: token('clerk', undefined, 'window-1'),
    approval: token('officer', 'approval'),
    scitech: token('officer', 'scitech'),
    psb: token('officer', 'psb'),
    hrss: token('officer', 'hrss'),
    bigdata: token('officer', 'bigdata'),
    analyst: token('analyst', 'bigdata'),
    admin: token('admin'),
  };
  /** Person A's case (work permit, residence permit, title), and one of A's that the withdrawal door may end. */
  let caseA: string;
  let caseToWithdraw: string;
  /** A's work permit alone, granted: the permit the contract-end door cancels. */
  let caseToCancel: string;
  let recordOfA: string;
  let criminalRecordOfA: string;
  let notificationOfA: string;
  let entryByPsb: string;
  let workPermitDecisionOfA: string;
  /** Drafts of A's: one to read and replace, one to delete. */
  let draftOfA: string;
  let draftToDelete: string;

  beforeAll(async () => {
    await stack.start();
    caseA = await api.submit(await api.caseBody(ITEMS));
    // The title evaluation waits for an officer, so this case stays open for the withdrawal door.
    caseToWithdraw = await api.submit(await api.caseBody([ITEMS[0], ITEMS[2]]));
    await api.until(caseA, 'the work permit granted', (v) => item(v, 'WORK_PERMIT').status === 'granted');
    caseToCancel = await api.submit(await api.caseBody([ITEMS[0]]));
    await api.until(caseToCancel, 'the work permit to cancel granted', (v) => item(v, 'WORK_PERMIT').status === 'granted');
    // Every item of A's case final, so a decision on any of them is refused for its state (409), whoever may decide it.
    const approved = await call('hr-social-security', 'POST', `/api/items/${caseA}/PROFESSIONAL_TITLE/decision`, tokens.hrss, { decision: 'approve', reason: 'title committee' });
    expect(approved.status).toBe(200);
    const view = await api.until(caseA, 'every item final', (v) => v.status === 'completed');
    criminalRecordOfA = view.materials.find((m) => m.code === 'NO_CRIMINAL_RECORD')!.sha256;
    recordOfA = await eventually(
      async () => {
        const read = await call('data-sharing', 'GET', `/api/records?passportNo=${PERSON_A.passportNo}&nationality=${PERSON_A.nationality}`, tokens.approval, undefined, { 'X-Purpose': 'setting up the matrix' });
        return read.status === 200 && (read.body as { applicantId: string }).applicantId;
      },
      { what: "A's shared record", timeoutMs: 30_000, intervalMs: 500 },
    );
    notificationOfA = await eventually(
      async () => {
        const inbox = await call('portal', 'GET', '/api/notifications', tokens.applicantA);
        return (inbox.body as { notifications: { id: string }[] }).notifications[0]?.id;
      },
      { what: "a notification in A's inbox", timeoutMs: 30_000, intervalMs: 500 },
    );
    workPermitDecisionOfA = await eventually(
      async () => {
        const documents = (await call('portal', 'GET', `/api/cases/${caseA}/documents`, tokens.admin)).body as { documentNo: string; kind: string; item?: string }[];
        return documents.find((document) => document.kind === 'decision' && document.item === 'WORK_PERMIT')?.documentNo;
      },
      { what: "the decision on A's work permit", timeoutMs: 60_000, intervalMs: 500 },
    );
    const reported = await call('data-sharing', 'POST', '/api/abnormal-list', tokens.psb, { passportNo: 'X0000AUTHZ', nationality: 'FRA', reason: 'matrix fixture' });
    expect(reported.status).toBe(201);
    entryByPsb = (reported.body as { id: string }).id;
    draftOfA = ((await call('portal', 'POST', '/api/drafts', tokens.applicantA, { items: ITEMS.slice(0, 1) })).body as { draftId: string }).draftId;
    draftToDelete = ((await call('portal', 'POST', '/api/drafts', tokens.applicantA, {})).body as { draftId: string }).draftId;
  }, 300_000);

  afterAll(() => stack.stop(), 90_000);

  const everyService = (template: string, method: 'GET', expected: Expected): Door[] =>
    SERVICES.map((service) => ({ service, method, template, path: () => template, expected }));

  const agencyDoors = (agency: Exclude<Agency, 'bigdata'>, service: ServiceName, ownCode: string): Door[] => [
    { service, method: 'GET', template: '/api/items', path: () => '/api/items', expected: { [agency]: 200, rest: 403 } },
    { service, method: 'GET', template: '/api/items/{caseId}', path: () => `/api/items/${caseA}`, expected: { [agency]: 200, rest: 403 } },
    { service, method: 'GET', template: '/api/items/{caseId}/{code}', path: () => `/api/items/${caseA}/${ownCode}`, expected: { [agency]: 200, rest: 403 } },
    {
      service,
      method: 'POST',
      template: '/api/items/{caseId}/{code}/decision',
      path: () => `/api/items/${caseA}/${ownCode}/decision`,
      // A well-formed decision the own agency's officer is refused for the item's state (409: already decided).
      body: () => ({ decision: 'reject', reason: 'authorization matrix' }),
      expected: { [agency]: 409, rest: 403 },
    },
    {
      service,
      method: 'POST',
      template: '/api/items/{caseId}/{code}/extension',
      path: () => `/api/items/${caseA}/${ownCode}/extension`,
      // Every item of A's case is final: the own agency's officer is refused for that (409).
      body: () => ({ reason: 'authorization matrix' }),
      expected: { [agency]: 409, rest: 403 },
    },
    { service, method: 'GET', template: '/api/permit-cancellations', path: () => '/api/permit-cancellations', expected: { [agency]: 200, rest: 403 } },
  ];

  const DOORS: Door[] = [
    ...everyService('/health', 'GET', { rest: 200, none: 200 }),
    ...everyService('/health/live', 'GET', { rest: 200, none: 200 }),
    ...everyService('/health/ready', 'GET', { rest: 200, none: 200 }),
    ...everyService('/metrics', 'GET', { rest: 200, none: 200 }),

    // The portal's public side.
    { service: 'portal', method: 'GET', template: '/api/catalogue', path: () => '/api/catalogue', expected: { rest: 200, none: 200 } },
    { service: 'portal', method: 'POST', template: '/api/forms', path: () => '/api/forms', body: () => ({ items: ITEMS.slice(0, 1) }), expected: { rest: 200, none: 200 } },
    { service: 'portal', method: 'GET', template: '/api/guides/one-thing', path: () => '/api/guides/one-thing', expected: { rest: 200, none: 200 } },
    { service: 'portal', method: 'GET', template: '/api/guides/{code}', path: () => '/api/guides/WORK_PERMIT', expected: { rest: 200, none: 200 } },
    { service: 'portal', method: 'GET', template: '/api/web-config', path: () => '/api/web-config', expected: { rest: 200, none: 200 } },
    // The forecast of a selection reads the catalogue and the calendar, nothing of anyone's: public like the form.
    { service: 'portal', method: 'POST', template: '/api/forecast', path: () => '/api/forecast', body: () => ({ items: ITEMS.slice(0, 1) }), expected: { rest: 200, none: 200 } },
    // Local sign-in is on in this stack; an empty request is refused for what it lacks, whoever sends it.
    { service: 'portal', method: 'POST', template: '/api/auth/local-token', path: () => '/api/auth/local-token', body: () => ({}), expected: { rest: 400, none: 400 } },

    // Cases: an empty body passes the door (400 for what it lacks) only for those who may file.
    { service: 'portal', method: 'POST', template: '/api/cases', path: () => '/api/cases', body: () => ({}), expected: { applicantA: 400, applicantB: 400, employerA: 400, employerB: 400, clerk: 400, rest: 403 } },
    { service: 'portal', method: 'GET', template: '/api/cases', path: () => '/api/cases?mine=true', expected: { applicantA: 200, applicantB: 200, employerA: 200, employerB: 200, rest: 403 } },
    {
      service: 'portal',
      method: 'GET',
      template: '/api/cases/{caseId}',
      path: () => `/api/cases/${caseA}`,
      expected: { applicantA: 200, employerA: 200, clerk: 200, approval: 200, psb: 200, hrss: 200, admin: 200, applicantB: 404, employerB: 404, scitech: 404, bigdata: 404, rest: 403 },
    },
    {
      service: 'portal',
      method: 'GET',
      template: '/api/cases/{caseId}/forecast',
      path: () => `/api/cases/${caseA}/forecast`,
      // Whoever sees the case sees its forecast (an officer only its agency's items).
      expected: { applicantA: 200, employerA: 200, clerk: 200, approval: 200, psb: 200, hrss: 200, admin: 200, applicantB: 404, employerB: 404, scitech: 404, bigdata: 404, rest: 403 },
    },
    {
      service: 'portal',
      method: 'POST',
      template: '/api/cases/{caseId}/supplements',
      path: () => `/api/cases/${caseA}/supplements`,
      // Well-formed, but nothing is asked for: the case's parties and clerks get that far (409), others find no case.
      body: () => ({ item: 'WORK_PERMIT', materials: [{ code: 'PHOTO', sha256: 'a'.repeat(64), fileName: 'photo.jpg', issuedAt: '2026-01-01' }] }),
      expected: { applicantA: 409, employerA: 409, clerk: 409, applicantB: 404, employerB: 404, rest: 403 },
    },
    {
      service: 'portal',
      method: 'POST',
      template: '/api/cases/{caseId}/withdraw',
      path: () => `/api/cases/${caseToWithdraw}/withdraw`,
      body: () => ({ reason: 'authorization matrix' }),
      // Callers run in CALLERS order: A withdraws it (200), after which its employer finds it closed (409).
      expected: { applicantA: 200, employerA: 409, applicantB: 404, employerB: 404, rest: 403 },
    },

    {
      service: 'portal',
      method: 'POST',
      template: '/api/cases/{caseId}/contract-end',
      path: () => `/api/cases/${caseToCancel}/contract-end`,
      body: () => ({ endedOn: chinaDateOf(new Date()), reason: 'authorization matrix' }),
      // The employer reports it (202); the window then finds it reported already (409); another employer finds no case.
      expected: { employerA: 202, clerk: 409, employerB: 404, rest: 403 },
    },

    // Drafts: the caller's own (an applicant by verified identity, an employer by credit code, a clerk by account); A's are nobody else's.
    { service: 'portal', method: 'POST', template: '/api/drafts', path: () => '/api/drafts', body: () => ({}), expected: { applicantA: 201, applicantB: 201, employerA: 201, employerB: 201, clerk: 201, rest: 403 } },
    { service: 'portal', method: 'GET', template: '/api/drafts', path: () => '/api/drafts', expected: { applicantA: 200, applicantB: 200, employerA: 200, employerB: 200, clerk: 200, rest: 403 } },
    { service: 'portal', method: 'GET', template: '/api/drafts/{draftId}', path: () => `/api/drafts/${draftOfA}`, expected: { applicantA: 200, applicantB: 404, employerA: 404, employerB: 404, clerk: 404, rest: 403 } },
    {
      service: 'portal',
      method: 'PUT',
      template: '/api/drafts/{draftId}',
      path: () => `/api/drafts/${draftOfA}`,
      body: () => ({ items: ITEMS.slice(0, 2) }),
      headers: { 'if-match': '"1"' },
      // A replaces version 1 (200); everyone after A finds no draft of theirs.
      expected: { applicantA: 200, applicantB: 404, employerA: 404, employerB: 404, clerk: 404, rest: 403 },
    },
    { service: 'portal', method: 'DELETE', template: '/api/drafts/{draftId}', path: () => `/api/drafts/${draftToDelete}`, expected: { applicantA: 204, applicantB: 404, employerA: 404, employerB: 404, clerk: 404, rest: 403 } },

    // Documents.
    { service: 'portal', method: 'POST', template: '/api/materials', path: () => '/api/materials', upload: true, expected: { applicantA: 201, applicantB: 201, employerA: 201, employerB: 201, clerk: 201, rest: 403 } },
    ...(['/api/materials/{sha256}', '/api/materials/{sha256}/meta'] as const).map(
      (template): Door => ({
        service: 'portal',
        method: 'GET',
        template,
        path: () => template.replace('{sha256}', criminalRecordOfA),
        // A's criminal-record certificate: A and A's employer (their case), clerks, admins, and the work
        // permit's officers; nobody else learns even that it exists.
        expected: { applicantA: 200, employerA: 200, clerk: 200, approval: 200, admin: 200, rest: 404 },
      }),
    ),

    // Formal documents: A's case and the decision on A's work permit.
    {
      service: 'portal',
      method: 'GET',
      template: '/api/cases/{caseId}/documents',
      path: () => `/api/cases/${caseA}/documents`,
      expected: { applicantA: 200, employerA: 200, clerk: 200, approval: 200, psb: 200, hrss: 200, admin: 200, applicantB: 404, employerB: 404, scitech: 404, bigdata: 404, rest: 403 },
    },
    {
      service: 'portal',
      method: 'GET',
      template: '/api/documents/{documentNo}',
      path: () => `/api/documents/${workPermitDecisionOfA}`,
      // The issuer, and the agencies whose items in the case build on the work permit and whose scope
      // releases what the decision shows; science and technology holds no names, and has no item here.
      expected: { applicantA: 200, employerA: 200, clerk: 200, approval: 200, psb: 200, hrss: 200, admin: 200, rest: 404 },
    },
    { service: 'portal', method: 'GET', template: '/api/verify/{documentNo}', path: () => `/api/verify/${workPermitDecisionOfA}`, expected: { rest: 200, none: 200 } },

    // Notifications.
    { service: 'portal', method: 'GET', template: '/api/notifications', path: () => '/api/notifications', expected: { applicantA: 200, applicantB: 200, employerA: 200, employerB: 200, rest: 403 } },
    {
      service: 'portal',
      method: 'POST',
      template: '/api/notifications/{id}/read',
      path: () => `/api/notifications/${notificationOfA}/read`,
      expected: { applicantA: 200, applicantB: 404, employerA: 404, employerB: 404, rest: 403 },
    },

    // The agencies' workbenches.
    ...agencyDoors('approval', 'admin-approval', 'WORK_PERMIT'),
    ...agencyDoors('scitech', 'science-tech', 'TALENT_CATEGORY'),
    ...agencyDoors('psb', 'public-security', 'RESIDENCE_PERMIT'),
    ...agencyDoors('hrss', 'hr-social-security', 'PROFESSIONAL_TITLE'),
    { service: 'admin-approval', method: 'GET', template: '/api/joint-reviews', path: () => '/api/joint-reviews', expected: { approval: 200, scitech: 200, psb: 200, hrss: 200, bigdata: 200, rest: 403 } },
    {
      service: 'admin-approval',
      method: 'POST',
      template: '/api/joint-reviews/{caseId}/opinions',
      path: () => `/api/joint-reviews/${caseA}/opinions`,
      body: () => ({ opinion: 'approve', reason: 'authorization matrix' }),
      // No joint review holds A's case: an officer learns that much, nobody else anything.
      expected: { approval: 404, scitech: 404, psb: 404, hrss: 404, bigdata: 404, rest: 403 },
    },

    // The shared record.
    ...(['/api/records', '/api/records/{applicantId}'] as const).map(
      (template): Door => ({
        service: 'data-sharing',
        method: 'GET',
        template,
        path: () => (template === '/api/records' ? `/api/records?passportNo=${PERSON_A.passportNo}&nationality=${PERSON_A.nationality}` : `/api/records/${recordOfA}`),
        headers: { 'X-Purpose': 'authorization matrix' },
        expected: { approval: 200, scitech: 200, psb: 200, hrss: 200, bigdata: 200, analyst: 200, rest: 403 },
      }),
    ),
    {
      service: 'data-sharing',
      method: 'GET',
      template: '/api/records/{applicantId}/access-log',
      path: () => `/api/records/${recordOfA}/access-log`,
      expected: { applicantA: 200, admin: 200, applicantB: 403, rest: 403 },
    },
    { service: 'data-sharing', method: 'GET', template: '/api/records/mine/access-log', path: () => '/api/records/mine/access-log', expected: { applicantA: 200, applicantB: 200, rest: 403 } },

    // The abnormal-information list.
    { service: 'data-sharing', method: 'POST', template: '/api/abnormal-list', path: () => '/api/abnormal-list', body: () => ({}), expected: { ...officers(400), rest: 403 } },
    { service: 'data-sharing', method: 'GET', template: '/api/abnormal-list', path: () => '/api/abnormal-list', expected: { ...officers(200), rest: 403 } },
    {
      service: 'data-sharing',
      method: 'POST',
      template: '/api/abnormal-list/{id}/lift',
      path: () => `/api/abnormal-list/${entryByPsb}/lift`,
      body: () => ({ reason: 'authorization matrix' }),
      // The entry psb reported: other agencies do not see it; psb lifts it (200), then the Big Data Bureau finds it lifted (409).
      expected: { approval: 404, scitech: 404, hrss: 404, psb: 200, bigdata: 409, rest: 403 },
    },
    {
      service: 'data-sharing',
      method: 'POST',
      template: '/api/abnormal-list/{id}/screen',
      path: () => `/api/abnormal-list/${entryByPsb}/screen`,
      // The entry psb reported, lifted above: those who may see it learn it is no longer active (409).
      expected: { psb: 409, bigdata: 409, approval: 404, scitech: 404, hrss: 404, rest: 403 },
    },
    { service: 'data-sharing', method: 'GET', template: '/api/screenings/possible', path: () => '/api/screenings/possible', expected: { bigdata: 200, rest: 403 } },
    {
      service: 'data-sharing',
      method: 'POST',
      template: '/api/screenings/{caseId}/decision',
      path: () => `/api/screenings/${caseA}/decision`,
      body: () => ({ decision: 'clear', reason: 'authorization matrix' }),
      // A's screening was clear, not a possible match: only the Big Data Bureau gets as far as that (409).
      expected: { bigdata: 409, rest: 403 },
    },
    { service: 'data-sharing', method: 'GET', template: '/api/stats', path: () => '/api/stats', expected: { analyst: 200, admin: 200, rest: 403 } },

    // Every service's own dead letters, for an admin alone; the one named is none of them (404), so nothing is resolved.
    ...SERVICES.flatMap((service): Door[] => [
      { service, method: 'GET', template: '/api/operations/dead-letters', path: () => '/api/operations/dead-letters', expected: { admin: 200, rest: 403 } },
      { service, method: 'GET', template: '/api/operations/dead-letters/{id}', path: () => '/api/operations/dead-letters/0:999999999', expected: { admin: 404, rest: 403 } },
      { service, method: 'POST', template: '/api/operations/dead-letters/{id}/replay', path: () => '/api/operations/dead-letters/0:999999999/replay', expected: { admin: 404, rest: 403 } },
      {
        service,
        method: 'POST',
        template: '/api/operations/dead-letters/{id}/discard',
        path: () => '/api/operations/dead-letters/0:999999999/discard',
        body: () => ({ reason: 'authorization matrix' }),
        expected: { admin: 404, rest: 403 },
      },
    ]),
  ];

  it('lists every endpoint every service serves', async () => {
    const listed = new Set(DOORS.map((door) => `${door.service} ${door.method} ${door.template}`));
    const served: string[] = [];
    for (const service of SERVICES) {
      const document = (await (await fetch(`${stack.url(service)}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const method of Object.keys(operations)) served.push(`${service} ${method.toUpperCase()} ${path}`);
      }
    }
    expect(served.filter((endpoint) => !listed.has(endpoint)).sort()).toEqual([]);
    expect([...listed].filter((endpoint) => !served.includes(endpoint)).sort()).toEqual([]);
  });

  it('answers every caller of every endpoint with the status the rules give', async () => {
    const mismatches: string[] = [];
    for (const door of DOORS) {
      for (const caller of CALLERS) {
        const expected = door.expected[caller] ?? (caller === 'none' ? 401 : door.expected.rest);
        const auth = caller === 'none' ? undefined : tokens[caller];
        const { status, body } = door.upload
          ? await upload(door, auth)
          : await call(door.service, door.method, door.path(), auth, door.body?.(), door.headers);
        if (status !== expected) mismatches.push(`${door.service} ${door.method} ${door.template} as ${caller}: ${status} (expected ${expected}) ${JSON.stringify(body).slice(0, 160)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000);

  it("answers A and B each with their own cases and access log, never the other's", async () => {
    const mine = async (who: 'applicantA' | 'applicantB') => ((await call('portal', 'GET', '/api/cases?mine=true', tokens[who])).body as { cases: { caseId: string }[] }).cases.map((c) => c.caseId);
    expect(await mine('applicantA')).toEqual(expect.arrayContaining([caseA]));
    expect(await mine('applicantB')).not.toContain(caseA);
    const log = (await call('data-sharing', 'GET', '/api/records/mine/access-log', tokens.applicantA)).body as { applicantId: string; reads: unknown[] };
    expect(log.applicantId).toBe(recordOfA);
    expect(log.reads.length).toBeGreaterThan(0);
    const ofB = (await call('data-sharing', 'GET', '/api/records/mine/access-log', tokens.applicantB)).body as { applicantId: string; reads: unknown[] };
    expect(ofB.applicantId).not.toBe(recordOfA);
    expect(ofB.reads).toEqual([]);
  });

  it('gives the employer of the case what the officer of another agency may not see: scope at the case view', async () => {
    const asHrss = (await call('portal', 'GET', `/api/cases/${caseA}`, tokens.hrss)).body as CaseView;
    const asApproval = (await call('portal', 'GET', `/api/cases/${caseA}`, tokens.approval)).body as CaseView;
    expect(asApproval.materials.map((m) => m.code)).toContain('NO_CRIMINAL_RECORD');
    expect(asHrss.materials.map((m) => m.code)).not.toContain('NO_CRIMINAL_RECORD');
    expect(asHrss.items.map((i) => i.code)).toEqual(['PROFESSIONAL_TITLE']);
  });

  function officers(status: number): Partial<Record<Caller, number>> {
    return Object.fromEntries(OFFICERS.map((agency) => [agency, status]));
  }

  async function call(service: ServiceName, method: string, path: string, auth?: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${stack.url(service)}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // /metrics and documents are not JSON.
    }
    return { status: response.status, body: parsed };
  }

  async function upload(door: Door, auth: string | undefined): Promise<{ status: number; body: unknown }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from(`%PDF-1.7\n% matrix ${randomUUID()}\n%%EOF\n`))]), 'matrix.pdf');
    const response = await fetch(`${stack.url(door.service)}${door.path()}`, { method: 'POST', headers: auth ? { authorization: `Bearer ${auth}` } : {}, body: form });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  }
});
