import type { MessageInitShape } from '@bufbuild/protobuf';
import { type DataScope, fromWire, type ItemAction, type Message, onTheWire, toWire, type WireReason } from '@work-permit/catalogue';
import {
  type CaseSubmitted,
  Decision,
  type IncomingEvent,
  type ItemDecided,
  type ItemProgressed,
  type ItemResult,
  type ItemResultSchema,
  ItemStatus,
  type Material,
} from '@work-permit/contracts';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { chinaDateOf } from '@work-permit/platform';
import type { CaseBody, CaseFacts, CaseMaterial, ItemResultView, PrerequisiteOutcome } from '../policy/item-policy';

/**
 * The case as the agency keeps it, from the portal's CaseSubmitted: the form nested by path as
 * submitted, with only the fields and documents the agency's data scope releases.
 */
export function caseFactsOf(event: IncomingEvent<CaseSubmitted>, scope: DataScope): CaseFacts {
  const { payload } = event;
  const additional = (payload.additionalFields ?? {}) as Record<string, unknown>;
  const section = (name: string) => (typeof additional[name] === 'object' && additional[name] !== null ? (additional[name] as Record<string, unknown>) : {});
  const applicant = payload.applicant;
  const employment = payload.employment;
  const body: CaseBody = {
    ...additional,
    applicant: {
      ...section('applicant'),
      surname: applicant?.surname ?? '',
      givenNames: applicant?.givenNames ?? '',
      sex: applicant?.sex ?? '',
      birthDate: applicant?.birthDate ?? '',
      nationality: applicant?.nationality ?? '',
      passportNo: applicant?.passportNo ?? '',
      passportExpiry: applicant?.passportExpiry ?? '',
      email: applicant?.email ?? '',
      phone: applicant?.phone ?? '',
      education: applicant?.education ?? '',
      workExperienceYears: applicant?.workExperienceYears ?? 0,
      chineseLevel: applicant?.chineseLevel ?? '',
      ...(applicant?.entryDate ? { entryDate: applicant.entryDate } : {}),
    },
    employer: {
      ...section('employer'),
      uscc: payload.employer?.uscc ?? '',
      name: payload.employer?.name ?? '',
      contactName: payload.employer?.contactName ?? '',
      contactPhone: payload.employer?.contactPhone ?? '',
      address: payload.employer?.address ?? '',
    },
    employment: {
      ...section('employment'),
      position: employment?.position ?? '',
      annualSalaryCny: Number(employment?.annualSalaryCny ?? 0),
      contractStart: employment?.contractStart ?? '',
      contractEnd: employment?.contractEnd ?? '',
      monthsPerYearInChina: employment?.monthsPerYearInChina ?? 0,
      workLocation: employment?.workLocation ?? '',
    },
  };
  const facts: CaseFacts = {
    caseId: payload.caseId || event.caseId,
    applicantId: payload.applicantId,
    catalogueVersion: payload.catalogueVersion,
    submittedOn: chinaDateOf(event.occurredAt),
    items: payload.items.map((item) => ({ code: item.code, action: item.action as ItemAction })),
    body,
    materials: materialsOf(payload.materials),
  };
  return withinScope(facts, scope);
}

/** The facts without the fields and documents `scope` does not release. */
export function withinScope(facts: CaseFacts, scope: DataScope): CaseFacts {
  return { ...facts, body: scope.filterBody(facts.body), materials: scope.filterMaterials(facts.materials) };
}

export function materialsOf(materials: readonly Material[]): CaseMaterial[] {
  return materials.map((m) => ({ code: m.code, sha256: m.sha256, fileName: m.fileName, issuedAt: m.issuedAt }));
}

/** A reason as the events carry it: the catalogue's code and parameters, and the plain text (Chinese / English) for readers that know no code. */
export function reasonOnTheWire(reason: Message | null | undefined): { reason: string; reasonMessage: WireReason | undefined } {
  return reason ? { reason: onTheWire(reason), reasonMessage: toWire(reason) } : { reason: '', reasonMessage: undefined };
}

/** The final outcome another agency's event announces, or undefined for progress that is not final. */
export function outcomeOf(event: ItemDecided | ItemProgressed): PrerequisiteOutcome | undefined {
  const reason = fromWire(event.reasonMessage, event.reason);
  if ('decision' in event) {
    const decidedOn = event.decidedAt ? { decidedOn: chinaDateOf(timestampDate(event.decidedAt)) } : {};
    if (event.decision === Decision.GRANTED) return { code: event.itemCode, status: 'granted', reason, result: resultView(event.result), ...decidedOn };
    if (event.decision === Decision.REJECTED) return { code: event.itemCode, status: 'rejected', reason, result: {}, ...decidedOn };
    return undefined;
  }
  if (event.status === ItemStatus.TERMINATED) return { code: event.itemCode, status: 'terminated', reason, result: {} };
  if (event.status === ItemStatus.WITHDRAWN) return { code: event.itemCode, status: 'withdrawn', reason, result: {} };
  return undefined;
}

export function resultView(result: ItemResult | undefined): ItemResultView {
  if (!result) return {};
  const view: ItemResultView = {};
  if (result.permitNo !== undefined) view.permitNo = result.permitNo;
  if (result.validFrom !== undefined) view.validFrom = result.validFrom;
  if (result.validTo !== undefined) view.validTo = result.validTo;
  if (result.category !== undefined) view.category = result.category;
  if (result.points !== undefined) view.points = result.points;
  if (result.feeCny !== undefined) view.feeCny = result.feeCny;
  if (result.socialSecurityNo !== undefined) view.socialSecurityNo = result.socialSecurityNo;
  if (Object.keys(result.attributes).length > 0) view.attributes = { ...result.attributes };
  return view;
}

export function resultMessage(view: ItemResultView): MessageInitShape<typeof ItemResultSchema> {
  return { ...view, attributes: { ...(view.attributes ?? {}) } };
}
