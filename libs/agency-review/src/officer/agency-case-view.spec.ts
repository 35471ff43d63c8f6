import { asWritten, getCatalogue, officerReason } from '@work-permit/catalogue';
import type { ItemPolicy, PrerequisiteOutcome } from '../policy/item-policy';
import { advanceReview, openReview } from '../review/case-review';
import type { ReviewContext } from '../review/review-model';
import { EXAMPLE_SUBMITTED_ON, exampleCaseFacts } from '../testing/case-facts';
import { agencyCaseViewOf } from './agency-case-view';

const passing = (code: string): ItemPolicy => ({ code, assess: () => ({ findings: [{ rule: 'ok', passed: true, message: asWritten('fine') }], flags: [], result: { permitNo: `${code}-1` } }) });

const hrss: ReviewContext = {
  catalogue: getCatalogue('2026.1'),
  agency: 'hrss',
  policies: new Map([passing('SOCIAL_INSURANCE'), passing('PROFESSIONAL_TITLE'), passing('E_SOCIAL_SECURITY_CARD')].map((p) => [p.code, p])),
  manualItems: new Set(['PROFESSIONAL_TITLE']),
  today: EXAMPLE_SUBMITTED_ON,
  now: new Date('2026-11-30T02:00:00Z'),
};

describe(agencyCaseViewOf.name, () => {
  const facts = exampleCaseFacts();
  const workPermit = new Map([['WORK_PERMIT', { code: 'WORK_PERMIT', status: 'granted' as const, result: { permitNo: 'WP1' } }]]);
  const items = advanceReview({ facts, items: openReview(facts, hrss).items }, workPermit, hrss).items;
  const view = agencyCaseViewOf({ facts, items: items.map((item) => ({ item, overdueAnnounced: false })), known: workPermit }, hrss, 'zh');

  it('shows the applicant, employer and employment the agency holds, passport and nationality included', () => {
    expect(view).toMatchObject({ caseId: facts.caseId, agency: 'hrss', applicantId: facts.applicantId, submittedOn: EXAMPLE_SUBMITTED_ON, chosenItems: facts.items });
    expect(view.applicant).toEqual(facts.body.applicant);
    expect(view.applicant).toMatchObject({ passportNo: expect.any(String), nationality: expect.any(String) });
    expect(view.employer).toEqual(facts.body.employer);
    expect(view.employment).toEqual(facts.body.employment);
    expect(view.otherSections).not.toHaveProperty('applicant');
    expect(view.otherSections).not.toHaveProperty('employer');
  });

  it('lists the documents on file with code, hash, file name and issue date only', () => {
    expect(view.materials).toHaveLength(facts.materials.length);
    expect(Object.keys(view.materials[0]).sort()).toEqual(['code', 'fileName', 'issuedAt', 'sha256']);
  });

  it('gives each item its status and what a decision on it would need', () => {
    expect(view.items.map((i) => [i.code, i.status, i.decision.allowed])).toEqual([
      ['SOCIAL_INSURANCE', 'granted', []],
      ['PROFESSIONAL_TITLE', 'in_review', ['approve', 'reject', 'supplement']],
      ['E_SOCIAL_SECURITY_CARD', 'granted', []],
    ]);
    expect(view.items.find((i) => i.code === 'PROFESSIONAL_TITLE')).toMatchObject({ awaitingOfficer: ['该事项由工作人员决定（事项目录 manualByDefault 或 MANUAL_ITEMS）'], decidedBy: null, overdue: false });
    expect(view.items.find((i) => i.code === 'SOCIAL_INSURANCE')).toMatchObject({ decidedBy: { kind: 'automatic' }, decidedAt: hrss.now.toISOString(), result: { permitNo: 'SOCIAL_INSURANCE-1' } });
  });

  it('lists the outcomes known here and no joint review', () => {
    expect(view.knownOutcomes).toEqual([{ code: 'WORK_PERMIT', status: 'granted', reason: null, reasons: null }]);
    expect(view).toMatchObject({ heldByJointReview: false, jointReview: null });
  });

  it("lists no outcome the agency's data scope does not release, kept before the agency kept only those", () => {
    const residence = { code: 'RESIDENCE_PERMIT', status: 'rejected' as const, reason: officerReason('a reason HR never sees'), result: {} };
    const known = new Map<string, PrerequisiteOutcome>([...workPermit, ['RESIDENCE_PERMIT', residence]]);
    const shown = agencyCaseViewOf({ facts, items: items.map((item) => ({ item, overdueAnnounced: false })), known }, hrss, 'zh');
    expect(shown.knownOutcomes.map((outcome) => outcome.code)).toEqual(['WORK_PERMIT']);
  });

  it('says why every item of a listed applicant waits for an officer once the joint review approved', () => {
    const hold = { status: 'approved' as const, reason: officerReason('entry concerns a different person') };
    const listed = advanceReview({ facts, items: openReview(facts, hrss).items, hold }, workPermit, hrss).items;
    const approved = agencyCaseViewOf({ facts, items: listed.map((item) => ({ item, overdueAnnounced: false })), hold, known: workPermit }, hrss, 'zh');
    for (const item of approved.items) expect(item).toMatchObject({ status: 'in_review', awaitingOfficer: expect.arrayContaining([expect.stringContaining('严格审批')]) });
  });

  it('says when a joint review holds the case', () => {
    const hold = { status: 'open' as const, reason: officerReason('listed') };
    const held = agencyCaseViewOf({ facts, items: items.map((item) => ({ item, overdueAnnounced: false })), hold, known: workPermit }, hrss, 'zh');
    expect(held).toMatchObject({ heldByJointReview: true, jointReview: { status: 'open', reason: 'listed', reasons: { zh: 'listed', en: 'listed' } } });
  });

  it('renders every reason in the reader’s language: Chinese by default, English on request', () => {
    const inEnglish = agencyCaseViewOf({ facts, items: items.map((item) => ({ item, overdueAnnounced: false })), known: workPermit }, hrss, 'en');
    expect(inEnglish.items.find((i) => i.code === 'PROFESSIONAL_TITLE')).toMatchObject({ awaitingOfficer: ['decided by an officer (the catalogue’s manualByDefault or MANUAL_ITEMS)'] });
    expect(inEnglish.items[0].findings[0]).toEqual({ rule: 'ok', passed: true, message: 'fine', messages: { zh: 'fine', en: 'fine' } });
  });
});
