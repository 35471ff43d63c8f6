import { CaseDraft } from './case-draft.entity';
import { expiryCutoff, toDraftSummary, toDraftView } from './draft-view';

const draft = (content: Record<string, unknown>): CaseDraft =>
  Object.assign(new CaseDraft(), {
    draftId: 'd1',
    ownerKind: 'applicant',
    ownerKey: 'id-A',
    createdBySubject: 's',
    content,
    version: 2,
    createdAt: new Date('2026-09-01T00:00:00Z'),
    updatedAt: new Date('2026-09-10T00:00:00Z'),
  });

describe(toDraftSummary.name, () => {
  it('says what the draft is for and when it expires, without its content', () => {
    const summary = toDraftSummary(draft({ items: [{ code: 'WORK_PERMIT', action: 'issue' }, { code: 1 }], applicant: { surname: 'SMITH', givenNames: 'John', passportNo: 'P1' } }), 90);
    expect(summary).toEqual({
      draftId: 'd1',
      version: 2,
      items: [{ code: 'WORK_PERMIT', action: 'issue' }],
      applicantName: 'SMITH John',
      createdAt: '2026-09-01T00:00:00.000Z',
      updatedAt: '2026-09-10T00:00:00.000Z',
      expiresAt: '2026-12-09T00:00:00.000Z',
    });
    expect(summary).not.toHaveProperty('content');
    expect(toDraftSummary(draft({}), 90)).toMatchObject({ items: [], applicantName: null });
  });
});

describe(toDraftView.name, () => {
  it('gives each problem in the request’s language with both beside it', () => {
    const view = toDraftView(draft({}), 90, [{ field: 'applicant.surname', message: '必填', messages: { zh: '必填', en: 'required' } }], 'en');
    expect(view.problems).toEqual([{ field: 'applicant.surname', message: 'required', messages: { zh: '必填', en: 'required' } }]);
    expect(view.content).toEqual({});
  });
});

describe(expiryCutoff.name, () => {
  it('is the given number of days before now', () => {
    expect(expiryCutoff(new Date('2026-12-09T00:00:00Z'), 90).toISOString()).toBe('2026-09-10T00:00:00.000Z');
  });
});
