import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { ContractEndedSchema, PermitCancelledSchema } from './gen/weihai/events/v1/cancellation_pb';
import { CaseSubmittedSchema, CaseSupplementedSchema, CaseWithdrawnSchema } from './gen/weihai/events/v1/case_pb';
import { PrefillDeclinedSchema } from './gen/weihai/events/v1/consent_pb';
import { DocumentIssuedSchema } from './gen/weihai/events/v1/document_pb';
import { ItemDecidedSchema, ItemProgressedSchema } from './gen/weihai/events/v1/item_pb';
import { JointReviewConcludedSchema, JointReviewOpenedSchema } from './gen/weihai/events/v1/joint_review_pb';
import { AccessLogHeadPublishedSchema, RecordUpdatedSchema } from './gen/weihai/events/v1/record_pb';
import { DocumentTopics, Topics, type Producer, type TopicName } from './topics';

/** One event type on the bus: its name, schema version, owning producer and topic, and payload schema. */
export interface EventDefinition<S extends DescMessage = DescMessage> {
  readonly type: string;
  readonly version: number;
  readonly producer: Producer;
  // A TopicName for every event in the catalogue; tests may route a definition to a topic of their own.
  readonly topic: string;
  readonly schema: S;
}

export type PayloadOf<D extends EventDefinition> = MessageShape<D['schema']>;

/** An event on its producer's topic, or on another topic of that producer's (`topic`). */
function defineEvent<S extends DescMessage>(producer: Producer, type: string, version: number, schema: S, topic: TopicName = Topics[producer]): EventDefinition<S> {
  if (!type.startsWith(`${producer}.`)) {
    throw new Error(`event type ${type} must start with its producer ${producer}`);
  }
  return Object.freeze({ type, version, producer, topic, schema });
}

/** Every event on the bus. Producers and consumers both read this, so they cannot drift. */
export const Events = {
  CaseSubmitted: defineEvent('portal', 'portal.case.submitted', 1, CaseSubmittedSchema),
  CaseSupplemented: defineEvent('portal', 'portal.case.supplemented', 1, CaseSupplementedSchema),
  CaseWithdrawn: defineEvent('portal', 'portal.case.withdrawn', 1, CaseWithdrawnSchema),
  // The facts of the shared record an applicant declined to reuse in a submitted case (consent, A11).
  PrefillDeclined: defineEvent('portal', 'portal.prefill.declined', 1, PrefillDeclinedSchema),
  ApprovalItemDecided: defineEvent('approval', 'approval.item.decided', 1, ItemDecidedSchema),
  ScitechItemDecided: defineEvent('scitech', 'scitech.item.decided', 1, ItemDecidedSchema),
  PsbItemDecided: defineEvent('psb', 'psb.item.decided', 1, ItemDecidedSchema),
  HrssItemDecided: defineEvent('hrss', 'hrss.item.decided', 1, ItemDecidedSchema),
  ApprovalItemProgressed: defineEvent('approval', 'approval.item.progressed', 1, ItemProgressedSchema),
  ScitechItemProgressed: defineEvent('scitech', 'scitech.item.progressed', 1, ItemProgressedSchema),
  PsbItemProgressed: defineEvent('psb', 'psb.item.progressed', 1, ItemProgressedSchema),
  HrssItemProgressed: defineEvent('hrss', 'hrss.item.progressed', 1, ItemProgressedSchema),
  // The Big Data Bureau's steps (abnormal-list screening) report like any agency's item.
  SharingItemDecided: defineEvent('sharing', 'sharing.item.decided', 1, ItemDecidedSchema),
  SharingItemProgressed: defineEvent('sharing', 'sharing.item.progressed', 1, ItemProgressedSchema),
  SharingRecordUpdated: defineEvent('sharing', 'sharing.record.updated', 1, RecordUpdatedSchema),
  // The access log's newest row, kept outside its database so a deleted tail shows (npm run audit:verify).
  SharingAccessLogHeadPublished: defineEvent('sharing', 'sharing.access-log.head-published', 1, AccessLogHeadPublishedSchema),
  JointReviewOpened: defineEvent('approval', 'approval.joint-review.opened', 1, JointReviewOpenedSchema),
  JointReviewConcluded: defineEvent('approval', 'approval.joint-review.concluded', 1, JointReviewConcludedSchema),
  // Cancellation (注销): the employer reports the contract's end; the owner of the permit cancels it once.
  CaseContractEnded: defineEvent('portal', 'portal.case.contract-ended', 1, ContractEndedSchema),
  PermitCancelled: defineEvent('approval', 'approval.permit.cancelled', 1, PermitCancelledSchema),
  // The formal documents an agency issues (PDF inside); the portal keeps them for the case's parties.
  // On the agency's documents topic: the portal alone reads them (topology.ts).
  ApprovalDocumentIssued: defineEvent('approval', 'approval.document.issued', 1, DocumentIssuedSchema, DocumentTopics.approval),
  ScitechDocumentIssued: defineEvent('scitech', 'scitech.document.issued', 1, DocumentIssuedSchema, DocumentTopics.scitech),
  PsbDocumentIssued: defineEvent('psb', 'psb.document.issued', 1, DocumentIssuedSchema, DocumentTopics.psb),
  HrssDocumentIssued: defineEvent('hrss', 'hrss.document.issued', 1, DocumentIssuedSchema, DocumentTopics.hrss),
} as const;

/** The agencies' decision and progress events, which every party that follows a case consumes. */
export const ItemDecidedEvents = [Events.ApprovalItemDecided, Events.ScitechItemDecided, Events.PsbItemDecided, Events.HrssItemDecided, Events.SharingItemDecided] as const;
export const ItemProgressedEvents = [
  Events.ApprovalItemProgressed,
  Events.ScitechItemProgressed,
  Events.PsbItemProgressed,
  Events.HrssItemProgressed,
  Events.SharingItemProgressed,
] as const;

/** The decision and progress events a producer publishes about its items. */
export const ItemEventsOf = {
  approval: { decided: Events.ApprovalItemDecided, progressed: Events.ApprovalItemProgressed },
  scitech: { decided: Events.ScitechItemDecided, progressed: Events.ScitechItemProgressed },
  psb: { decided: Events.PsbItemDecided, progressed: Events.PsbItemProgressed },
  hrss: { decided: Events.HrssItemDecided, progressed: Events.HrssItemProgressed },
  sharing: { decided: Events.SharingItemDecided, progressed: Events.SharingItemProgressed },
} as const satisfies Partial<Record<Producer, { decided: EventDefinition; progressed: EventDefinition }>>;

/** The document events of the agencies that issue documents, by producer. */
export const DocumentIssuedEventsOf = {
  approval: Events.ApprovalDocumentIssued,
  scitech: Events.ScitechDocumentIssued,
  psb: Events.PsbDocumentIssued,
  hrss: Events.HrssDocumentIssued,
} as const satisfies Partial<Record<Producer, EventDefinition>>;

export const DocumentIssuedEvents = Object.values(DocumentIssuedEventsOf);

export type EventName = keyof typeof Events;

const byType = new Map<string, EventDefinition>(Object.values(Events).map((e) => [e.type, e]));

export function eventDefinitionOf(type: string): EventDefinition | undefined {
  return byType.get(type);
}
