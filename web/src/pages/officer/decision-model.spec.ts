import { ApiError } from '../../api/http';
import { decisionBodyOf, decisionProblemsOf, noDecisionPossible, refusalOf, serverRefusalOf } from './decision-model';

describe(decisionProblemsOf.name, () => {
  it('asks for a decision first', () => {
    expect(decisionProblemsOf({ reason: '', materials: [] })).toEqual({ decision: 'decide.chooseDecision' });
  });

  it('lets an approval go without a reason', () => {
    expect(decisionProblemsOf({ decision: 'approve', reason: '', materials: [] })).toEqual({});
  });

  it('asks a rejection for its reason (blank is no reason)', () => {
    expect(decisionProblemsOf({ decision: 'reject', reason: '   ', materials: [] })).toEqual({ reason: 'decide.reasonRequired' });
  });

  it('asks a supplement request for its reason and at least one document', () => {
    expect(decisionProblemsOf({ decision: 'supplement', reason: '', materials: [] })).toEqual({ reason: 'decide.reasonRequired', materials: 'decide.materialsRequired' });
    expect(decisionProblemsOf({ decision: 'supplement', reason: 'unreadable scan', materials: ['PASSPORT'] })).toEqual({});
  });
});

describe(decisionBodyOf.name, () => {
  it('sends the trimmed reason when given and the documents only for a supplement request', () => {
    expect(decisionBodyOf({ decision: 'approve', reason: '  ', materials: ['PASSPORT'] })).toEqual({ decision: 'approve' });
    expect(decisionBodyOf({ decision: 'reject', reason: ' too young ', materials: ['PASSPORT'] })).toEqual({ decision: 'reject', reason: 'too young' });
    expect(decisionBodyOf({ decision: 'supplement', reason: 'scan', materials: ['PASSPORT'] })).toEqual({ decision: 'supplement', reason: 'scan', materials: ['PASSPORT'] });
  });
});

describe(refusalOf.name, () => {
  const readiness = {
    allowed: ['reject' as const],
    refused: [{ decision: 'approve' as const, code: 'not_ready', reason: 'WORK_PERMIT is not granted yet' }],
    waitingFor: ['WORK_PERMIT'],
  };

  it('gives the reason a decision would be refused, and nothing for an allowed one', () => {
    expect(refusalOf(readiness, 'approve')).toBe('WORK_PERMIT is not granted yet');
    expect(refusalOf(readiness, 'reject')).toBeUndefined();
    expect(refusalOf(readiness, 'supplement')).toBe('');
  });

  it('refuses nothing when the server did not say', () => {
    expect(refusalOf(undefined, 'approve')).toBeUndefined();
    expect(noDecisionPossible(undefined)).toBe(false);
    expect(noDecisionPossible({ allowed: [], refused: [], waitingFor: [] })).toBe(true);
  });
});

describe(serverRefusalOf.name, () => {
  it('puts a 400’s field messages at their controls', () => {
    const error = new ApiError(400, 'validation_failed', 'invalid request', [
      { field: 'reason', message: 'reason is required' },
      { field: 'materials.0', message: 'must be a material code' },
    ]);
    expect(serverRefusalOf(error, ['decision', 'reason', 'materials'])).toEqual({ fields: { reason: 'reason is required', materials: 'must be a material code' } });
  });

  it('puts a 409’s reason, and a detail no control owns, at the form', () => {
    expect(serverRefusalOf(new ApiError(409, 'not_ready', 'PROFESSIONAL_TITLE waits for the joint review'), ['reason'])).toEqual({ form: 'PROFESSIONAL_TITLE waits for the joint review', fields: {} });
    expect(serverRefusalOf(new ApiError(400, 'validation_failed', 'invalid request', [{ field: 'signedBy', message: 'unknown field' }]), ['reason'])).toEqual({
      form: 'invalid request — signedBy: unknown field',
      fields: {},
    });
  });

  it('reads a network failure as the form’s message', () => {
    expect(serverRefusalOf(new TypeError('Failed to fetch'), ['reason'])).toEqual({ form: 'Failed to fetch', fields: {} });
  });
});
