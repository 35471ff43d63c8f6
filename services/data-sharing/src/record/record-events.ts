import type { JsonObject } from '@bufbuild/protobuf';
import { fromWire, type Message } from '@work-permit/catalogue';
import { CancellationGround, type CaseSubmitted, Decision, type ItemDecided, type ItemProgressed, ItemStatus, type PermitCancelled } from '@work-permit/contracts';
import type { StoredMessage } from './record.entities';
import type { JsonValue, Offer, RecordFieldValue } from './record-field';

const APPLICANT_PATHS = ['surname', 'givenNames', 'sex', 'birthDate', 'nationality', 'passportNo', 'passportExpiry', 'email', 'phone', 'education', 'workExperienceYears', 'chineseLevel', 'entryDate'] as const;
const EMPLOYER_PATHS = ['uscc', 'name', 'contactName', 'contactPhone', 'address'] as const;
const EMPLOYMENT_PATHS = ['position', 'annualSalaryCny', 'contractStart', 'contractEnd', 'monthsPerYearInChina', 'workLocation'] as const;
const HOLDINGS_PATHS = ['workPermitNo', 'workPermitValidTo', 'residencePermitNo', 'residencePermitValidTo'] as const;

/**
 * The values a submission offers the record: the fixed sections, the holdings the form carried, and
 * each material's date and digest (never its file name), all with the submission's `offer` (its
 * provenance and trust). Proto3 cannot tell an unset scalar from its default, so empty strings and
 * zeros are not taken as values.
 */
export function fieldsOfSubmission(payload: CaseSubmitted, offer: Offer): RecordFieldValue[] {
  const values: [string, JsonValue | undefined][] = [
    ...section('applicant', APPLICANT_PATHS, payload.applicant),
    ...section('employer', EMPLOYER_PATHS, payload.employer),
    ...section('employment', EMPLOYMENT_PATHS, payload.employment),
    ...section('holdings', HOLDINGS_PATHS, asObject(payload.additionalFields?.['holdings'])),
    ...payload.materials.filter((m) => m.code !== '').map((m): [string, JsonValue] => [`materials.${m.code}`, { issuedAt: m.issuedAt, sha256: m.sha256 }]),
  ];
  return values.filter((entry): entry is [string, JsonValue] => entry[1] !== undefined).map(([path, value]) => ({ path, value, ...offer }));
}

function section(name: string, paths: readonly string[], source: object | undefined): [string, JsonValue | undefined][] {
  if (!source) return [];
  const record = source as Record<string, unknown>;
  return paths.map((path) => [`${name}.${path}`, scalar(record[path])]);
}

function scalar(value: unknown): JsonValue | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'bigint') return value === 0n ? undefined : Number(value);
  if (typeof value === 'number') return value === 0 ? undefined : value;
  if (typeof value === 'boolean') return value;
  return undefined;
}

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export type PermitStatus = 'granted' | 'rejected' | 'terminated' | 'withdrawn';

/** What the record keeps of one item of one case: its outcome and what it produced. */
export interface PermitState {
  item: string;
  caseId: string;
  action: string;
  agency: string;
  status: PermitStatus;
  /** permitNo, validFrom, validTo, category, points, feeCny, socialSecurityNo, as the result carries them. */
  details: Record<string, string | number>;
  /** The plain text the event carried (Chinese / English, or an officer's words). */
  reason: string | null;
  /** The reason as the catalogue's message (the event's `reason_message`; its plain text as written for an older event). */
  reasonMessage: StoredMessage | null;
}

/** The reason an event carried, as a message: its structured reason, else its plain text as written, else none. */
export function reasonOf(payload: { reason: string; reasonMessage?: { code: string; paramsJson: string } }): Message | null {
  return fromWire(payload.reasonMessage, payload.reason) ?? null;
}

export function permitOfDecision(payload: ItemDecided): PermitState | undefined {
  if (payload.decision !== Decision.GRANTED && payload.decision !== Decision.REJECTED) return undefined;
  const result = payload.result;
  const details: Record<string, string | number> = {};
  if (payload.decision === Decision.GRANTED && result) {
    const candidates: Record<string, string | number | undefined> = {
      permitNo: result.permitNo,
      validFrom: result.validFrom,
      validTo: result.validTo,
      category: result.category,
      points: result.points,
      feeCny: result.feeCny,
      socialSecurityNo: result.socialSecurityNo,
    };
    for (const [key, value] of Object.entries(candidates)) if (value !== undefined && value !== '') details[key] = value;
  }
  return {
    item: payload.itemCode,
    caseId: payload.caseId,
    action: payload.action,
    agency: payload.agency,
    status: payload.decision === Decision.GRANTED ? 'granted' : 'rejected',
    details,
    reason: payload.reason === '' ? null : payload.reason,
    reasonMessage: reasonOf(payload),
  };
}

/** A termination or withdrawal ends an item without a decision; other progress is not the record's. */
export function permitOfProgress(payload: ItemProgressed): PermitState | undefined {
  const status = payload.status === ItemStatus.TERMINATED ? 'terminated' : payload.status === ItemStatus.WITHDRAWN ? 'withdrawn' : undefined;
  if (!status) return undefined;
  return {
    item: payload.itemCode,
    caseId: payload.caseId,
    action: payload.action,
    agency: payload.agency,
    status,
    details: {},
    reason: payload.reason === '' ? null : payload.reason,
    reasonMessage: reasonOf(payload),
  };
}

const HOLDINGS_OF_ITEM: Record<string, { number: string; validTo: string }> = {
  WORK_PERMIT: { number: 'holdings.workPermitNo', validTo: 'holdings.workPermitValidTo' },
  RESIDENCE_PERMIT: { number: 'holdings.residencePermitNo', validTo: 'holdings.residencePermitValidTo' },
};

/** A granted permit is what the applicant holds from then on: the next form offers it. `offer` is the decision's. */
export function holdingsOfPermit(permit: PermitState, offer: Offer): RecordFieldValue[] {
  const paths = HOLDINGS_OF_ITEM[permit.item];
  if (!paths || permit.status !== 'granted') return [];
  const held: RecordFieldValue[] = [];
  if (typeof permit.details['permitNo'] === 'string') held.push({ path: paths.number, value: permit.details['permitNo'], ...offer });
  if (typeof permit.details['validTo'] === 'string') held.push({ path: paths.validTo, value: permit.details['validTo'], ...offer });
  return held;
}

/** The history's view of an item: what changed when its state changed (the reason also as its message, rendered when read). */
export function permitSnapshot(permit: Pick<PermitState, 'status' | 'details' | 'reason' | 'reasonMessage'>): JsonValue {
  return { status: permit.status, ...permit.details, ...(permit.reason ? { reason: permit.reason } : {}), ...(permit.reasonMessage ? { reasonMessage: permit.reasonMessage } : {}) };
}

/** A permit its owner cancelled (注销), as the record keeps it beside the item's outcome. */
export interface PermitCancellation {
  caseId: string;
  item: string;
  permitNo: string;
  cancelledOn: string;
  ground: 'contract_ended' | 'joint_review_rejected';
  reason: string;
  /** The reason as the catalogue's message (see `reasonOf`). */
  reasonMessage: Message | null;
  contractEndedOn: string | null;
}

export function permitCancellationOf(payload: PermitCancelled): PermitCancellation | undefined {
  if (!payload.caseId || !payload.itemCode || !payload.cancelledOn) return undefined;
  return {
    caseId: payload.caseId,
    item: payload.itemCode,
    permitNo: payload.permitNo,
    cancelledOn: payload.cancelledOn,
    ground: payload.ground === CancellationGround.JOINT_REVIEW_REJECTED ? 'joint_review_rejected' : 'contract_ended',
    reason: payload.reason,
    reasonMessage: reasonOf(payload),
    contractEndedOn: payload.contractEndedOn || null,
  };
}

/**
 * The history's view of a cancellation, from the event alone (the permit it ends was granted with
 * that number), so the entry is the same whichever of the grant and the cancellation is folded first.
 */
export function cancellationChange(cancellation: PermitCancellation): { oldValue: JsonValue; newValue: JsonValue } {
  const permitNo = cancellation.permitNo ? { permitNo: cancellation.permitNo } : {};
  return {
    oldValue: { status: 'granted', ...permitNo },
    newValue: {
      status: 'cancelled',
      ...permitNo,
      cancelledOn: cancellation.cancelledOn,
      reason: cancellation.reason,
      ...(cancellation.reasonMessage ? { reasonMessage: cancellation.reasonMessage } : {}),
    },
  };
}
