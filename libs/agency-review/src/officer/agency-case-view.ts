import { type DataReader, dataScopeOf, type Lang, type Localized, localize } from '@work-permit/catalogue';
import type { PermitCancellationView } from '../cancellation/permit-cancellations';
import type { CaseBody, CaseFacts, CaseMaterial, OutcomeStatus, PrerequisiteOutcome } from '../policy/item-policy';
import { decisionReadiness, type DecisionReadiness } from '../review/case-review';
import type { CaseHold, ReviewContext, ReviewItem } from '../review/review-model';
import { inLanguage, itemView, type ItemView } from './item-view';

/** What a decision on an item would need now, its refusals in the reader's language. */
export interface DecisionReadinessView extends Omit<DecisionReadiness, 'refused'> {
  refused: { decision: DecisionReadiness['refused'][number]['decision']; code: DecisionReadiness['refused'][number]['code']; reason: string; reasons: Localized }[];
}

/** One of the agency's items in the case, with what a decision on it would need now. */
export interface AgencyCaseItemView extends ItemView {
  decision: DecisionReadinessView;
}

/** `GET /api/items/:caseId`: the case as this agency holds it, for an officer's workbench. */
export interface AgencyCaseView {
  caseId: string;
  agency: string;
  /** The person in the shared applicant record. */
  applicantId: string;
  catalogueVersion: string;
  /** The day of submission in China, from which every time limit counts. */
  submittedOn: string;
  /** Every item chosen in the case, whichever agency owns it. */
  chosenItems: CaseFacts['items'];
  /** This agency's items and steps in the case, in code order. */
  items: AgencyCaseItemView[];
  applicant: CaseBody['applicant'];
  employer: CaseBody['employer'];
  employment: CaseBody['employment'];
  /** The form's other sections (holdings, talent, residence, title…), as filled in. */
  otherSections: Record<string, unknown>;
  /** The documents on file here: as submitted, each replaced by a later supplement of the same code. */
  materials: CaseMaterial[];
  /** The final outcomes of the case's items known here that the agency's data scope releases (its own items', their steps' and their prerequisites'), in code order. */
  knownOutcomes: { code: string; status: OutcomeStatus; reason: string | null; reasons: Localized | null }[];
  /** True while a joint review is open: nothing in the case is decided, automatically or by an officer. */
  heldByJointReview: boolean;
  jointReview: { status: CaseHold['status']; reason: string; reasons: Localized } | null;
  /** Permits of the case, or of its holder, cancelled (注销): by this agency as their owner, or as told by the owner. */
  permitCancellations: PermitCancellationView[];
}

export interface AgencyCaseSnapshot {
  facts: CaseFacts;
  items: { item: ReviewItem; overdueAnnounced: boolean; escalated?: boolean }[];
  hold?: CaseHold;
  known: ReadonlyMap<string, PrerequisiteOutcome>;
  permitCancellations?: readonly PermitCancellationView[];
}

export function agencyCaseViewOf(snapshot: AgencyCaseSnapshot, context: ReviewContext, lang: Lang): AgencyCaseView {
  const { facts, hold, known } = snapshot;
  const { applicant, employer, employment, ...otherSections } = facts.body;
  const state = { facts, items: snapshot.items.map(({ item }) => item), ...(hold && { hold }) };
  const scope = dataScopeOf(context.catalogue, context.agency as DataReader);
  return {
    caseId: facts.caseId,
    agency: context.agency,
    applicantId: facts.applicantId,
    catalogueVersion: facts.catalogueVersion,
    submittedOn: facts.submittedOn,
    chosenItems: facts.items.map(({ code, action }) => ({ code, action })),
    items: snapshot.items.map(({ item, overdueAnnounced, escalated }) => ({
      ...itemView(facts.caseId, item, { lang, catalogue: context.catalogue, manualItems: context.manualItems, today: context.today, overdueAnnounced, escalated, ...(hold && { hold }) }),
      decision: readinessView(decisionReadiness(state, known, item.code, context), lang),
    })),
    applicant,
    employer,
    employment,
    otherSections,
    materials: facts.materials.map(({ code, sha256, fileName, issuedAt }) => ({ code, sha256, fileName, issuedAt })),
    // Outcomes kept before the agency kept only those its scope releases (`outcomesKeptBy`) stay hidden too.
    knownOutcomes: [...known.values()]
      .filter(({ code }) => scope.releases(`permits.${code}`))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(({ code, status, reason }) => {
        const { text, both } = inLanguage(reason, lang);
        return { code, status, reason: text, reasons: both };
      }),
    heldByJointReview: hold?.status === 'open',
    jointReview: hold ? { status: hold.status, reason: inLanguage(hold.reason, lang).text ?? '', reasons: localize(hold.reason) } : null,
    permitCancellations: [...(snapshot.permitCancellations ?? [])],
  };
}

function readinessView(readiness: DecisionReadiness, lang: Lang): DecisionReadinessView {
  return {
    ...readiness,
    refused: readiness.refused.map(({ decision, code, reason }) => ({ decision, code, reason: inLanguage(reason, lang).text ?? '', reasons: localize(reason) })),
  };
}
