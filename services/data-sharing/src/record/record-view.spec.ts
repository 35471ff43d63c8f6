import type { RecordFieldValue, Trust } from './record-field';
import type { RecordFieldRow, RecordOfferRow, RecordPermitCancellationRow, RecordPermitRow } from './record.entities';
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

describe('releaseRecord of a cancelled permit', () => {
  const permit = { caseId: 'c1', item: 'WORK_PERMIT', action: 'issue', agency: 'approval', status: 'granted', details: { permitNo: 'WP-1', validTo: '2028-02-28' }, reason: null, source: 'approval.item.decided', sourceEventId: 'e1', updatedAt: at(1) } as RecordPermitRow;
  const cancellation = { caseId: 'c1', item: 'WORK_PERMIT', permitNo: 'WP-1', cancelledOn: '2026-12-06', ground: 'contract_ended', reason: '劳动合同终止 / contract ended', contractEndedOn: '2026-11-30', source: 'approval.permit.cancelled', sourceEventId: 'e2', updatedAt: at(9) } as RecordPermitCancellationRow;
  const rows = { applicantId: 'ap_1', fields: [], offers: [], permits: [permit], changes: [] };

  it('shows the work permit cancelled, with the day and why', () => {
    expect(releaseRecord({ ...rows, cancellations: [cancellation] }, () => true).permits).toEqual([
      expect.objectContaining({ item: 'WORK_PERMIT', status: 'cancelled', permitNo: 'WP-1', validTo: '2028-02-28', cancelledOn: '2026-12-06', cancellationReason: '劳动合同终止 / contract ended' }),
    ]);
  });

  it('shows a permit nobody cancelled as it was decided', () => {
    expect(releaseRecord(rows, () => true).permits).toEqual([expect.objectContaining({ status: 'granted' })]);
  });
});
