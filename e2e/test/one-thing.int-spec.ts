import { decodeEvent, encodeEvent, Events, type ItemDecided, type ItemProgressed, Topics } from '@work-permit/contracts';
import { chinaDateOf } from '@work-permit/platform';
import { chinaDayFrom, collectFromTopic, eventually } from '@work-permit/testing';
import { dueDate } from '@work-permit/workdays';
import { DATES, FIVE_ITEMS, item, officer, PlatformApi, statuses, type CaseView } from './support/platform-api';
import { PlatformStack } from './support/stack';

const AUTOMATIC = ['WORK_PERMIT', 'RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'E_SOCIAL_SECURITY_CARD'];
const DEPENDANTS = ['RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'PROFESSIONAL_TITLE', 'E_SOCIAL_SECURITY_CARD'];
const AGENCY_TOPICS = [Topics.approval, Topics.scitech, Topics.psb, Topics.hrss, Topics.sharing];

/** An applicant the points table puts in category C, whose work permit therefore waits for an officer (the national quota). */
const CATEGORY_C = {
  'applicant.education': 'associate',
  'applicant.workExperienceYears': 1,
  'applicant.chineseLevel': 'none',
  'employment.annualSalaryCny': 90_000,
  'employment.monthsPerYearInChina': 6,
  talent: undefined,
};

const position = (view: CaseView, type: string, code: string) => view.timeline.findIndex((entry) => entry.type === type && entry.item === code);

describe('the one thing, end to end: every service on a real broker and database', () => {
  // A killed service's partitions move on after the session timeout; the broker's minimum keeps the test short.
  const stack = new PlatformStack({ OVERDUE_SCAN_INTERVAL_MS: '500', KAFKA_SESSION_TIMEOUT_MS: '6000' });
  const api = new PlatformApi(stack);

  beforeAll(() => stack.start(), 240_000);
  afterAll(() => stack.stop(), 90_000);

  /** Every ItemDecided of the case on every agency's topic, as `CODE` strings. */
  async function decisionsOf(caseId: string): Promise<string[]> {
    const kafka = stack.kafka();
    const decided = await Promise.all(
      AGENCY_TOPICS.map((topic) =>
        collectFromTopic(kafka, topic, (m) => decodeEvent(m.value!)?.caseId === caseId && decodeEvent(m.value!)!.type.endsWith('.item.decided'), { timeoutMs: 8_000 }),
      ),
    );
    return decided.flat().map((m) => (decodeEvent(m.value!)!.payload as ItemDecided).itemCode).sort();
  }

  it('decides a five-item case in dependency order, the dependants reviewed from the start, and the officer completes it', async () => {
    const caseId = await api.submit(await api.caseBody());

    const automatic = await api.until(caseId, 'the automatic items to be granted', (v) => AUTOMATIC.every((code) => item(v, code).status === 'granted'));
    expect(statuses(automatic)).toEqual({
      WORK_PERMIT: 'granted',
      RESIDENCE_PERMIT: 'granted',
      SOCIAL_INSURANCE: 'granted',
      PROFESSIONAL_TITLE: 'in_review',
      E_SOCIAL_SECURITY_CARD: 'granted',
    });
    const workPermit = item(automatic, 'WORK_PERMIT').result!;
    expect(workPermit).toEqual({ permitNo: expect.stringMatching(/^WP20\d{12}$/), validFrom: DATES.contractStart, validTo: DATES.contractEnd, category: 'A', points: expect.any(Number) });
    expect(item(automatic, 'RESIDENCE_PERMIT').result).toEqual({ permitNo: expect.stringMatching(/^RP-371000-/), validFrom: DATES.contractStart, validTo: DATES.contractEnd, feeCny: 800 });
    expect(item(automatic, 'SOCIAL_INSURANCE').result).toMatchObject({ socialSecurityNo: expect.stringMatching(/^DEU-371000-/) });
    expect(item(automatic, 'E_SOCIAL_SECURITY_CARD').result).toMatchObject({ permitNo: workPermit.permitNo, validTo: DATES.contractEnd });

    for (const code of DEPENDANTS) {
      // Pre-review of every dependant began before the work permit was decided…
      expect(position(automatic, 'review_started', code)).toBeGreaterThan(-1);
      expect(position(automatic, 'review_started', code)).toBeLessThan(position(automatic, 'decided', 'WORK_PERMIT'));
    }
    for (const code of AUTOMATIC.slice(1)) {
      // …and no dependant was decided before it.
      expect(position(automatic, 'decided', code)).toBeGreaterThan(position(automatic, 'decided', 'WORK_PERMIT'));
    }

    const hrss = officer('hrss');
    const queue = await api.call<{ items: { caseId: string; code: string; awaitingOfficer: string[] }[] }>('hr-social-security', 'GET', '/api/items?status=in_review', { auth: hrss });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toContainEqual(expect.objectContaining({ caseId, code: 'PROFESSIONAL_TITLE', awaitingOfficer: [expect.stringContaining('MANUAL_ITEMS')] }));
    expect((await api.call('hr-social-security', 'GET', '/api/items', { auth: officer('psb') })).status).toBe(403);

    // The officer reviewing the title evaluation reads the case's documents from the portal.
    const { body: reviewed } = await api.call<CaseView>('portal', 'GET', `/api/cases/${caseId}`, { auth: hrss });
    expect(reviewed.materials.length).toBeGreaterThan(0);
    const [document] = reviewed.materials;
    expect(document).toMatchObject({ contentType: 'application/pdf', size: expect.any(Number) });
    const scan = await fetch(`${stack.url('portal')}/api/materials/${document.sha256}`, { headers: { authorization: `Bearer ${hrss}` } });
    expect(scan.status).toBe(200);
    expect((await scan.arrayBuffer()).byteLength).toBe(document.size);

    const invalid = await api.call<{ error: { details: { field: string }[] } }>('hr-social-security', 'POST', `/api/items/${caseId}/PROFESSIONAL_TITLE/decision`, {
      auth: hrss,
      body: { decision: 'maybe', signedBy: 'me' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d) => d.field).sort()).toEqual(['decision', 'signedBy']);
    const alreadyFinal = await api.call<{ error: { code: string } }>('hr-social-security', 'POST', `/api/items/${caseId}/SOCIAL_INSURANCE/decision`, { auth: hrss, body: { decision: 'approve' } });
    expect(alreadyFinal).toMatchObject({ status: 409, body: { error: { code: 'already_final' } } });

    const approved = await api.call('hr-social-security', 'POST', `/api/items/${caseId}/PROFESSIONAL_TITLE/decision`, { auth: hrss, body: { decision: 'approve' } });
    expect(approved).toMatchObject({ status: 200, body: { status: 'granted', decidedBy: { kind: 'officer' }, decidedAt: expect.any(String) } });

    const completed = await api.until(caseId, 'the case to be completed', (v) => v.status === 'completed');
    expect(new Set(Object.values(statuses(completed)))).toEqual(new Set(['granted']));
    // The applicant was told of each result, in the language asked for.
    const inbox = await api.call<{ notifications: { caseId: string; item: string; title: string }[] }>('portal', 'GET', '/api/notifications?lang=zh', { auth: api.applicant });
    expect(inbox.body.notifications.filter((n) => n.caseId === caseId).map((n) => n.item).sort()).toEqual(FIVE_ITEMS.map((i) => i.code).sort());
    expect(await decisionsOf(caseId)).toEqual([...FIVE_ITEMS.map((i) => i.code), 'ABNORMAL_LIST_SCREENING', 'TALENT_CATEGORY'].sort());

    // The numbers the platform issued come back pre-filled for the next extension, and pass its own validation.
    const extension = [{ code: 'RESIDENCE_PERMIT', action: 'extend' }];
    const residencePermit = item(completed, 'RESIDENCE_PERMIT').result!;
    const prefilled = await eventually(
      async () => {
        const form = await api.call<{ fields: { path: string; prefill?: { value: unknown } }[] }>('portal', 'POST', '/api/forms', { auth: api.applicant, body: { items: extension } });
        const values = Object.fromEntries(form.body.fields.filter((f) => f.prefill).map((f) => [f.path, f.prefill!.value]));
        return values['holdings.residencePermitNo'] === residencePermit.permitNo && values['holdings.workPermitNo'] === workPermit.permitNo && values;
      },
      { what: 'the issued permit numbers pre-filled for an extension' },
    );
    expect(prefilled['holdings.residencePermitNo']).toMatch(/^RP-371000-/);
    const holdings = Object.fromEntries(Object.entries(prefilled).filter(([path]) => path.startsWith('holdings.')));
    const extended = await api.submit(await api.caseBody(extension, { patch: holdings }));
    await api.until(extended, 'the extension to be reviewed', (v) => item(v, 'RESIDENCE_PERMIT').status !== 'pending');
  });

  it('terminates the dependants of a rejected work permit, with the reason', async () => {
    const caseId = await api.submit(await api.caseBody(FIVE_ITEMS, { patch: CATEGORY_C }));
    const approval = officer('approval');
    const waiting = await eventually(
      async () => {
        const response = await api.call<{ status: string; flags: string[] }>('admin-approval', 'GET', `/api/items/${caseId}/WORK_PERMIT`, { auth: approval });
        return response.status === 200 && response.body.status === 'in_review' && response.body;
      },
      { what: 'the work permit to wait for an officer' },
    );
    expect(waiting.flags).toContain('category_c_quota');

    const early = await api.call<{ error: { code: string; message: string; messages: { zh: string; en: string } } }>('public-security', 'POST', `/api/items/${caseId}/RESIDENCE_PERMIT/decision`, {
      auth: officer('psb'),
      body: { decision: 'approve' },
    });
    expect(early.status).toBe(409);
    // In Chinese by default, English beside it: the residence permit waits for the work permit.
    expect(early.body.error).toMatchObject({
      code: 'not_ready',
      message: '外国人居留许可须待外国人来华工作许可批准后方可决定',
      messages: { en: 'the Residence permit for foreigners cannot be decided before Work permit for foreigners working in China is granted' },
    });

    const reason = 'The national quota for category C is used up for 2026';
    const rejected = await api.call('admin-approval', 'POST', `/api/items/${caseId}/WORK_PERMIT/decision`, { auth: approval, body: { decision: 'reject', reason } });
    expect(rejected).toMatchObject({ status: 200, body: { status: 'rejected', reason } });

    const ended = await api.until(caseId, 'every dependant to be terminated', (v) => DEPENDANTS.every((code) => item(v, code).status === 'terminated'));
    for (const code of DEPENDANTS) expect(item(ended, code).reason).toContain(reason);
    expect(item(ended, 'WORK_PERMIT')).toMatchObject({ status: 'rejected', reason });
    await api.until(caseId, 'the case to be completed', (v) => v.status === 'completed');
  });

  it('starts a dependant’s clock when its prerequisite is granted, and resumes it when the supplement is answered, moved by the pause', async () => {
    const caseId = await api.submit(await api.caseBody(FIVE_ITEMS, { without: ['ACCOMMODATION_REGISTRATION'] }));
    const asked = await api.until(
      caseId,
      'the accommodation registration to be asked for, the work permit granted',
      (v) => item(v, 'RESIDENCE_PERMIT').status === 'awaiting_supplement' && item(v, 'WORK_PERMIT').status === 'granted',
    );
    expect(item(asked, 'RESIDENCE_PERMIT')).toMatchObject({ requestedMaterials: ['ACCOMMODATION_REGISTRATION'], dueDate: null, reason: expect.stringContaining('住宿登记') });
    expect(item(asked, 'RESIDENCE_PERMIT').reasons?.en).toMatch(/accommodation/i);

    // The bureau's clock started the day the work permit was granted, not at submission.
    const psb = await stack.database('public-security');
    try {
      const clock = await eventually(
        async () =>
          (await psb.query(`SELECT to_char(clock_starts_on, 'YYYY-MM-DD') AS started FROM review_item WHERE case_id = $1 AND code = 'RESIDENCE_PERMIT' AND clock_starts_on IS NOT NULL`, [caseId]))
            .rows[0] as { started: string } | undefined,
        { what: 'the residence permit’s clock to start' },
      );
      expect(clock.started).toBe(chinaDateOf(new Date()));
      // Time is the one thing a test cannot wait for: the bureau's record is moved back as if the case had
      // come in 9 days ago, the work permit been granted 8 days ago and the document asked for 6 days ago.
      await psb.query(`UPDATE review_case SET facts = jsonb_set(facts, '{submittedOn}', to_jsonb($2::text)) WHERE case_id = $1`, [caseId, chinaDayFrom(-9)]);
      await psb.query(`UPDATE review_item SET clock_starts_on = $2, pauses = jsonb_build_array(jsonb_build_object('from', $3::text, 'to', null)) WHERE case_id = $1 AND code = 'RESIDENCE_PERMIT'`, [
        caseId,
        chinaDayFrom(-8),
        chinaDayFrom(-6),
      ]);
    } finally {
      await psb.end();
    }
    const today = chinaDateOf(new Date());
    const limit = { amount: 15, unit: 'calendar_days' as const };
    const expected = dueDate(chinaDayFrom(-8), limit, [{ from: chinaDayFrom(-6), to: today }])!;
    expect(expected > dueDate(chinaDayFrom(-8), limit)!).toBe(true);

    const { sha256, fileName } = await api.document('ACCOMMODATION_REGISTRATION');
    const registration = { code: 'ACCOMMODATION_REGISTRATION', sha256, fileName, issuedAt: chinaDayFrom(-4) };
    const answered = await api.call('portal', 'POST', `/api/cases/${caseId}/supplements`, { auth: api.applicant, body: { item: 'RESIDENCE_PERMIT', materials: [registration] } });
    expect(answered.status).toBe(200);

    const resumed = await api.until(caseId, 'the residence permit to resume with its moved due date', (v) => item(v, 'RESIDENCE_PERMIT').dueDate === expected);
    expect(['in_review', 'granted']).toContain(item(resumed, 'RESIDENCE_PERMIT').status);
    expect(resumed.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['supplement_requested', 'supplemented']));
    expect(resumed.materials).toContainEqual(expect.objectContaining(registration));
    const granted = await api.until(caseId, 'the residence permit to be granted', (v) => item(v, 'RESIDENCE_PERMIT').status === 'granted');
    expect(item(granted, 'RESIDENCE_PERMIT').dueDate).toBe(expected);
  });

  it('completes a case with exactly one decision per item though services are killed mid-case', async () => {
    await stack.kill('public-security');
    const caseId = await api.submit(await api.caseBody());
    await stack.kill('admin-approval');
    await stack.restart('admin-approval');
    await api.until(caseId, 'the work permit to be granted with the residence bureau down', (v) => item(v, 'WORK_PERMIT').status === 'granted');
    expect(item(await api.view(caseId), 'RESIDENCE_PERMIT').status).toBe('pending');
    await stack.restart('public-security');

    await api.until(caseId, 'the automatic items to be granted', (v) => AUTOMATIC.every((code) => item(v, code).status === 'granted'));
    const approved = await api.call('hr-social-security', 'POST', `/api/items/${caseId}/PROFESSIONAL_TITLE/decision`, { auth: officer('hrss'), body: { decision: 'approve' } });
    expect(approved.status).toBe(200);
    await api.until(caseId, 'the case to be completed', (v) => v.status === 'completed');
    expect(await decisionsOf(caseId)).toEqual([...FIVE_ITEMS.map((i) => i.code), 'ABNORMAL_LIST_SCREENING', 'TALENT_CATEGORY'].sort());
  });

  it('announces an item past its due date once, and not again after a restart', async () => {
    const caseId = await api.submit(await api.caseBody());
    // Quiet first: the work permit's grant still rewrites the title's row, which would undo the moved date.
    await api.until(
      caseId,
      'the title evaluation to wait for an officer, every automatic item granted',
      (v) => item(v, 'PROFESSIONAL_TITLE').status === 'in_review' && AUTOMATIC.every((code) => item(v, code).status === 'granted'),
    );
    const hrss = await stack.database('hr-social-security');
    try {
      await hrss.query(`UPDATE review_item SET due_date = '2026-11-20' WHERE case_id = $1 AND code = 'PROFESSIONAL_TITLE'`, [caseId]);
    } finally {
      await hrss.end();
    }
    await api.until(caseId, 'the overdue notice', (v) => position(v, 'overdue', 'PROFESSIONAL_TITLE') > -1);
    await stack.restart('hr-social-security');
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // six scans of the restarted timer

    const notices = await collectFromTopic(stack.kafka(), Topics.hrss, (m) => {
      const event = decodeEvent(m.value!);
      return event?.caseId === caseId && event.type === Events.HrssItemProgressed.type && (event.payload as ItemProgressed).overdue;
    });
    expect(notices).toHaveLength(1);
    const view = await api.view(caseId);
    expect(view.timeline.filter((e) => e.type === 'overdue')).toHaveLength(1);
    const listed = await api.call<{ items: { caseId: string; code: string; overdue: boolean }[] }>('hr-social-security', 'GET', '/api/items?status=in_review', { auth: officer('hrss') });
    expect(listed.body.items).toContainEqual(expect.objectContaining({ caseId, code: 'PROFESSIONAL_TITLE', overdue: true }));
  });

  describe('an applicant on the abnormal-information list', () => {
    const REVIEWERS = ['approval', 'hrss', 'psb', 'scitech'] as const;

    async function listedCase(passportNo: string): Promise<string> {
      const reported = await api.call('data-sharing', 'POST', '/api/abnormal-list', {
        auth: officer('psb'),
        body: { passportNo, nationality: 'GBR', reason: 'forged degree certificate' },
      });
      expect(reported.status).toBe(201);
      return api.submit(await api.caseBody(FIVE_ITEMS, { patch: { 'applicant.passportNo': passportNo, 'applicant.nationality': 'GBR' } }));
    }

    async function openReview(caseId: string): Promise<{ caseId: string; agencies: string[]; awaiting: string[] }> {
      return eventually(
        async () => {
          const open = await api.call<{ jointReviews: { caseId: string; agencies: string[]; awaiting: string[] }[] }>('admin-approval', 'GET', '/api/joint-reviews?status=open', { auth: officer('psb') });
          return open.body.jointReviews.find((review) => review.caseId === caseId);
        },
        { what: 'the joint review to open' },
      );
    }

    it('goes to one joint review, is never decided automatically, and completes when an officer of each agency grants each item', async () => {
      const caseId = await listedCase('E12345678');
      const review = await openReview(caseId);
      expect([...review.agencies].sort()).toEqual([...REVIEWERS]);
      const held = await api.until(caseId, 'every item to wait for the joint review', (v) => v.items.every((i) => i.status === 'joint_review'));
      expect(held.timeline.map((e) => e.type)).toContain('joint_review_opened');
      const early = await api.call<{ error: { code: string } }>('admin-approval', 'POST', `/api/items/${caseId}/WORK_PERMIT/decision`, { auth: officer('approval'), body: { decision: 'approve' } });
      expect(early).toMatchObject({ status: 409, body: { error: { code: 'not_ready' } } });

      // The screening's referral delivered again (a new event id): still one review.
      const referral = await collectFromTopic(stack.kafka(), Topics.sharing, (m) => decodeEvent(m.value!)?.caseId === caseId && decodeEvent(m.value!)!.type === Events.SharingItemProgressed.type);
      const again = encodeEvent(Events.SharingItemProgressed, decodeEvent(referral[0].value!)!.payload as ItemProgressed, { caseId, correlationId: caseId, causationId: caseId });
      const producer = stack.kafka().producer();
      await producer.connect();
      await producer.send({ topic: again.topic, messages: [{ key: again.key, value: again.value }] });
      await producer.disconnect();

      for (const agency of REVIEWERS) {
        const given = await api.call('admin-approval', 'POST', `/api/joint-reviews/${caseId}/opinions`, { auth: officer(agency), body: { opinion: 'approve', reason: 'entry concerns a different person' } });
        expect(given.status).toBe(200);
      }
      const twice = await api.call('admin-approval', 'POST', `/api/joint-reviews/${caseId}/opinions`, { auth: officer('psb'), body: { opinion: 'approve' } });
      expect(twice.status).toBe(409);
      const reviews = await api.call<{ jointReviews: { caseId: string; status: string }[] }>('admin-approval', 'GET', '/api/joint-reviews', { auth: officer('psb') });
      expect(reviews.body.jointReviews.filter((r) => r.caseId === caseId)).toEqual([expect.objectContaining({ status: 'approved' })]);

      // Listed: a person of each agency decides every item not yet final (严格审批). The talent category was
      // classified at submission, before the screening named the applicant; the work permit it feeds was not.
      const DECIDERS = [
        ['admin-approval', 'approval', 'WORK_PERMIT'],
        ['public-security', 'psb', 'RESIDENCE_PERMIT'],
        ['hr-social-security', 'hrss', 'SOCIAL_INSURANCE'],
        ['hr-social-security', 'hrss', 'PROFESSIONAL_TITLE'],
        ['hr-social-security', 'hrss', 'E_SOCIAL_SECURITY_CARD'],
      ] as const;
      for (const [service, agency, code] of DECIDERS) {
        const waiting = await eventually(
          async () => {
            const response = await api.call<{ status: string; awaitingOfficer: string[] }>(service, 'GET', `/api/items/${caseId}/${code}`, { auth: officer(agency) });
            return response.status === 200 && response.body.status === 'in_review' && response.body;
          },
          { what: `${code} to wait for an officer of ${agency}` },
        );
        expect(waiting.awaitingOfficer).toContainEqual(expect.stringContaining('严格审批'));
        const approved = await api.call(service, 'POST', `/api/items/${caseId}/${code}/decision`, { auth: officer(agency), body: { decision: 'approve' } });
        expect(approved).toMatchObject({ status: 200, body: { status: 'granted', decidedBy: { kind: 'officer' } } });
      }
      const completed = await api.until(caseId, 'the case to be completed', (v) => v.status === 'completed');
      expect(completed.timeline.filter((e) => e.type === 'joint_review_concluded')).toHaveLength(1);
      expect(new Set(Object.values(statuses(completed)))).toEqual(new Set(['granted']));
    });

    it('ends every item with the reason when an agency rejects in the joint review', async () => {
      const caseId = await listedCase('E87654321');
      await openReview(caseId);
      for (const agency of REVIEWERS) {
        const opinion = agency === 'psb' ? { opinion: 'reject', reason: 'the entry stamp is forged' } : { opinion: 'approve', reason: 'no objection' };
        expect((await api.call('admin-approval', 'POST', `/api/joint-reviews/${caseId}/opinions`, { auth: officer(agency), body: opinion })).status).toBe(200);
      }
      const ended = await api.until(caseId, 'every item to be rejected', (v) => v.items.every((i) => i.status === 'rejected'));
      for (const code of FIVE_ITEMS.map((i) => i.code)) expect(item(ended, code).reason).toContain('the entry stamp is forged');
      await api.until(caseId, 'the case to be completed', (v) => v.status === 'completed');
    });
  });
});
