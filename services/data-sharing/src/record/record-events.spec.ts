import { create } from '@bufbuild/protobuf';
import { CancellationGround, CaseSubmittedSchema, Decision, ItemDecidedSchema, ItemProgressedSchema, ItemStatus, PermitCancelledSchema } from '@work-permit/contracts';
import { asWritten, message, officerReason, onTheWire, toWire } from '@work-permit/catalogue';
import { cancellationChange, fieldsOfSubmission, holdingsOfPermit, permitCancellationOf, permitOfDecision, permitOfProgress, permitSnapshot } from './record-events';

const offer = { source: 'portal.case.submitted', sourceCaseId: 'c1', sourceEventId: 'e1', updatedAt: new Date('2026-03-01T08:00:00Z'), trust: 'verified' as const, offeredBy: 'applicant' };

describe('the record from events', () => {
  it('takes the fixed sections, the holdings and each material’s date and digest from a submission', () => {
    const payload = create(CaseSubmittedSchema, {
      caseId: 'c1',
      applicant: { surname: 'SCHMIDT', nationality: 'DEU', passportNo: 'C01X00T47', workExperienceYears: 8 },
      employer: { uscc: '91371000MA3C5LXX0F', name: 'ACME' },
      employment: { position: 'engineer', annualSalaryCny: 480000n },
      materials: [{ code: 'NO_CRIMINAL_RECORD', sha256: 'ab'.repeat(32), fileName: 'schmidt-police.pdf', issuedAt: '2026-01-10' }],
      additionalFields: { holdings: { workPermitNo: '137100202600012', unrelated: 'x' }, residence: { address: 'somewhere' } },
    });
    const fields = Object.fromEntries(fieldsOfSubmission(payload, offer).map((f) => [f.path, f.value]));
    expect(fieldsOfSubmission(payload, offer).every((f) => f.trust === 'verified' && f.offeredBy === 'applicant')).toBe(true);
    expect(fields).toEqual({
      'applicant.surname': 'SCHMIDT',
      'applicant.nationality': 'DEU',
      'applicant.passportNo': 'C01X00T47',
      'applicant.workExperienceYears': 8,
      'employer.uscc': '91371000MA3C5LXX0F',
      'employer.name': 'ACME',
      'employment.position': 'engineer',
      'employment.annualSalaryCny': 480000,
      'holdings.workPermitNo': '137100202600012',
      'materials.NO_CRIMINAL_RECORD': { issuedAt: '2026-01-10', sha256: 'ab'.repeat(32) },
    });
  });

  it('keeps a granted permit’s number and validity, and what the applicant then holds', () => {
    const permit = permitOfDecision(
      create(ItemDecidedSchema, { caseId: 'c1', itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, result: { permitNo: 'WP1', validFrom: '2026-03-01', validTo: '2028-02-28', category: 'A', points: 92 } }),
    )!;
    expect(permit).toEqual({ item: 'WORK_PERMIT', caseId: 'c1', action: 'issue', agency: 'approval', status: 'granted', reason: null, reasonMessage: null, details: { permitNo: 'WP1', validFrom: '2026-03-01', validTo: '2028-02-28', category: 'A', points: 92 } });
    expect(holdingsOfPermit(permit, offer).map((f) => [f.path, f.value])).toEqual([
      ['holdings.workPermitNo', 'WP1'],
      ['holdings.workPermitValidTo', '2028-02-28'],
    ]);
  });

  it('keeps the social security number, and a rejection with its reason and no holdings', () => {
    const insurance = permitOfDecision(create(ItemDecidedSchema, { caseId: 'c1', itemCode: 'SOCIAL_INSURANCE', agency: 'hrss', decision: Decision.GRANTED, result: { socialSecurityNo: 'SS1' } }))!;
    expect(insurance.details).toEqual({ socialSecurityNo: 'SS1' });
    const rejected = permitOfDecision(create(ItemDecidedSchema, { caseId: 'c1', itemCode: 'RESIDENCE_PERMIT', agency: 'psb', decision: Decision.REJECTED, reason: 'no valid passport' }))!;
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'no valid passport', reasonMessage: asWritten('no valid passport'), details: {} });
    expect(holdingsOfPermit(rejected, offer)).toEqual([]);
  });

  it('keeps the reason as the catalogue message the event carries, and in the history', () => {
    const reason = message('residence_permit.passport.expired', { passportExpiry: '2026-01-01' });
    const rejected = permitOfDecision(
      create(ItemDecidedSchema, { caseId: 'c1', itemCode: 'RESIDENCE_PERMIT', agency: 'psb', decision: Decision.REJECTED, reason: onTheWire(reason), reasonMessage: toWire(reason) }),
    )!;
    expect(rejected).toMatchObject({ reason: onTheWire(reason), reasonMessage: reason });
    expect(permitSnapshot(rejected)).toEqual({ status: 'rejected', reason: onTheWire(reason), reasonMessage: reason });
    const officer = officerReason('前置事项未获批准');
    const ended = permitOfProgress(create(ItemProgressedSchema, { caseId: 'c1', itemCode: 'RESIDENCE_PERMIT', status: ItemStatus.TERMINATED, reason: officer.params.text as string, reasonMessage: toWire(officer) }));
    expect(ended).toMatchObject({ status: 'terminated', reasonMessage: officer });
  });

  it('ends an item on termination or withdrawal and ignores other progress', () => {
    expect(permitOfProgress(create(ItemProgressedSchema, { caseId: 'c1', itemCode: 'RESIDENCE_PERMIT', status: ItemStatus.TERMINATED, reason: 'work permit rejected' }))).toMatchObject({ status: 'terminated', reason: 'work permit rejected' });
    expect(permitOfProgress(create(ItemProgressedSchema, { caseId: 'c1', itemCode: 'RESIDENCE_PERMIT', status: ItemStatus.WITHDRAWN }))).toMatchObject({ status: 'withdrawn' });
    expect(permitOfProgress(create(ItemProgressedSchema, { caseId: 'c1', itemCode: 'RESIDENCE_PERMIT', status: ItemStatus.IN_REVIEW }))).toBeUndefined();
  });
});

describe('a cancellation from its event', () => {
  const event = create(PermitCancelledSchema, {
    caseId: 'c1',
    itemCode: 'WORK_PERMIT',
    permitNo: 'WP-1',
    cancelledOn: '2026-12-06',
    reason: '注销 / cancelled',
    reasonMessage: toWire(message('cancellation.joint_review_rejected', { reason: officerReason('护照入境章可疑') })),
    ground: CancellationGround.JOINT_REVIEW_REJECTED,
  });
  const why = message('cancellation.joint_review_rejected', { reason: officerReason('护照入境章可疑') });

  it('keeps the permit, the day, the ground and why', () => {
    expect(permitCancellationOf(event)).toEqual({ caseId: 'c1', item: 'WORK_PERMIT', permitNo: 'WP-1', cancelledOn: '2026-12-06', ground: 'joint_review_rejected', reason: '注销 / cancelled', reasonMessage: why, contractEndedOn: null });
  });

  it('writes the same history entry whatever was folded before: from granted to cancelled', () => {
    expect(cancellationChange(permitCancellationOf(event)!)).toEqual({
      oldValue: { status: 'granted', permitNo: 'WP-1' },
      newValue: { status: 'cancelled', permitNo: 'WP-1', cancelledOn: '2026-12-06', reason: '注销 / cancelled', reasonMessage: why },
    });
  });

  it('ignores an event that names no case', () => {
    expect(permitCancellationOf(create(PermitCancelledSchema, { itemCode: 'WORK_PERMIT', cancelledOn: '2026-12-06' }))).toBeUndefined();
  });
});
