import { asWritten, getCatalogue, type Message, message, officerReason, render } from '@work-permit/catalogue';
import { dueDate } from '@work-permit/workdays';
import type { ItemPolicy, PrerequisiteOutcome } from '../policy/item-policy';
import { EXAMPLE_SUBMITTED_ON, exampleCaseFacts, exampleMaterials, FIVE_ITEMS } from '../testing/case-facts';
import { advanceReview, decideByOfficer, DecisionRefused, decisionReadiness, extendDecisionLimit, officerReasons, openReview, supplementReview, withdrawReview } from './case-review';
import type { CaseReviewState, ReviewContext, ReviewItem } from './review-model';

/** A message whose Chinese (or English) text contains `part`. */
const zhOf = (part: string) => textMatching('zh', part);
const enOf = (part: string) => textMatching('en', part);
function textMatching(lang: 'zh' | 'en', part: string) {
  return {
    asymmetricMatch: (value: unknown) => typeof value === 'object' && value !== null && render(value as Message, lang).toLowerCase().includes(part.toLowerCase()),
    toString: () => `a message whose ${lang} text contains "${part}"`,
    toAsymmetricMatcher: () => `MessageText<${lang}: ${part}>`,
  };
}

const catalogue = getCatalogue('2026.1');
const TODAY = EXAMPLE_SUBMITTED_ON; // 2026-11-30, a Monday

const passing = (code: string, result = { permitNo: `${code}-1` }): ItemPolicy => ({ code, assess: () => ({ findings: [{ rule: 'ok', passed: true, message: asWritten('fine') }], flags: [], result }) });

function context(agency: string, policies: ItemPolicy[], overrides: Partial<ReviewContext> = {}): ReviewContext {
  return {
    catalogue,
    agency,
    policies: new Map(policies.map((p) => [p.code, p])),
    manualItems: new Set(['PROFESSIONAL_TITLE']),
    today: TODAY,
    now: new Date('2026-11-30T02:00:00Z'),
    ...overrides,
  };
}

const granted = (code: string, result = {}, decidedOn?: string): PrerequisiteOutcome => ({ code, status: 'granted', result, ...(decidedOn && { decidedOn }) });
const outcomes = (...list: PrerequisiteOutcome[]) => new Map(list.map((o) => [o.code, o]));
const byCode = (items: ReviewItem[], code: string) => items.find((i) => i.code === code)!;

function opened(ctx: ReviewContext, facts = exampleCaseFacts()): CaseReviewState {
  return { facts, items: openReview(facts, ctx).items };
}

describe('pre-review at submission', () => {
  it('opens every item of the agency in review at once, a dependant’s clock waiting for its prerequisite', () => {
    const step = openReview(exampleCaseFacts(), context('hrss', []));
    expect(step.items.map((i) => [i.code, i.status, i.clockStartsOn, i.dueDate])).toEqual([
      ['SOCIAL_INSURANCE', 'in_review', null, null],
      ['PROFESSIONAL_TITLE', 'in_review', null, null],
      ['E_SOCIAL_SECURITY_CARD', 'in_review', null, null],
    ]);
    expect(step.notices.map((n) => [n.kind, n.code])).toEqual([
      ['progressed', 'SOCIAL_INSURANCE'],
      ['progressed', 'PROFESSIONAL_TITLE'],
      ['progressed', 'E_SOCIAL_SECURITY_CARD'],
    ]);
  });

  it('counts from the day of submission an item that waits for nothing but its own steps', () => {
    const [workPermit] = openReview(exampleCaseFacts(), context('approval', [])).items;
    expect(workPermit).toMatchObject({ code: 'WORK_PERMIT', clockStartsOn: TODAY, dueDate: '2026-12-14' });
  });

  it('counts a dependant whose prerequisite is held from the day of submission', () => {
    const items = [{ code: 'RESIDENCE_PERMIT', action: 'issue' as const }];
    const facts = exampleCaseFacts({ items, patch: { 'holdings.workPermitNo': 'WP20260000000001', 'holdings.workPermitValidTo': '2028-01-31' } });
    expect(openReview(facts, context('psb', [])).items[0]).toMatchObject({ clockStartsOn: TODAY, dueDate: '2026-12-15', timeLimit: { amount: 15, unit: 'calendar_days' } });
  });

  it('reviews the steps a work permit needs at the agency that owns them', () => {
    expect(openReview(exampleCaseFacts(), context('scitech', [])).items.map((i) => i.code)).toEqual(['TALENT_CATEGORY']);
  });

  it('asks a first-time applicant for the degree certificate by name, and never grants the permit without it', () => {
    const items = [{ code: 'WORK_PERMIT', action: 'issue' as const }];
    const approval = context('approval', [passing('WORK_PERMIT')]);
    const facts = exampleCaseFacts({ items, patch: { 'history.previousWorkPermitNo': undefined }, materials: exampleMaterials(items).filter((m) => m.code !== 'HIGHEST_DEGREE') });
    const step = openReview(facts, approval);
    expect(step.items[0]).toMatchObject({ status: 'awaiting_supplement', requestedMaterials: ['HIGHEST_DEGREE'] });
    expect(step.notices.at(-1)).toMatchObject({ status: 'awaiting_supplement', reason: zhOf('最高学位（学历）证书') });
    expect(step.notices.at(-1)).toMatchObject({ reason: enOf('Highest degree certificate (authenticated) (if you have not held a Chinese work permit in the last 3 years') });

    // Answered without it: the prerequisites are granted, the rules pass, and still an officer decides.
    const answered = supplementReview({ facts, items: step.items }, 'WORK_PERMIT', [], approval);
    const after = advanceReview({ facts: answered.facts, items: answered.step.items }, outcomes(granted('TALENT_CATEGORY'), granted('ABNORMAL_LIST_SCREENING')), approval);
    expect(after.items[0]).toMatchObject({ status: 'in_review', stillMissing: ['HIGHEST_DEGREE'] });
    expect(after.notices.filter((n) => n.kind === 'decided')).toEqual([]);
  });

  it('does not ask an applicant who held a Chinese permit in the last 3 years for the degree certificate', () => {
    const items = [{ code: 'WORK_PERMIT', action: 'issue' as const }];
    const facts = exampleCaseFacts({ items, materials: exampleMaterials(items).filter((m) => !['HIGHEST_DEGREE', 'NO_CRIMINAL_RECORD'].includes(m.code)) });
    expect(openReview(facts, context('approval', [])).items[0].status).toBe('in_review');
  });

  it('asks for every missing document at once and stops the clock', () => {
    const materials = exampleMaterials().filter((m) => !['PHOTO', 'ACCOMMODATION_REGISTRATION'].includes(m.code));
    const step = openReview(exampleCaseFacts({ materials }), context('psb', []));
    expect(step.items[0]).toMatchObject({ status: 'awaiting_supplement', requestedMaterials: ['PHOTO', 'ACCOMMODATION_REGISTRATION'], dueDate: null, pauses: [{ from: TODAY, to: null }] });
    expect(step.notices.at(-1)).toMatchObject({ status: 'awaiting_supplement', reason: enOf('photo') });
  });
});

describe('prerequisites', () => {
  const psb = context('psb', [passing('RESIDENCE_PERMIT')]);

  it('starts a dependant’s clock on the day its prerequisite was granted, whatever day the news arrives', () => {
    const hrss = context('hrss', [passing('SOCIAL_INSURANCE'), passing('PROFESSIONAL_TITLE'), passing('E_SOCIAL_SECURITY_CARD')], { today: '2026-12-07' });
    const step = advanceReview(opened(hrss), outcomes(granted('WORK_PERMIT', { permitNo: 'WP1' }, '2026-12-03')), hrss);
    const title = byCode(step.items, 'PROFESSIONAL_TITLE');
    expect(title).toMatchObject({ status: 'in_review', clockStartsOn: '2026-12-03' });
    expect(title.dueDate).toBe(dueDate('2026-12-03', { amount: 60, unit: 'working_days' }, [], { beyondCalendar: 'weekdays' }));
    expect(byCode(step.items, 'SOCIAL_INSURANCE')).toMatchObject({ status: 'granted', clockStartsOn: '2026-12-03', dueDate: '2026-12-10' });
    // The title's new due date is announced with its status.
    expect(step.notices).toContainEqual(expect.objectContaining({ kind: 'progressed', code: 'PROFESSIONAL_TITLE', dueDate: title.dueDate }));
  });

  it('counts the residence permit in calendar days from the grant of the work permit', () => {
    const psb = context('psb', []);
    const waiting = advanceReview(opened(psb), outcomes(), psb);
    expect(waiting.items[0]).toMatchObject({ status: 'pending', clockStartsOn: null, dueDate: null });
    const started = advanceReview({ facts: exampleCaseFacts(), items: waiting.items }, outcomes(granted('WORK_PERMIT', {}, '2026-12-01')), { ...psb, policies: new Map([['RESIDENCE_PERMIT', { code: 'RESIDENCE_PERMIT', assess: () => ({ findings: [], flags: ['x'] }) }]]) });
    expect(started.items[0]).toMatchObject({ status: 'in_review', clockStartsOn: '2026-12-01', dueDate: '2026-12-16' });
    expect(started.notices).toEqual([expect.objectContaining({ kind: 'progressed', status: 'in_review', dueDate: '2026-12-16' })]);
  });

  it('keeps a dependant pending until its prerequisite is decided, then decides it automatically', () => {
    const waiting = advanceReview(opened(psb), outcomes(), psb);
    expect(waiting.items[0].status).toBe('pending');
    expect(waiting.notices).toEqual([expect.objectContaining({ kind: 'progressed', status: 'pending' })]);

    const done = advanceReview(opened(psb), outcomes(granted('WORK_PERMIT', { permitNo: 'WP1' })), psb);
    expect(done.items[0]).toMatchObject({ status: 'granted', decidedBy: { kind: 'automatic' }, result: { permitNo: 'RESIDENCE_PERMIT-1' } });
    expect(done.notices).toEqual([expect.objectContaining({ kind: 'decided', decision: 'granted' })]);
    expect(done.outcomes).toEqual([expect.objectContaining({ code: 'RESIDENCE_PERMIT', status: 'granted' })]);
  });

  it('terminates a dependant with the reason when its prerequisite is rejected', () => {
    const step = advanceReview(opened(psb), outcomes({ code: 'WORK_PERMIT', status: 'rejected', reason: officerReason('over the age limit'), result: {} }), psb);
    expect(step.items[0]).toMatchObject({ status: 'terminated', reason: message('review.terminated', { item: 'WORK_PERMIT', status: 'rejected', reason: officerReason('over the age limit') }) });
    expect(render(step.items[0].reason!, 'zh')).toBe('前置事项外国人来华工作许可未予批准：over the age limit');
  });

  it('does not wait for a step the action does not run', () => {
    const approval = context('approval', [passing('WORK_PERMIT')]);
    const facts = exampleCaseFacts({ items: [{ code: 'WORK_PERMIT', action: 'change' }] });
    expect(advanceReview(opened(approval, facts), outcomes(granted('ABNORMAL_LIST_SCREENING')), approval).items[0].status).toBe('granted');
  });

  it('terminates a dependant still waiting for documents when its prerequisite is rejected', () => {
    const state = opened(psb, exampleCaseFacts({ materials: exampleMaterials().filter((m) => m.code !== 'PHOTO') }));
    expect(state.items[0].status).toBe('awaiting_supplement');
    const step = advanceReview(state, outcomes({ code: 'WORK_PERMIT', status: 'rejected', reason: officerReason('no quota'), result: {} }), psb);
    expect(step.items[0]).toMatchObject({ status: 'terminated', reason: enOf('no quota') });
    expect(advanceReview(state, outcomes(granted('WORK_PERMIT')), psb).items[0].status).toBe('awaiting_supplement');
  });

  it('takes a work permit the applicant already holds from the form', () => {
    const items = [{ code: 'RESIDENCE_PERMIT', action: 'issue' as const }];
    const facts = exampleCaseFacts({ items, patch: { 'holdings.workPermitNo': 'WP20260000000001', 'holdings.workPermitValidTo': '2028-01-31' } });
    let seen: PrerequisiteOutcome | undefined;
    const policy: ItemPolicy = { code: 'RESIDENCE_PERMIT', assess: (_, c) => ((seen = c.prerequisites.get('WORK_PERMIT')), { findings: [], flags: [], result: {} }) };
    const ctx = context('psb', [policy]);
    expect(advanceReview(opened(ctx, facts), outcomes(), ctx).items[0].status).toBe('granted');
    expect(seen).toEqual({ code: 'WORK_PERMIT', status: 'granted', held: true, result: { permitNo: 'WP20260000000001', validTo: '2028-01-31' } });
  });

  it('gives the same decisions whatever order the case and the other agencies’ results arrive in', () => {
    const approval = context('approval', [passing('WORK_PERMIT')]);
    type Arrival = 'submitted' | 'TALENT_CATEGORY' | 'ABNORMAL_LIST_SCREENING';
    const replay = (order: Arrival[]) => {
      let state: CaseReviewState | undefined;
      const known = new Map<string, PrerequisiteOutcome>();
      const published: string[] = [];
      for (const arrival of order) {
        if (arrival === 'submitted') state = opened(approval);
        else known.set(arrival, granted(arrival, { category: 'B' }));
        if (!state) continue;
        const step = advanceReview(state, known, approval);
        state = { ...state, items: step.items };
        published.push(...step.notices.filter((n) => n.kind === 'decided').map((n) => `${n.code}:${n.kind}`));
      }
      return { status: state!.items.map((i) => [i.code, i.status, i.result]), published };
    };
    const orders: Arrival[][] = [
      ['submitted', 'TALENT_CATEGORY', 'ABNORMAL_LIST_SCREENING'],
      ['TALENT_CATEGORY', 'submitted', 'ABNORMAL_LIST_SCREENING'],
      ['TALENT_CATEGORY', 'ABNORMAL_LIST_SCREENING', 'submitted'],
      ['ABNORMAL_LIST_SCREENING', 'TALENT_CATEGORY', 'submitted'],
      ['submitted', 'ABNORMAL_LIST_SCREENING', 'TALENT_CATEGORY'],
      ['ABNORMAL_LIST_SCREENING', 'submitted', 'TALENT_CATEGORY'],
    ];
    const results = orders.map(replay);
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toEqual({ status: [['WORK_PERMIT', 'granted', { permitNo: 'WORK_PERMIT-1' }]], published: ['WORK_PERMIT:decided'] });
  });
});

describe('officer decisions', () => {
  const hrss = context('hrss', [passing('SOCIAL_INSURANCE'), passing('PROFESSIONAL_TITLE'), passing('E_SOCIAL_SECURITY_CARD')]);
  const workPermit = outcomes(granted('WORK_PERMIT', { permitNo: 'WP1' }));

  it('leaves a MANUAL_ITEMS item in review while the others are decided automatically', () => {
    const step = advanceReview(opened(hrss), workPermit, hrss);
    expect(step.items.map((i) => [i.code, i.status])).toEqual([
      ['SOCIAL_INSURANCE', 'granted'],
      ['PROFESSIONAL_TITLE', 'in_review'],
      ['E_SOCIAL_SECURITY_CARD', 'granted'],
    ]);
  });

  it('records who decided and when', () => {
    const state = { facts: exampleCaseFacts(), items: advanceReview(opened(hrss), workPermit, hrss).items };
    const step = decideByOfficer(state, workPermit, 'PROFESSIONAL_TITLE', { decision: 'approve' }, 'officer-7', hrss);
    expect(byCode(step.items, 'PROFESSIONAL_TITLE')).toMatchObject({ status: 'granted', decidedBy: { kind: 'officer', subject: 'officer-7' }, decidedAt: hrss.now });
    expect(step.notices).toEqual([expect.objectContaining({ kind: 'decided', decision: 'granted', decidedBy: { kind: 'officer', subject: 'officer-7' } })]);
  });

  it('refuses a decision before the prerequisites are granted, and on a final item', () => {
    const waiting = { facts: exampleCaseFacts(), items: advanceReview(opened(hrss), outcomes(), hrss).items };
    expect(() => decideByOfficer(waiting, outcomes(), 'PROFESSIONAL_TITLE', { decision: 'approve' }, 'o', hrss)).toThrow(
      expect.objectContaining({ code: 'not_ready', reason: message('refusal.prerequisites_not_granted', { item: 'PROFESSIONAL_TITLE', waitingFor: ['WORK_PERMIT'] }) }),
    );
    const decided = { facts: exampleCaseFacts(), items: advanceReview(opened(hrss), workPermit, hrss).items };
    expect(() => decideByOfficer(decided, workPermit, 'SOCIAL_INSURANCE', { decision: 'reject', reason: 'x' }, 'o', hrss)).toThrow(DecisionRefused);
  });

  it('works the result out again on the day an officer approves', () => {
    const dated: ItemPolicy = { code: 'PROFESSIONAL_TITLE', assess: (_, c) => ({ findings: [], flags: [], result: { validFrom: c.today } }) };
    const ctx = context('hrss', [passing('SOCIAL_INSURANCE'), dated, passing('E_SOCIAL_SECURITY_CARD')]);
    const state = { facts: exampleCaseFacts(), items: advanceReview(opened(ctx), workPermit, ctx).items };
    const step = decideByOfficer(state, workPermit, 'PROFESSIONAL_TITLE', { decision: 'approve' }, 'o', { ...ctx, today: '2026-12-07' });
    expect(byCode(step.items, 'PROFESSIONAL_TITLE').result).toEqual({ validFrom: '2026-12-07' });
  });

  it('allows one supplement request per item', () => {
    const state = { facts: exampleCaseFacts(), items: advanceReview(opened(hrss), workPermit, hrss).items };
    const asked = decideByOfficer(state, workPermit, 'PROFESSIONAL_TITLE', { decision: 'supplement', materials: ['ACHIEVEMENT_EVIDENCE'], reason: 'unreadable scan' }, 'o', hrss);
    expect(byCode(asked.items, 'PROFESSIONAL_TITLE')).toMatchObject({ status: 'awaiting_supplement', requestedMaterials: ['ACHIEVEMENT_EVIDENCE'] });
    const answered = supplementReview({ facts: state.facts, items: asked.items }, 'PROFESSIONAL_TITLE', [], hrss);
    expect(() => decideByOfficer({ facts: answered.facts, items: answered.step.items }, workPermit, 'PROFESSIONAL_TITLE', { decision: 'supplement', materials: ['PHOTO'] }, 'o', hrss)).toThrow(
      expect.objectContaining({ code: 'supplement_already_requested' }),
    );
  });

  it('hands an item whose rules throw to an officer instead of stalling the case', () => {
    const broken: ItemPolicy = { code: 'SOCIAL_INSURANCE', assess: () => { throw new Error('unknown education level'); } };
    const ctx = context('hrss', [broken, passing('PROFESSIONAL_TITLE'), passing('E_SOCIAL_SECURITY_CARD')]);
    const item = byCode(advanceReview(opened(ctx), workPermit, ctx).items, 'SOCIAL_INSURANCE');
    expect(item).toMatchObject({ status: 'in_review', assessment: { findings: [{ rule: 'rules_could_not_run', passed: false, message: enOf('unknown education level') }] } });
  });

  it('cannot approve an item whose rules could not work out a result', () => {
    const noResult: ItemPolicy = { code: 'SOCIAL_INSURANCE', assess: () => ({ findings: [{ rule: 'term', passed: false, message: asWritten('no term left') }], flags: [] }) };
    const ctx = context('hrss', [noResult, passing('PROFESSIONAL_TITLE'), passing('E_SOCIAL_SECURITY_CARD')]);
    const state = { facts: exampleCaseFacts(), items: advanceReview(opened(ctx), workPermit, ctx).items };
    expect(byCode(state.items, 'SOCIAL_INSURANCE').status).toBe('in_review');
    expect(() => decideByOfficer(state, workPermit, 'SOCIAL_INSURANCE', { decision: 'approve' }, 'o', ctx)).toThrow(expect.objectContaining({ message: expect.stringContaining('no term left'), reason: zhOf('规则无法得出许可结果（no term left）') }));
    const rejected = decideByOfficer(state, workPermit, 'SOCIAL_INSURANCE', { decision: 'reject', reason: 'no term left' }, 'o', ctx);
    expect(byCode(rejected.items, 'SOCIAL_INSURANCE')).toMatchObject({ status: 'rejected', reason: officerReason('no term left'), result: null });
  });
});

describe('supplements and withdrawal', () => {
  it('restarts the clock on the answer day, moving the due date by the days it stood still', () => {
    const materials = exampleMaterials().filter((m) => m.code !== 'PHOTO');
    const psb = context('psb', [passing('RESIDENCE_PERMIT')]);
    const asked = opened(psb, exampleCaseFacts({ materials }));
    // The work permit was granted on the day of submission: the clock started then, and stopped for the photo.
    const state = { ...asked, items: advanceReview(asked, outcomes(granted('WORK_PERMIT', {}, TODAY)), psb).items };
    const later = { ...psb, today: '2026-12-04' };
    const { facts, step } = supplementReview(state, 'RESIDENCE_PERMIT', [{ code: 'PHOTO', sha256: 'f'.repeat(64), fileName: 'photo.jpg', issuedAt: '2026-12-01' }], later);
    // 15 calendar days from 11-30 is 12-15; the clock stood still 12-01..12-04, so 4 days later.
    expect(step.items[0]).toMatchObject({ status: 'in_review', dueDate: '2026-12-19', stillMissing: [], pauses: [{ from: TODAY, to: '2026-12-04' }] });
    expect(facts.materials.filter((m) => m.code === 'PHOTO')).toEqual([expect.objectContaining({ fileName: 'photo.jpg' })]);
    expect(advanceReview({ facts, items: step.items }, outcomes(granted('WORK_PERMIT')), later).items[0].status).toBe('granted');
  });

  it('resumes every item here that waited only for the documents just supplied for another', () => {
    const approval = context('approval', [passing('WORK_PERMIT')]);
    const state = opened(approval, exampleCaseFacts({ materials: exampleMaterials().filter((m) => m.code !== 'PHOTO') }));
    expect(state.items[0]).toMatchObject({ code: 'WORK_PERMIT', status: 'awaiting_supplement', requestedMaterials: ['PHOTO'] });
    const photo = { code: 'PHOTO', sha256: 'f'.repeat(64), fileName: 'photo.jpg', issuedAt: '2026-11-30' };
    expect(supplementReview(state, 'RESIDENCE_PERMIT', [photo], approval).step.items[0]).toMatchObject({ status: 'in_review', dueDate: '2026-12-14' });
    expect(supplementReview(state, 'RESIDENCE_PERMIT', [{ ...photo, code: 'PASSPORT' }], approval).step.items[0].status).toBe('awaiting_supplement');
  });

  it('leaves an item with documents still missing after the supplement to an officer', () => {
    const psb = context('psb', [passing('RESIDENCE_PERMIT')]);
    const state = opened(psb, exampleCaseFacts({ materials: exampleMaterials().filter((m) => m.code !== 'PHOTO') }));
    const { facts, step } = supplementReview(state, 'RESIDENCE_PERMIT', [], psb);
    expect(advanceReview({ facts, items: step.items }, outcomes(granted('WORK_PERMIT')), psb).items[0]).toMatchObject({ status: 'in_review', stillMissing: ['PHOTO'] });
  });

  it('stops every item not yet final on withdrawal', () => {
    const hrss = context('hrss', [passing('SOCIAL_INSURANCE'), passing('PROFESSIONAL_TITLE'), passing('E_SOCIAL_SECURITY_CARD')]);
    const state = { facts: exampleCaseFacts({ items: FIVE_ITEMS }), items: advanceReview(opened(hrss), outcomes(granted('WORK_PERMIT')), hrss).items };
    const step = withdrawReview(state, message('review.withdrawn_by', { by: 'applicant' }));
    expect(step.items.map((i) => [i.code, i.status])).toEqual([
      ['SOCIAL_INSURANCE', 'granted'],
      ['PROFESSIONAL_TITLE', 'withdrawn'],
      ['E_SOCIAL_SECURITY_CARD', 'granted'],
    ]);
    expect(step.notices).toHaveLength(1);
  });
});

describe('joint review', () => {
  const hrss = context('hrss', [passing('SOCIAL_INSURANCE'), passing('PROFESSIONAL_TITLE'), passing('E_SOCIAL_SECURITY_CARD')]);
  const workPermit = outcomes(granted('WORK_PERMIT', { permitNo: 'WP1' }));
  const held = (status: 'open' | 'approved' | 'rejected', items = opened(hrss).items): CaseReviewState => ({ facts: exampleCaseFacts(), items, hold: { status, reason: officerReason('listed for visa fraud') } });

  it('decides nothing while the review is open, and refuses officers', () => {
    const step = advanceReview(held('open'), workPermit, hrss);
    expect(step.items.map((i) => i.status)).toEqual(['joint_review', 'joint_review', 'joint_review']);
    expect(step.notices.every((n) => n.kind === 'progressed' && n.status === 'joint_review')).toBe(true);
    expect(() => decideByOfficer({ ...held('open'), items: step.items }, workPermit, 'PROFESSIONAL_TITLE', { decision: 'approve' }, 'o', hrss)).toThrow(
      expect.objectContaining({ code: 'not_ready', message: expect.stringContaining('joint review'), reason: zhOf('联合研判') }),
    );
  });

  it('leaves every item of a listed applicant to an officer once the review approves the case (严格审批)', () => {
    const during = advanceReview(held('open'), workPermit, hrss).items;
    const after = advanceReview(held('approved', during), workPermit, hrss);
    expect(after.items.map((i) => [i.code, i.status])).toEqual([
      ['SOCIAL_INSURANCE', 'in_review'],
      ['PROFESSIONAL_TITLE', 'in_review'],
      ['E_SOCIAL_SECURITY_CARD', 'in_review'],
    ]);
    expect(after.notices.filter((n) => n.kind === 'decided')).toEqual([]);
    const approved = held('approved', after.items);
    for (const item of after.items) expect(officerReasons(item, hrss, approved.hold)).toContainEqual(message('review.listed_applicant'));

    const decided = decideByOfficer(approved, workPermit, 'SOCIAL_INSURANCE', { decision: 'approve' }, 'officer-3', hrss);
    expect(byCode(decided.items, 'SOCIAL_INSURANCE')).toMatchObject({ status: 'granted', decidedBy: { kind: 'officer', subject: 'officer-3' } });
    expect(byCode(decided.items, 'E_SOCIAL_SECURITY_CARD').status).toBe('in_review');
  });

  it('leaves a listed applicant’s items to an officer even when the approval arrives before the case', () => {
    const step = advanceReview(held('approved'), workPermit, hrss);
    expect(step.items.every((i) => i.status === 'in_review')).toBe(true);
  });


  it('ends every item not yet final with the reason when the review rejects the case', () => {
    const during = advanceReview(held('open'), workPermit, hrss).items;
    const after = advanceReview(held('rejected', during), workPermit, hrss);
    expect(after.items.every((i) => i.status === 'rejected' && render(i.reason!, 'en') === 'Rejected in the joint review: listed for visa fraud' && render(i.reason!, 'zh') === '联合研判未予通过：listed for visa fraud')).toBe(true);
    expect(after.outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});

describe(decisionReadiness.name, () => {
  const hrss = context('hrss', [passing('SOCIAL_INSURANCE'), passing('PROFESSIONAL_TITLE'), passing('E_SOCIAL_SECURITY_CARD')]);
  const workPermit = outcomes(granted('WORK_PERMIT', { permitNo: 'WP1' }));

  it('allows every decision on an item in review whose prerequisites are granted', () => {
    const state = { facts: exampleCaseFacts(), items: advanceReview(opened(hrss), workPermit, hrss).items };
    expect(decisionReadiness(state, workPermit, 'PROFESSIONAL_TITLE', hrss)).toEqual({ allowed: ['approve', 'reject', 'supplement'], refused: [], waitingFor: [] });
  });

  it('names the prerequisites an item waits for, and still allows asking for documents', () => {
    const state = { facts: exampleCaseFacts(), items: advanceReview(opened(hrss), outcomes(), hrss).items };
    expect(decisionReadiness(state, outcomes(), 'PROFESSIONAL_TITLE', hrss)).toEqual({
      allowed: ['supplement'],
      refused: [
        { decision: 'approve', code: 'not_ready', reason: message('refusal.prerequisites_not_granted', { item: 'PROFESSIONAL_TITLE', waitingFor: ['WORK_PERMIT'] }) },
        { decision: 'reject', code: 'not_ready', reason: message('refusal.prerequisites_not_granted', { item: 'PROFESSIONAL_TITLE', waitingFor: ['WORK_PERMIT'] }) },
      ],
      waitingFor: ['WORK_PERMIT'],
    });
  });

  it('allows nothing on a final item, and keeps nothing it tried', () => {
    const state = { facts: exampleCaseFacts(), items: advanceReview(opened(hrss), workPermit, hrss).items };
    const before = JSON.stringify(state);
    const readiness = decisionReadiness(state, workPermit, 'SOCIAL_INSURANCE', hrss);
    expect(readiness.allowed).toEqual([]);
    expect(readiness.refused.map((r) => r.code)).toEqual(['already_final', 'already_final', 'already_final']);
    expect(readiness.waitingFor).toEqual([]);
    decisionReadiness(state, workPermit, 'PROFESSIONAL_TITLE', hrss);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('allows nothing while a joint review holds the case', () => {
    const items = advanceReview({ facts: exampleCaseFacts(), items: opened(hrss).items, hold: { status: 'open', reason: officerReason('listed') } }, workPermit, hrss).items;
    const readiness = decisionReadiness({ facts: exampleCaseFacts(), items, hold: { status: 'open', reason: officerReason('listed') } }, workPermit, 'PROFESSIONAL_TITLE', hrss);
    expect(readiness.allowed).toEqual([]);
    expect(readiness.refused.every((r) => r.code === 'not_ready' && render(r.reason, 'en').includes('joint review') && render(r.reason, 'zh').includes('联合研判'))).toBe(true);
  });
});

describe('a change of talent category', () => {
  const CHANGE = [{ code: 'WORK_PERMIT', action: 'change' as const }];
  const change = (workPermitItem: string) => exampleCaseFacts({ items: CHANGE, patch: { 'change.workPermitItem': workPermitItem } });

  it('is classified by the Science and Technology Bureau like a first classification', () => {
    expect(openReview(change('category'), context('scitech', [])).items.map((i) => [i.code, i.action])).toEqual([['TALENT_CATEGORY', 'apply']]);
    expect(openReview(change('passportNo'), context('scitech', [])).items).toEqual([]);
  });

  it('waits for the new category before the work permit is changed', () => {
    const approval = context('approval', [passing('WORK_PERMIT')]);
    const facts = change('category');
    const waiting = advanceReview(opened(approval, facts), outcomes(granted('ABNORMAL_LIST_SCREENING')), approval);
    expect(waiting.items[0].status).toBe('pending');
    expect(decisionReadiness({ facts, items: waiting.items }, outcomes(granted('ABNORMAL_LIST_SCREENING')), 'WORK_PERMIT', approval).waitingFor).toEqual(['TALENT_CATEGORY']);
    const done = advanceReview({ facts, items: waiting.items }, outcomes(granted('ABNORMAL_LIST_SCREENING'), granted('TALENT_CATEGORY', { category: 'A' })), approval);
    expect(done.items[0].status).toBe('granted');
  });
});

describe('the statutory decision limit', () => {
  const approval = context('approval', [passing('WORK_PERMIT')]);
  const limit = (amount: number) => dueDate(TODAY, { amount, unit: 'working_days' }, [], { beyondCalendar: 'weekdays' });
  const workPermitOnly = () => exampleCaseFacts({ items: [{ code: 'WORK_PERMIT', action: 'issue' }] });

  it('gives the work permit 20 working days from acceptance besides the promised 10', () => {
    const [item] = openReview(workPermitOnly(), approval).items;
    expect(item).toMatchObject({ statutoryLimit: { amount: 20, unit: 'working_days' }, statutoryDueDate: limit(20), dueDate: limit(10), extension: null });
    expect(openReview(exampleCaseFacts(), context('psb', [])).items[0]).toMatchObject({ statutoryLimit: null, statutoryDueDate: null });
  });

  it('is extended once by 10 working days, with the reason, the extended limit becoming the due date', () => {
    const state = opened(approval, workPermitOnly());
    const step = extendDecisionLimit(state, 'WORK_PERMIT', 'the quota office must confirm the category', 'officer-1', { ...approval, today: '2026-12-10' });
    expect(step.items[0]).toMatchObject({
      statutoryDueDate: limit(30),
      dueDate: limit(30),
      extension: { amount: 10, reason: 'the quota office must confirm the category', by: 'officer-1', on: '2026-12-10' },
    });
    expect(step.notices).toEqual([
      expect.objectContaining({ kind: 'progressed', code: 'WORK_PERMIT', status: 'in_review', deadlineExtended: true, dueDate: limit(30), statutoryDueDate: limit(30), reason: zhOf('法定决定期限延长10个工作日') }),
    ]);
    expect(() => extendDecisionLimit({ ...state, items: step.items }, 'WORK_PERMIT', 'again', 'officer-1', approval)).toThrow(expect.objectContaining({ code: 'already_extended' }));
  });

  it('is not extended once it has run out, nor on an item without one, nor on a final item', () => {
    const state = opened(approval, workPermitOnly());
    const dayAfter = dueDate(limit(20)!, { amount: 1, unit: 'calendar_days' })!;
    expect(() => extendDecisionLimit(state, 'WORK_PERMIT', 'late', 'o', { ...approval, today: dayAfter })).toThrow(expect.objectContaining({ code: 'limit_passed', reason: zhOf(limit(20)!) }));
    expect(extendDecisionLimit(state, 'WORK_PERMIT', 'on the last day', 'o', { ...approval, today: limit(20)! }).items[0].extension).not.toBeNull();

    const psb = context('psb', []);
    expect(() => extendDecisionLimit(opened(psb), 'RESIDENCE_PERMIT', 'more time', 'o', psb)).toThrow(expect.objectContaining({ code: 'not_extendable' }));
    const decided = advanceReview(state, outcomes(granted('TALENT_CATEGORY'), granted('ABNORMAL_LIST_SCREENING')), approval);
    expect(() => extendDecisionLimit({ ...state, items: decided.items }, 'WORK_PERMIT', 'more time', 'o', approval)).toThrow(expect.objectContaining({ code: 'already_final' }));
  });

  it('stops while the applicant supplies documents, like the promised limit', () => {
    const facts = exampleCaseFacts({ items: [{ code: 'WORK_PERMIT', action: 'issue' }], materials: exampleMaterials([{ code: 'WORK_PERMIT', action: 'issue' }]).filter((m) => m.code !== 'PHOTO') });
    const [asked] = openReview(facts, approval).items;
    expect(asked).toMatchObject({ status: 'awaiting_supplement', statutoryDueDate: null });
    const photo = { code: 'PHOTO', sha256: 'f'.repeat(64), fileName: 'photo.jpg', issuedAt: TODAY };
    const resumed = supplementReview({ facts, items: [asked] }, 'WORK_PERMIT', [photo], { ...approval, today: '2026-12-02' }).step.items[0];
    expect(resumed.statutoryDueDate).toBe(dueDate(TODAY, { amount: 20, unit: 'working_days' }, [{ from: TODAY, to: '2026-12-02' }], { beyondCalendar: 'weekdays' }));
  });
});
