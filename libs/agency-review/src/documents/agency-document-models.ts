import { type AgencyCode, asWritten, type Catalogue, type CatalogueItem, type Localized, localize } from '@work-permit/catalogue';
import {
  addCalendarDays,
  decisionDocument,
  type DocumentKind,
  type DocumentModel,
  electronicPermit,
  fullName,
  type ItemNames,
  maskedName,
  supplementNotice,
  supplementReason,
} from '@work-permit/documents';
import { chinaDateOf } from '@work-permit/platform';
import { messageOf, type StoredMessage } from '../persistence/stored-message';
import type { CaseFacts } from '../policy/item-policy';

/** What a decided item's own event says, kept with its document request. */
export interface DecisionDetails {
  kind: 'decision';
  action: string;
  decision: 'granted' | 'rejected';
  /** The decision's reason as a message of the catalogue (a string in requests written before). */
  reason: StoredMessage | string | null;
  /** ISO instant. */
  decidedAt: string;
  result: { permitNo?: string; validFrom?: string; validTo?: string; category?: string };
}

/** What a supplement request's own event says, and whether each material was on file when it was asked for. */
export interface SupplementDetails {
  kind: 'supplement_notice';
  action: string;
  /** Why documents are asked for, as a message of the catalogue (a string in requests written before). */
  reason: StoredMessage | string | null;
  /** The day it was asked for in China. */
  requestedOn: string;
  materials: { code: string; onFile: boolean }[];
}

export type RequestDetails = DecisionDetails | SupplementDetails;

/** One document ready to render, with what the portal needs to list and verify it. */
export interface ComposedDocument {
  model: DocumentModel;
  kind: DocumentKind;
  issuedAt: Date;
  holderMasked: string;
  /** The person's data the document shows, as data-scope keys. */
  dataKeys: string[];
  permit?: { permitNo: string; validFrom: string; validTo: string };
}

export interface ComposeContext {
  catalogue: Catalogue;
  agency: AgencyCode;
  /** The case as this agency holds it (its data scope): a document shows nothing more. */
  facts: CaseFacts;
  /** The web front's address as the public reaches it; an e-permit's QR code opens `<url>/verify/<documentNo>`. */
  publicWebUrl: string;
  newDocumentNo: (issuedOn: string) => string;
}

/**
 * The documents one request calls for: a supplement notice; a decision, and for a granted item whose
 * result is a permit (a number and an end of validity: the work and residence permits) its
 * electronic permit too. Steps (talent category, list screening) are not decided items: none.
 */
export function composeDocuments(itemCode: string, details: RequestDetails, context: ComposeContext): ComposedDocument[] {
  const item = context.catalogue.items.find((candidate) => candidate.code === itemCode);
  if (!item) throw new Error(`item ${itemCode} is not in catalogue ${context.catalogue.version}`);
  if (details.kind === 'supplement_notice') return [supplementDocument(item, details, context)];
  if (item.kind === 'step') return [];
  const decision = decisionOf(item, details, context);
  const permit = permitOf(item, details, context);
  return permit ? [decision, permit] : [decision];
}

function decisionOf(item: CatalogueItem, details: DecisionDetails, context: ComposeContext): ComposedDocument {
  const holder = holderOf(context.facts);
  const issuedOn = chinaDateOf(new Date(details.decidedAt));
  const { permitNo, validFrom, validTo, category } = details.result;
  const result = details.decision === 'granted' ? { permitNo, validFrom, validTo, category } : undefined;
  const model = decisionDocument({
    documentNo: context.newDocumentNo(issuedOn),
    issuer: agencyName(context),
    issuedOn,
    caseId: context.facts.caseId,
    submittedOn: context.facts.submittedOn,
    holderName: holder.name,
    passportNo: holder.passportNo,
    item: itemNames(item, details.action),
    decision: details.decision,
    reason: reasonText(details.reason),
    result,
    remedies: context.catalogue.parameters.documents,
  });
  return {
    model,
    kind: 'decision',
    issuedAt: new Date(details.decidedAt),
    holderMasked: holder.masked,
    // The category, where printed, is part of the item's own result (`permits.<item>`).
    dataKeys: [...holder.keys, `permits.${item.code}`],
  };
}

function permitOf(item: CatalogueItem, details: DecisionDetails, context: ComposeContext): ComposedDocument | undefined {
  const { permitNo, validTo, category } = details.result;
  if (details.decision !== 'granted' || !permitNo || !validTo) return undefined;
  const issuedOn = chinaDateOf(new Date(details.decidedAt));
  // A change keeps the permit's end of validity and states no new start: it is valid as changed from the decision.
  const validFrom = details.result.validFrom ?? issuedOn;
  const holder = holderOf(context.facts);
  const documentNo = context.newDocumentNo(issuedOn);
  const employer = text(context.facts.body, 'employer', 'name');
  const position = text(context.facts.body, 'employment', 'position');
  const model = electronicPermit({
    documentNo,
    issuer: agencyName(context),
    issuedOn,
    itemName: item.name,
    holder: { name: holder.name ?? '', nationality: holder.nationality, passportNo: holder.passportNo },
    employer,
    position,
    permitNo,
    validFrom,
    validTo,
    category,
    verifyUrl: `${context.publicWebUrl.replace(/\/+$/, '')}/verify/${documentNo}`,
  });
  return {
    model,
    kind: 'e_permit',
    issuedAt: new Date(details.decidedAt),
    holderMasked: holder.masked,
    dataKeys: [
      ...holder.keys,
      `permits.${item.code}`,
      ...(employer ? ['employer.name'] : []),
      ...(position ? ['employment.position'] : []),
    ],
    permit: { permitNo, validFrom, validTo },
  };
}

function supplementDocument(item: CatalogueItem, details: SupplementDetails, context: ComposeContext): ComposedDocument {
  const holder = holderOf(context.facts);
  const materials = new Map(context.catalogue.materials.map((material) => [material.code, material]));
  const model = supplementNotice({
    documentNo: context.newDocumentNo(details.requestedOn),
    issuer: agencyName(context),
    issuedOn: details.requestedOn,
    caseId: context.facts.caseId,
    submittedOn: context.facts.submittedOn,
    holderName: holder.name,
    item: itemNames(item, details.action),
    materials: details.materials.map(({ code, onFile }) => ({
      name: materials.get(code)?.name ?? { zh: code, en: code },
      why: supplementReason(onFile, materials.get(code)?.validityMonths),
    })),
    note: reasonText(details.reason),
    deadline: addCalendarDays(details.requestedOn, context.catalogue.parameters.documents.supplementWithinDays),
  });
  return {
    model,
    kind: 'supplement_notice',
    // The request's day, at noon in China: the notice is dated the day it was asked for.
    issuedAt: new Date(`${details.requestedOn}T12:00:00+08:00`),
    holderMasked: holder.masked,
    dataKeys: [...holder.keys, ...details.materials.map(({ code }) => `materials.${code}`)],
  };
}

interface Holder {
  name?: string;
  masked: string;
  nationality?: string;
  passportNo?: string;
  /** The keys of what is printed of the person. */
  keys: string[];
}

/** The applicant as far as the agency's scope released them: nothing is printed that it does not hold. */
function holderOf(facts: CaseFacts): Holder {
  const surname = text(facts.body, 'applicant', 'surname');
  const givenNames = text(facts.body, 'applicant', 'givenNames');
  const nationality = text(facts.body, 'applicant', 'nationality');
  const passportNo = text(facts.body, 'applicant', 'passportNo');
  const named = surname !== undefined || givenNames !== undefined;
  return {
    ...(named ? { name: fullName(surname ?? '', givenNames ?? '') } : {}),
    masked: named ? maskedName(surname ?? '', givenNames ?? '') : '',
    nationality,
    passportNo,
    keys: [
      ...(surname !== undefined ? ['applicant.surname'] : []),
      ...(givenNames !== undefined ? ['applicant.givenNames'] : []),
      ...(nationality !== undefined ? ['applicant.nationality'] : []),
      ...(passportNo !== undefined ? ['applicant.passportNo'] : []),
    ],
  };
}

function itemNames(item: CatalogueItem, action: string): ItemNames {
  return { name: item.name, action: item.actions.find((candidate) => candidate.action === action)?.name ?? { zh: action, en: action } };
}

function agencyName(context: ComposeContext): Localized {
  return context.catalogue.agencies.find((agency) => agency.code === context.agency)?.name ?? { zh: context.agency, en: context.agency };
}

function text(body: CaseFacts['body'], section: string, field: string): string | undefined {
  const value = (body[section] as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A stored reason in both languages; none when the request carried none. */
function reasonText(reason: StoredMessage | string | null | undefined): Localized | undefined {
  if (!reason) return undefined;
  const value = typeof reason === 'string' ? asWritten(reason) : messageOf(reason);
  return value ? localize(value) : undefined;
}
