import { create } from '@bufbuild/protobuf';
import {
  CaseSubmittedSchema,
  CaseSupplementedSchema,
  CaseWithdrawnSchema,
  Channel,
  Decision,
  type EventDefinition,
  Events,
  type IncomingEvent,
  ItemDecidedSchema,
  ItemProgressedSchema,
  ItemStatus,
  JointReviewOpenedSchema,
  RecordUpdatedSchema,
} from '@work-permit/contracts';
import { asWritten, message, officerReason, onTheWire, toWire } from '@work-permit/catalogue';
import { statisticsChangeOf } from './statistics-change';

const occurredAt = new Date('2026-03-02T08:00:00Z');
const event = <P>(definition: EventDefinition, payload: P): IncomingEvent<P> => ({
  eventId: 'e1',
  type: definition.type,
  schemaVersion: 1,
  caseId: 'c1',
  producer: definition.producer,
  occurredAt,
  correlationId: 'c1',
  causationId: 'c1',
  payload,
});

describe(statisticsChangeOf.name, () => {
  it('takes a submission with its channel and the chosen items with their agencies', () => {
    const payload = create(CaseSubmittedSchema, { caseId: 'c1', channel: Channel.OFFLINE, items: [{ code: 'WORK_PERMIT', action: 'issue' }], catalogueVersion: 'unknown' });
    expect(statisticsChangeOf(event(Events.CaseSubmitted, payload))).toEqual({ kind: 'submitted', caseId: 'c1', at: occurredAt, channel: 'offline', items: [{ item: 'WORK_PERMIT', agency: null }] });
  });

  it('takes a decision as the item reaching its outcome, at the event time', () => {
    const payload = create(ItemDecidedSchema, { caseId: 'c1', itemCode: 'RESIDENCE_PERMIT', agency: 'psb', decision: Decision.REJECTED, reason: 'passport expires too soon' });
    expect(statisticsChangeOf(event(Events.PsbItemDecided, payload))).toMatchObject({
      kind: 'item',
      at: occurredAt,
      item: 'RESIDENCE_PERMIT',
      agency: 'psb',
      state: 'rejected',
      reason: 'passport expires too soon',
      // An event from before the catalogue: its text, as written.
      reasonMessage: asWritten('passport expires too soon'),
    });
  });

  it('takes the reason as the catalogue message the event carries', () => {
    const reason = message('residence_permit.passport.expired', { passportExpiry: '2026-01-01' });
    const payload = create(ItemDecidedSchema, { itemCode: 'RESIDENCE_PERMIT', agency: 'psb', decision: Decision.REJECTED, reason: onTheWire(reason), reasonMessage: toWire(reason) });
    expect(statisticsChangeOf(event(Events.PsbItemDecided, payload))).toMatchObject({ reason: onTheWire(reason), reasonMessage: reason });
    const officer = officerReason('材料与原件不符');
    const progressed = create(ItemProgressedSchema, { itemCode: 'WORK_PERMIT', agency: 'approval', status: ItemStatus.TERMINATED, reason: onTheWire(officer), reasonMessage: toWire(officer) });
    expect(statisticsChangeOf(event(Events.ApprovalItemProgressed, progressed))).toMatchObject({ state: 'terminated', reasonMessage: officer });
  });

  it('takes a supplement request with its materials, and an overdue notice with its unchanged state', () => {
    const request = create(ItemProgressedSchema, { itemCode: 'WORK_PERMIT', agency: 'approval', status: ItemStatus.AWAITING_SUPPLEMENT, reason: 'unreadable', requestedMaterials: ['PASSPORT'] });
    expect(statisticsChangeOf(event(Events.ApprovalItemProgressed, request))).toMatchObject({ state: 'awaiting_supplement', reason: 'unreadable', requestedMaterials: ['PASSPORT'], overdue: false });
    const overdue = create(ItemProgressedSchema, { itemCode: 'WORK_PERMIT', agency: 'approval', status: ItemStatus.IN_REVIEW, overdue: true, dueDate: '2026-03-16' });
    expect(statisticsChangeOf(event(Events.ApprovalItemProgressed, overdue))).toMatchObject({ state: 'in_review', overdue: true, dueDate: '2026-03-16' });
  });

  it('drops a due date that is not a real date rather than stall on it', () => {
    const garbled = create(ItemProgressedSchema, { itemCode: 'WORK_PERMIT', agency: 'approval', status: ItemStatus.IN_REVIEW, overdue: true, dueDate: '2026-02-30' });
    expect(statisticsChangeOf(event(Events.ApprovalItemProgressed, garbled))).toMatchObject({ overdue: true, dueDate: null });
  });

  it("takes the applicant's supplement and withdrawal, and the joint review", () => {
    expect(statisticsChangeOf(event(Events.CaseSupplemented, create(CaseSupplementedSchema, { itemCode: 'WORK_PERMIT' })))).toMatchObject({ kind: 'item', item: 'WORK_PERMIT', state: 'supplemented' });
    expect(statisticsChangeOf(event(Events.CaseWithdrawn, create(CaseWithdrawnSchema, { itemCodes: ['WORK_PERMIT'] })))).toEqual({ kind: 'withdrawn', caseId: 'c1', at: occurredAt, items: ['WORK_PERMIT'], reason: null, reasonMessage: null });
    expect(statisticsChangeOf(event(Events.JointReviewOpened, create(JointReviewOpenedSchema, {})))).toEqual({ kind: 'joint_review_opened', caseId: 'c1', at: occurredAt });
  });

  it('ignores events the statistics do not count', () => {
    expect(statisticsChangeOf(event(Events.SharingRecordUpdated, create(RecordUpdatedSchema, {})))).toBeUndefined();
  });
});
