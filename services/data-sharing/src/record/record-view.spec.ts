import type { RecordFieldValue, Trust } from './record-field';
import type { RecordFieldRow, RecordOfferRow } from './record.entities';
import { releaseRecord } from './record-view';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute));
const value = (path: string, v: string | object, minute: number, trust: Trust): RecordFieldValue => ({
  path,
  value: v,
  source: 'portal.case.submitted',
  sourceCaseId: `case-${minute}`,
  sourceEventId: `e${minute}`,
  updatedAt: at(minute),
  trust,
  offeredBy: trust === 'verified' ? 'applicant' : 'employer',
});
const row = (field: RecordFieldValue) => ({ ...field, applicantId: 'ap_1' }) as RecordFieldRow & RecordOfferRow;

describe(releaseRecord.name, () => {
  const kept = [value('employment.position', 'engineer', 1, 'verified'), value('materials.NO_CRIMINAL_RECORD', { sha256: 'a' }, 1, 'verified')];
  const offered = [value('employment.position', 'intern', 5, 'unverified'), value('materials.NO_CRIMINAL_RECORD', { sha256: 'b' }, 5, 'unverified')];
  const rows = { applicantId: 'ap_1', fields: kept.map(row), offers: [...kept, ...offered].map(row), permits: [], changes: [] };

  it("shows each released field with its trust, and only the released keys' conflicts", () => {
    const record = releaseRecord(rows, (key) => key.startsWith('employment.'));
    expect(record.fields['employment.position']).toEqual({ value: 'engineer', source: 'portal.case.submitted', sourceCaseId: 'case-1', updatedAt: at(1).toISOString(), trust: 'verified', offeredBy: 'applicant' });
    expect(record.conflicts).toEqual([
      { path: 'employment.position', kept: expect.objectContaining({ value: 'engineer' }), offered: expect.objectContaining({ value: 'intern', trust: 'unverified', offeredBy: 'employer', sourceCaseId: 'case-5' }) },
    ]);
    expect(record.released).toEqual(['employment.position']);
  });

  it('shows a document conflict to a reader whose scope releases the document', () => {
    expect(releaseRecord(rows, () => true).conflicts.map((c) => c.path)).toEqual(['employment.position', 'materials.NO_CRIMINAL_RECORD']);
  });
});
