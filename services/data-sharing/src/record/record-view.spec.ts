import { asWritten, localize, message, officerReason } from '@work-permit/catalogue';
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
  const permit = {
    caseId: 'c1',
    item: 'WORK_PERMIT',
    action: 'issue',
    agency: 'approval',
    status: 'granted',
    details: { permitNo: 'WP-1', validTo: '2028-02-28' },
    reason: null,
    reasonMessage: null,
    source: 'approval.item.decided',
    sourceEventId: 'e1',
    updatedAt: at(1),
  } as RecordPermitRow;
  const why = message('cancellation.joint_review_rejected', { reason: officerReason('护照入境章可疑') });
  const cancellation = {
    caseId: 'c1',
    item: 'WORK_PERMIT',
    permitNo: 'WP-1',
    cancelledOn: '2026-12-06',
    ground: 'joint_review_rejected',
    reason: 'the text as the event carried it',
    reasonMessage: why,
    contractEndedOn: null,
    source: 'approval.permit.cancelled',
    sourceEventId: 'e2',
    updatedAt: at(9),
  } as RecordPermitCancellationRow;
  const rows = { applicantId: 'ap_1', fields: [], offers: [], permits: [permit], changes: [] };

  it('shows the work permit cancelled, with the day and why: in Chinese by default, in both languages beside', () => {
    const { zh, en } = localize(why);
    expect(zh).toContain('护照入境章可疑');
    expect(releaseRecord({ ...rows, cancellations: [cancellation] }, () => true).permits).toEqual([
      expect.objectContaining({ item: 'WORK_PERMIT', status: 'cancelled', permitNo: 'WP-1', validTo: '2028-02-28', cancelledOn: '2026-12-06', cancellationReason: zh, cancellationReasons: { zh, en } }),
    ]);
    expect(releaseRecord({ ...rows, cancellations: [cancellation] }, () => true, 'en').permits[0]).toMatchObject({ cancellationReason: en });
  });

  it('shows a cancellation folded before its message was kept by its text, as written', () => {
    const older = { ...cancellation, reason: '劳动合同终止 / contract ended', reasonMessage: null };
    expect(releaseRecord({ ...rows, cancellations: [older] }, () => true, 'en').permits[0]).toMatchObject({
      cancellationReason: '劳动合同终止 / contract ended',
      cancellationReasons: { zh: '劳动合同终止 / contract ended', en: '劳动合同终止 / contract ended' },
    });
  });

  it('shows a permit nobody cancelled as it was decided', () => {
    expect(releaseRecord(rows, () => true).permits).toEqual([expect.objectContaining({ status: 'granted' })]);
  });
});

describe('releaseRecord of a decided item', () => {
  const reason = message('residence_permit.passport.expired', { passportExpiry: '2026-01-01' });
  const rejected = {
    caseId: 'c1',
    item: 'RESIDENCE_PERMIT',
    action: 'issue',
    agency: 'psb',
    status: 'rejected',
    details: {},
    reason: 'the text as the event carried it',
    reasonMessage: reason,
    source: 'psb.item.decided',
    sourceEventId: 'e1',
    updatedAt: at(1),
  } as RecordPermitRow;
  const change = {
    id: '1',
    caseId: 'c1',
    subject: 'permits.RESIDENCE_PERMIT',
    oldValue: null,
    newValue: { status: 'rejected', reason: 'the text as the event carried it', reasonMessage: reason },
    source: 'psb.item.decided',
    sourceEventId: 'e1',
    occurredAt: at(1),
  };
  const older = { ...change, id: '2', oldValue: { status: 'rejected', reason: '旧理由 / old reason' }, newValue: { status: 'withdrawn' }, occurredAt: at(2) };
  const rows = { applicantId: 'ap_1', fields: [], offers: [], permits: [rejected], changes: [change, older] };

  it('shows the reason in the reader’s language from its message, and in both languages beside', () => {
    const both = localize(reason);
    expect(releaseRecord(rows, () => true).permits[0]).toMatchObject({ status: 'rejected', reason: both.zh, reasons: both });
    expect(releaseRecord(rows, () => true, 'en').permits[0]).toMatchObject({ reason: both.en, reasons: both });
  });

  it('shows the history’s reasons the same way, a reason from before the catalogue as written', () => {
    const both = localize(reason);
    const history = releaseRecord(rows, () => true, 'en').history;
    expect(history[0].newValue).toEqual({ status: 'rejected', reason: both.en, reasons: both });
    expect(history[1].oldValue).toEqual({ status: 'rejected', ...reasonsAsWritten('旧理由 / old reason') });
    expect(history[1].newValue).toEqual({ status: 'withdrawn' });
  });

  it('shows no reason for an item that ended without one', () => {
    expect(releaseRecord({ ...rows, permits: [{ ...rejected, reason: null, reasonMessage: null } as RecordPermitRow] }, () => true).permits[0]).toMatchObject({ reason: null, reasons: null });
  });
});

function reasonsAsWritten(text: string) {
  const both = localize(asWritten(text));
  return { reason: both.en, reasons: both };
}
