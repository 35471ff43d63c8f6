import { ApiError } from '../../api/http';
import type { SharedRecord } from '../../api/types';
import { permitDetailsOf, purposeHeaderOf, recordFailureOf, recordFieldRowsOf } from './shared-record-model';

describe(purposeHeaderOf.name, () => {
  it('sends a plain purpose as typed, trimmed', () => {
    expect(purposeHeaderOf('  review of case 42 ')).toBe('review of case 42');
  });

  it('percent-encodes a purpose a header cannot carry (Chinese)', () => {
    const header = purposeHeaderOf('审查工作许可');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeURIComponent(header)).toBe('审查工作许可');
  });
});

describe(recordFailureOf.name, () => {
  it('tells a missing purpose, a refused scope and an unknown person apart', () => {
    expect(recordFailureOf(new ApiError(400, 'purpose_required', 'header X-Purpose is required', [{ field: 'X-Purpose', message: 'required' }]))).toBe('purpose');
    expect(recordFailureOf(new ApiError(400, 'validation_failed', 'bad', [{ field: 'passportNo', message: 'must be a passport number' }]))).toBe('badRequest');
    expect(recordFailureOf(new ApiError(403, 'forbidden', 'no'))).toBe('forbidden');
    expect(recordFailureOf(new ApiError(404, 'record_not_found', 'none'))).toBe('notFound');
    expect(recordFailureOf(new ApiError(401, 'unauthorized', 'expired'))).toBe('signedOut');
    expect(recordFailureOf(new TypeError('Failed to fetch'))).toBe('other');
  });
});

const record: SharedRecord = {
  applicantId: 'ap_1',
  fields: {
    'materials.PASSPORT': { value: 'abc.pdf', source: 'portal.case.submitted', sourceCaseId: 'c1', updatedAt: '2026-11-30T02:00:00.000Z', trust: 'verified', offeredBy: 'applicant' },
    'applicant.sex': { value: 'F', source: 'portal.case.submitted', sourceCaseId: 'c1', updatedAt: '2026-11-30T02:00:00.000Z', trust: 'verified', offeredBy: 'applicant' },
  },
  conflicts: [],
  permits: [{ item: 'WORK_PERMIT', caseId: 'c1', action: 'issue', agency: 'approval', status: 'granted', reason: null, source: 'approval.item.decided', updatedAt: '2026-12-01T00:00:00.000Z', permitNo: 'WP1' }],
  history: [],
  released: ['applicant.sex', 'materials.PASSPORT', 'permits.WORK_PERMIT'],
};

describe(recordFieldRowsOf.name, () => {
  it('labels fields as the form does, documents by name, and keeps the provenance', () => {
    const rows = recordFieldRowsOf(record, { 'applicant.sex': { label: 'Sex', options: { F: 'Female' } } }, (code) => (code === 'PASSPORT' ? 'Passport' : code));
    expect(rows).toEqual([
      { key: 'applicant.sex', label: 'Sex', value: 'Female', source: 'portal.case.submitted', sourceCaseId: 'c1', updatedAt: '2026-11-30T02:00:00.000Z' },
      { key: 'materials.PASSPORT', label: 'Passport', value: 'abc.pdf', source: 'portal.case.submitted', sourceCaseId: 'c1', updatedAt: '2026-11-30T02:00:00.000Z' },
    ]);
  });
});

describe(permitDetailsOf.name, () => {
  it('keeps only the permit’s own details', () => {
    expect(permitDetailsOf(record.permits[0])).toEqual({ permitNo: 'WP1' });
  });
});
