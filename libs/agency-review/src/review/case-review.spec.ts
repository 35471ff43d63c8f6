import { getCatalogue } from '@work-permit/catalogue';
import type { ItemPolicy, PrerequisiteOutcome } from '../policy/item-policy';
import { EXAMPLE_SUBMITTED_ON, exampleCaseFacts, exampleMaterials, FIVE_ITEMS } from '../testing/case-facts';
import { advanceReview, decideByOfficer, DecisionRefused, decisionReadiness, openReview, supplementReview, withdrawReview } from './case-review';
import type { CaseReviewState, ReviewContext, ReviewItem } from './review-model';

const catalogue = getCatalogue('2026.1');
const TODAY = EXAMPLE_SUBMITTED_ON; // 2026-11-30, a Monday

const passing = (code: string, result = { permitNo: `${code}-1` }): ItemPolicy => ({ code, assess: () => ({ findings: [{ rule: 'ok', passed: true, message: 'fine' }], flags: [], result }) });

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

const granted = (code: string, result = {}): PrerequisiteOutcome => ({ code, status: 'granted', result });
const outcomes = (...list: PrerequisiteOutcome[]) => new Map(list.map((o) => [o.code, o]));
const byCode = (items: ReviewItem[], code: string) => items.find((i) => i.code === code)!;

function opened(ctx: ReviewContext, facts = exampleCaseFacts()): CaseReviewState {
  return { facts, items: openReview(facts, ctx).items };
}

describe('pre-review at submission', () => {
  it('opens every item of the agency in review with its due date, before any prerequisite is decided', () => {
    const step = openReview(exampleCaseFacts(), context('hrss', []));
    expect(step.items.map((i) => [i.code, i.status, i.dueDate])).toEqual([
      ['SOCIAL_INSURANCE', 'in_review', '2026-12-07'],
      ['PROFESSIONAL_TITLE', 'in_review', '2027-02-22'],
      ['E_SOCIAL_SECURITY_CARD', 'in_review', '2026-12-01'],
    ]);
    expect(byCode(step.items, 'PROFESSIONAL_TITLE').dueDateProvisional).toBe(true);
    expect(step.notices.map((n) => [n.kind, n.code])).toEqual([
      ['progressed', 'SOCIAL_INSURANCE'],
      ['progressed', 'PROFESSIONAL_TITLE'],
      ['progressed', 'E_SOCIAL_SECURITY_CARD'],
    ]);
  });

  it('counts the residence permit in calendar days', () => {
    expect(openReview(exampleCaseFacts(), context('psb', [])).items[0]).toMatchObject({ code: 'RESIDENCE_PERMIT', dueDate: '2026-12-15', timeLimit: { amount: 15, unit: 'calendar_days' } });
  });

  it('reviews the steps a work permit needs at the agency that owns them', () => {
    expect(openReview(exampleCaseFacts(), context('scitech', [])).items.map((i) => i.code)).toEqual(['TALENT_CATEGORY']);
  });

  it('asks for every missing document at once and stops the clock', () => {
    const materials = exampleMaterials().filter((m) => !['PHOTO', 'ACCOMMODATION_REGISTRATION'].includes(m.code));
    const step = openReview(exampleCaseFacts({ materials }), context('psb', []));
    expect(step.items[0]).toMatchObject({ status: 'awaiting_supplement', requestedMaterials: ['PHOTO', 'ACCOMMODATION_REGISTRATION'], dueDate: null, pauses: [{ from: TODAY, to: null }] });
    expect(step.notices.at(-1)).toMatchObject({ status: 'awaiting_supplement', reason: expect.stringMatching(/photo/i) });
  });
});

describe('prerequisites', () => {
  const psb = context('psb', [passing('RESIDENCE_PERMIT')]);

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
    const step = advanceReview(opened(psb), outcomes({ code: 'WORK_PERMIT', status: 'rejected', reason: 'over the age limit', result: {} }), psb);
    expect(step.items[0]).toMatchObject({ status: 'terminated', reason: 'Foreigner’s work permit was rejected: over the age limit' });
  });

  it('does not wait for a step the action does not run', () => {
    const approval = context('approval', [passing('WORK_PERMIT')]);
    const facts = exampleCaseFacts({ items: [{ code: 'WORK_PERMIT', action: 'change' }] });
    expect(advanceReview(opened(approval, facts), outcomes(granted('ABNORMAL_LIST_SCREENING')), approval).items[0].status).toBe('granted');
  });

  it('terminates a dependant still waiting for documents when its prerequisite is rejected', () => {
    const state = opened(psb, exampleCaseFacts({ materials: exampleMaterials().filter((m) => m.code !== 'PHOTO') }));
    expect(state.items[0].status).toBe('awaiting_supplement');
    const step = advanceReview(state, outcomes({ code: 'WORK_PERMIT', status: 'rejected', reason: 'no quota', result: {} }), psb);
    expect(step.items[0]).toMatchObject({ status: 'terminated', reason: expect.stringContaining('no quota') });
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
      expect.objectContaining({ code: 'not_ready', message: expect.stringContaining('WORK_PERMIT') }),
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
    expect(item).toMatchObject({ status: 'in_review', assessment: { findings: [{ rule: 'rules_could_not_run', passed: false, message: expect.stringContaining('unknown education level') }] } });
  });

  it('cannot approve an item whose rules could not work out a result', () => {
    const noResult: ItemPolicy = { code: 'SOCIAL_INSURANCE', assess: () => ({ findings: [{ rule: 'term', passed: false, message: 'no term left' }], flags: [] }) };
    const ctx = context('hrss', [noResult, passing('PROFESSIONAL_TITLE'), passing('E_SOCIAL_SECURITY_CARD')]);
    const state = { facts: exampleCaseFacts(), items: advanceReview(opened(ctx), workPermit, ctx).items };
    expect(byCode(state.items, 'SOCIAL_INSURANCE').status).toBe('in_review');
    expect(() => decideByOfficer(state, workPermit, 'SOCIAL_INSURANCE', { decision: 'approve' }, 'o', ctx)).toThrow(expect.objectContaining({ message: expect.stringContaining('no term left') }));
    const rejected = decideByOfficer(state, workPermit, 'SOCIAL_INSURANCE', { decision: 'reject', reason: 'no term left' }, 'o', ctx);
    expect(byCode(rejected.items, 'SOCIAL_INSURANCE')).toMatchObject({ status: 'rejected', reason: 'no term left', result: null });
  });
});

describe('supplements and withdrawal', () => {
  it('restarts the clock on the answer day, moving the due date by the days it stood still', () => {
    const materials = exampleMaterials().filter((m) => m.code !== 'PHOTO');
    const psb = context('psb', [passing('RESIDENCE_PERMIT')]);
    const state = opened(psb, exampleCaseFacts({ materials }));
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
    const step = withdrawReview(state, 'withdrawn by the applicant');
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
  const held = (status: 'open' | 'approved' | 'rejected', items = opened(hrss).items): CaseReviewState => ({ facts: exampleCaseFacts(), items, hold: { status, reason: 'listed for visa fraud' } });

  it('decides nothing while the review is open, and refuses officers', () => {
    const step = advanceReview(held('open'), workPermit, hrss);
    expect(step.items.map((i) => i.status)).toEqual(['joint_review', 'joint_review', 'joint_review']);
    expect(step.notices.every((n) => n.kind === 'progressed' && n.status === 'joint_review')).toBe(true);
    expect(() => decideByOfficer({ ...held('open'), items: step.items }, workPermit, 'PROFESSIONAL_TITLE', { decision: 'approve' }, 'o', hrss)).toThrow(
      expect.objectContaining({ code: 'not_ready', message: expect.stringContaining('joint review') }),
    );
  });

  it('goes on as usual once the review approves the case', () => {
    const during = advanceReview(held('open'), workPermit, hrss).items;
    const after = advanceReview(held('approved', during), workPermit, hrss);
    expect(after.items.map((i) => [i.code, i.status])).toEqual([
      ['SOCIAL_INSURANCE', 'granted'],
      ['PROFESSIONAL_TITLE', 'in_review'],
      ['E_SOCIAL_SECURITY_CARD', 'granted'],
    ]);
  });

  it('ends every item not yet final with the reason when the review rejects the case', () => {
    const during = advanceReview(held('open'), workPermit, hrss).items;
    const after = advanceReview(held('rejected', during), workPermit, hrss);
    expect(after.items.every((i) => i.status === 'rejected' && i.reason === 'Rejected in the joint review: listed for visa fraud')).toBe(true);
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
        { decision: 'approve', code: 'not_ready', reason: expect.stringContaining('WORK_PERMIT') },
        { decision: 'reject', code: 'not_ready', reason: expect.stringContaining('WORK_PERMIT') },
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
    const items = advanceReview({ facts: exampleCaseFacts(), items: opened(hrss).items, hold: { status: 'open', reason: 'listed' } }, workPermit, hrss).items;
    const readiness = decisionReadiness({ facts: exampleCaseFacts(), items, hold: { status: 'open', reason: 'listed' } }, workPermit, 'PROFESSIONAL_TITLE', hrss);
    expect(readiness.allowed).toEqual([]);
    expect(readiness.refused.every((r) => r.code === 'not_ready' && r.reason.includes('joint review'))).toBe(true);
  });
});
