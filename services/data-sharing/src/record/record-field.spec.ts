import { isPrefillable, mergeFields, type RecordFieldValue } from './record-field';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute));
const field = (path: string, value: string, minute: number, eventId = `e${minute}`): RecordFieldValue => ({
  path,
  value,
  source: 'portal.case.submitted',
  sourceCaseId: `case-${minute}`,
  sourceEventId: eventId,
  updatedAt: at(minute),
});

describe(mergeFields.name, () => {
  it('takes new values and records the change from the old one', () => {
    const { written, changes } = mergeFields([field('employment.position', 'engineer', 1)], [field('employment.position', 'lead engineer', 2), field('applicant.sex', 'F', 2)]);
    expect(written.map((f) => f.path)).toEqual(['employment.position', 'applicant.sex']);
    expect(changes).toEqual([
      expect.objectContaining({ subject: 'employment.position', oldValue: 'engineer', newValue: 'lead engineer', caseId: 'case-2', occurredAt: at(2) }),
      expect.objectContaining({ subject: 'applicant.sex', oldValue: null, newValue: 'F' }),
    ]);
  });

  it('ignores a value older than the current one, whatever order they arrive in', () => {
    const newer = field('employment.position', 'lead engineer', 5);
    const older = field('employment.position', 'engineer', 3);
    expect(mergeFields([newer], [older])).toEqual({ written: [], changes: [] });
    const inOrder = mergeFields([older], [newer]).written;
    expect(inOrder).toEqual([newer]);
  });

  it('breaks a tie of times by event id, so every replica agrees', () => {
    const a = field('applicant.email', 'a@example.com', 4, 'a');
    const b = field('applicant.email', 'b@example.com', 4, 'b');
    expect(mergeFields([a], [b]).written).toEqual([b]);
    expect(mergeFields([b], [a]).written).toEqual([]);
  });

  it('moves the provenance to a later confirmation of the same value without a history entry', () => {
    const { written, changes } = mergeFields([field('employer.name', 'ACME', 1)], [field('employer.name', 'ACME', 2)]);
    expect(written).toEqual([field('employer.name', 'ACME', 2)]);
    expect(changes).toEqual([]);
  });

  it('pre-fills identity, contact, employer, employment and holdings, not materials', () => {
    expect(['applicant.passportNo', 'employer.uscc', 'employment.position', 'holdings.workPermitNo'].every(isPrefillable)).toBe(true);
    expect(isPrefillable('materials.NO_CRIMINAL_RECORD')).toBe(false);
  });
});
