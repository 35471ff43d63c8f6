import { conflictsOf } from './record-conflicts';
import type { RecordFieldValue, Trust } from './record-field';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute));
const offer = (path: string, value: string, minute: number, trust: Trust = 'verified'): RecordFieldValue => ({
  path,
  value,
  source: 'portal.case.submitted',
  sourceCaseId: `case-${minute}`,
  sourceEventId: `e${minute}`,
  updatedAt: at(minute),
  trust,
  offeredBy: trust === 'verified' ? 'applicant' : 'employer',
});

describe(conflictsOf.name, () => {
  const kept = offer('employment.position', 'lead engineer', 5);

  it('shows a later unverified offer that says something else, beside the value kept', () => {
    const intern = offer('employment.position', 'intern', 9, 'unverified');
    expect(conflictsOf([kept], [kept, intern])).toEqual([{ path: 'employment.position', kept, offered: intern }]);
  });

  it('shows only the latest unverified offer of a path', () => {
    const trainee = offer('employment.position', 'trainee', 7, 'unverified');
    const intern = offer('employment.position', 'intern', 9, 'unverified');
    expect(conflictsOf([kept], [intern, kept, trainee]).map((c) => c.offered)).toEqual([intern]);
  });

  it('is no conflict when the unverified offer agrees, is older than the kept value, or is itself kept', () => {
    expect(conflictsOf([kept], [offer('employment.position', 'lead engineer', 9, 'unverified')])).toEqual([]);
    expect(conflictsOf([kept], [offer('employment.position', 'intern', 3, 'unverified')])).toEqual([]);
    const unverifiedKept = offer('applicant.phone', '+86 1', 4, 'unverified');
    expect(conflictsOf([unverifiedKept], [unverifiedKept, offer('applicant.phone', '+86 2', 2, 'unverified')])).toEqual([]);
  });

  it('is no conflict when a verified offer differs: the later verified value is simply kept', () => {
    expect(conflictsOf([kept], [offer('employment.position', 'engineer', 1), kept])).toEqual([]);
  });
});
