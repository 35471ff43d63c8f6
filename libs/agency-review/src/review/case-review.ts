/**
 * The review workflow of one agency for one case, as plain functions of state: pre-review at
 * submission, one supplement request, prerequisites, automatic or officer decisions, terminations,
 * withdrawal. The same state and the same outcomes always give the same result, whatever order the
 * events that carried them arrived in; persistence and the bus live elsewhere.
 */
import { asWritten, caseItems, type CatalogueItem, isMessage, type Message, materialShortfall, message, officerReason, render, topologicalOrder } from '@work-permit/catalogue';
import { dueDate, type IsoDate, isBeyondCalendar, latest, type TimeLimit } from '@work-permit/workdays';
import type { AssessmentContext, CaseFacts, CaseMaterial, PrerequisiteOutcome } from '../policy/item-policy';
import { type CaseHold, type CaseReviewState, type Decider, isFinal, type ReviewContext, type ReviewItem, type ReviewNotice, type ReviewStep } from './review-model';

export type OfficerDecisionKind = 'approve' | 'reject' | 'supplement';

export interface OfficerDecision {
  decision: OfficerDecisionKind;
  reason?: string;
  /** For a supplement request: the documents asked for. */
  materials?: string[];
}

export type DecisionRefusalCode =
  | 'item_not_found'
  | 'not_ready'
  | 'already_final'
  | 'supplement_already_requested'
  | 'unknown_material'
  | 'not_extendable'
  | 'already_extended'
  | 'limit_passed';

/** An officer's decision the item's state does not allow; the reason says why, for the officer, in either language. */
export class DecisionRefused extends Error {
  override readonly name = 'DecisionRefused';
  constructor(
    readonly code: DecisionRefusalCode,
    readonly reason: Message,
  ) {
    super(render(reason, 'en'));
  }
}

/** The items this agency reviews in a newly submitted case, each pre-reviewed at once. */
export function openReview(facts: CaseFacts, context: ReviewContext): ReviewStep {
  const notices: ReviewNotice[] = [];
  const involved = caseItems(context.catalogue, facts.items, facts.body);
  const items = involved
    .filter((ref) => ref.agency === context.agency)
    .map((ref) => {
      const definition = itemDefinition(context, ref.code);
      const limit = definition.actions.find((a) => a.action === ref.action)?.timeLimit ?? definition.timeLimit;
      const statutory = definition.statutoryLimit;
      // A dependant can be accepted only once the items it depends on in this case are granted; until then its clock waits.
      const waitsForItems = definition.prerequisites.some((code) => involved.some((other) => other.code === code && other.kind !== 'step'));
      const item: ReviewItem = {
        code: ref.code,
        action: ref.action,
        status: 'in_review',
        timeLimit: { amount: limit.amount, unit: limit.unit },
        pauses: [],
        supplementRequested: false,
        requestedMaterials: [],
        stillMissing: [],
        reason: null,
        assessment: null,
        result: null,
        decidedBy: null,
        decidedAt: null,
        clockStartsOn: waitsForItems ? null : facts.submittedOn,
        dueDate: null,
        dueDateProvisional: false,
        statutoryLimit: statutory ? { amount: statutory.amount, unit: statutory.unit } : null,
        statutoryDueDate: null,
        extension: null,
      };
      reckonDueDate(item);
      notices.push(progressed(item));
      const shortfall = materialShortfall(context.catalogue, ref, facts.items, facts.materials, { today: context.today, body: facts.body });
      const asked = [...shortfall.missing, ...shortfall.expired];
      if (asked.length > 0) notices.push(requestSupplement(item, asked, supplementReason(context, ref, shortfall), context));
      return item;
    });
  return { items, notices, outcomes: [] };
}

/**
 * Moves every open item as far as the known outcomes allow: terminated when a prerequisite failed,
 * pending while one is still undecided, otherwise assessed and decided automatically when nothing
 * stands in the way, or left in review for an officer.
 */
export function advanceReview(state: CaseReviewState, known: ReadonlyMap<string, PrerequisiteOutcome>, context: ReviewContext): ReviewStep {
  const outcomes = new Map(known);
  const notices: ReviewNotice[] = [];
  const ownOutcomes: PrerequisiteOutcome[] = [];
  const record = (outcome: PrerequisiteOutcome) => {
    outcomes.set(outcome.code, outcome);
    ownOutcomes.push(outcome);
  };
  const items = state.items.map(copyItem);
  const hold = state.hold;
  for (const item of inDependencyOrder(items, context)) {
    const announced = notices.length;
    const dueBefore = item.dueDate;
    advanceItem(item);
    // A clock that started, or a limit the rules changed, moves the due date: say so when nothing else was said.
    if (notices.length === announced && !isFinal(item.status) && item.dueDate !== dueBefore) notices.push(progressed(item));
  }
  return { items, notices, outcomes: ownOutcomes };

  function advanceItem(item: ReviewItem): void {
    if (hold?.status === 'rejected' && !isFinal(item.status)) {
      const reason = message('review.joint_review_rejected', { reason: hold.reason });
      notices.push(decide(item, 'rejected', JOINT_REVIEW_DECIDER, context.now, reason));
      record({ code: item.code, status: 'rejected', reason, result: {}, decidedOn: context.today });
      return;
    }
    if (item.status === 'joint_review') {
      if (hold?.status === 'open') return;
      // The joint review approved the case: the item's own review goes on (and a person decides it).
      item.status = 'in_review';
      notices.push(progressed(item));
    }
    if (item.status !== 'pending' && item.status !== 'in_review' && item.status !== 'awaiting_supplement') return;
    const prerequisites = resolvePrerequisites(item, state.facts, outcomes, context);
    const failed = [...prerequisites.values()].find((outcome) => outcome !== undefined && outcome.status !== 'granted');
    if (failed) {
      // Also ends a pending document request: the applicant need not answer for an item that cannot be granted.
      item.status = 'terminated';
      item.reason = terminationReason(failed);
      notices.push(progressed(item));
      record({ code: item.code, status: 'terminated', reason: item.reason, result: {} });
      return;
    }
    const waiting = [...prerequisites.values()].includes(undefined);
    if (!waiting) startClock(item, prerequisites as Map<string, PrerequisiteOutcome>, state.facts, context);
    if (item.status === 'awaiting_supplement') return;
    if (hold?.status === 'open') {
      item.status = 'joint_review';
      notices.push(progressed(item));
      return;
    }
    if (waiting) {
      if (item.status !== 'pending') {
        item.status = 'pending';
        notices.push(progressed(item));
      }
      return;
    }
    const assessmentContext = assessmentContextFor(item, prerequisites as Map<string, PrerequisiteOutcome>, context);
    if (!item.assessment) assess(item, state.facts, assessmentContext, context);
    if (officerReasons(item, context, hold).length === 0) {
      notices.push(decide(item, 'granted', { kind: 'automatic' }, context.now));
      record({ code: item.code, status: 'granted', result: item.result ?? {}, decidedOn: context.today });
      return;
    }
    if (item.status !== 'in_review') {
      item.status = 'in_review';
      notices.push(progressed(item));
    }
  }
}

/**
 * The applicant answered a supplement request: the documents are filed and the item's clock runs
 * again. One set of materials serves the whole case, so any other item here that was waiting only
 * for documents now on file resumes too: nothing is asked twice.
 */
export function supplementReview(state: CaseReviewState, itemCode: string, materials: readonly CaseMaterial[], context: ReviewContext): { facts: CaseFacts; step: ReviewStep } {
  const supplied = new Set(materials.map((m) => m.code));
  const facts: CaseFacts = { ...state.facts, materials: [...state.facts.materials.filter((m) => !supplied.has(m.code)), ...materials] };
  const onFile = new Set(facts.materials.map((m) => m.code));
  const notices: ReviewNotice[] = [];
  const items = state.items.map(copyItem);
  for (const item of items) {
    if (isFinal(item.status)) continue;
    // Any open item may read the new documents, so its rules are worked out again.
    item.assessment = null;
    if (item.status !== 'awaiting_supplement') continue;
    const answered = item.code === itemCode || (supplied.size > 0 && item.requestedMaterials.every((code) => onFile.has(code)));
    if (!answered) continue;
    item.pauses = item.pauses.map((pause) => (pause.to ? pause : { from: pause.from, to: latestOf(pause.from, context.today) }));
    const shortfall = materialShortfall(context.catalogue, item, facts.items, facts.materials, { today: context.today, body: facts.body });
    item.stillMissing = [...shortfall.missing, ...shortfall.expired];
    item.requestedMaterials = [];
    item.status = 'in_review';
    item.reason = null;
    reckonDueDate(item);
    notices.push(progressed(item));
  }
  return { facts, step: { items, notices, outcomes: [] } };
}

/** The case was withdrawn: every item not yet final stops. */
export function withdrawReview(state: CaseReviewState, reason: Message): ReviewStep {
  const notices: ReviewNotice[] = [];
  const outcomes: PrerequisiteOutcome[] = [];
  const items = state.items.map(copyItem);
  for (const item of items) {
    if (isFinal(item.status)) continue;
    item.status = 'withdrawn';
    item.reason = reason;
    notices.push(progressed(item));
    outcomes.push({ code: item.code, status: 'withdrawn', reason, result: {} });
  }
  return { items, notices, outcomes };
}

/** Who decided an item the joint review ended. */
export const JOINT_REVIEW_DECIDER: Decider = { kind: 'officer', subject: 'joint-review' };

/** An officer approves, rejects or asks for documents; anything the item's state does not allow is refused. */
export function decideByOfficer(
  state: CaseReviewState,
  known: ReadonlyMap<string, PrerequisiteOutcome>,
  itemCode: string,
  input: OfficerDecision,
  officer: string,
  context: ReviewContext,
): ReviewStep {
  const items = state.items.map(copyItem);
  const item = items.find((candidate) => candidate.code === itemCode);
  if (!item) throw new DecisionRefused('item_not_found', message('refusal.item_not_here', { caseId: state.facts.caseId, item: itemCode }));
  if (isFinal(item.status)) throw new DecisionRefused('already_final', message('refusal.already_final', { item: itemCode, status: item.status }));
  if (item.status === 'awaiting_supplement') {
    throw new DecisionRefused('not_ready', message('refusal.awaiting_documents', { item: itemCode, materials: item.requestedMaterials }));
  }
  if (state.hold?.status === 'open' || item.status === 'joint_review') {
    throw new DecisionRefused('not_ready', message('refusal.held_by_joint_review', { item: itemCode, reason: state.hold?.reason }));
  }
  const decider: Decider = { kind: 'officer', subject: officer };
  if (input.decision === 'supplement') {
    if (item.supplementRequested) {
      throw new DecisionRefused('supplement_already_requested', message('refusal.supplement_already_requested', { item: itemCode }));
    }
    const known = new Set(context.catalogue.materials.map((m) => m.code));
    const unknown = (input.materials ?? []).filter((code) => !known.has(code));
    if (unknown.length > 0) throw new DecisionRefused('unknown_material', message('refusal.unknown_material', { materials: unknown }));
    const notice = requestSupplement(item, input.materials ?? [], input.reason ? officerReason(input.reason) : null, context);
    return { items, notices: [notice], outcomes: [] };
  }
  const prerequisites = resolvePrerequisites(item, state.facts, known, context);
  const waitingFor = [...prerequisites].filter(([, outcome]) => outcome?.status !== 'granted').map(([code]) => code);
  if (item.status !== 'in_review' || waitingFor.length > 0) {
    throw new DecisionRefused('not_ready', message('refusal.prerequisites_not_granted', { item: itemCode, waitingFor }));
  }
  if (input.decision === 'approve') {
    // Worked out again on the day of the decision, so a permit never starts before it is granted.
    assess(item, state.facts, assessmentContextFor(item, prerequisites as Map<string, PrerequisiteOutcome>, context), context);
    if (!item.assessment?.result) {
      const findings = item.assessment?.findings.filter((f) => !f.passed).map((f) => f.message) ?? [];
      throw new DecisionRefused('not_ready', message('refusal.result_not_worked_out', { item: itemCode, findings }));
    }
    item.result = item.assessment.result;
  }
  const notice = decide(item, input.decision === 'approve' ? 'granted' : 'rejected', decider, context.now, input.reason ? officerReason(input.reason) : undefined);
  const outcome: PrerequisiteOutcome = { code: item.code, status: item.status as 'granted' | 'rejected', reason: item.reason ?? undefined, result: item.result ?? {}, decidedOn: context.today };
  const next = advanceReview({ facts: state.facts, items, hold: state.hold }, new Map([...known, [outcome.code, outcome]]), context);
  return { items: next.items, notices: [notice, ...next.notices], outcomes: [outcome, ...next.outcomes] };
}

/**
 * The owning agency extends the item's statutory decision limit once, by the catalogue's
 * `extendableBy` (the work permit's 20 working days by 10), before it runs out, giving its reason; the
 * extended limit becomes the item's due date and is announced with the reason.
 */
export function extendDecisionLimit(state: CaseReviewState, itemCode: string, reason: string, officer: string, context: ReviewContext): ReviewStep {
  const items = state.items.map(copyItem);
  const item = items.find((candidate) => candidate.code === itemCode);
  if (!item) throw new DecisionRefused('item_not_found', message('refusal.item_not_here', { caseId: state.facts.caseId, item: itemCode }));
  const definition = itemDefinition(context, itemCode);
  if (isFinal(item.status)) throw new DecisionRefused('already_final', message('refusal.already_final', { item: itemCode, status: item.status }));
  const extendableBy = definition.statutoryLimit?.extendableBy;
  if (!item.statutoryLimit || extendableBy === undefined) throw new DecisionRefused('not_extendable', message('refusal.not_extendable', { item: itemCode }));
  if (item.extension) throw new DecisionRefused('already_extended', message('refusal.already_extended', { item: itemCode, until: item.statutoryDueDate ?? '' }));
  if (item.clockStartsOn === null) throw new DecisionRefused('not_ready', message('refusal.clock_not_started', { item: itemCode }));
  if (item.statutoryDueDate !== null && item.statutoryDueDate < context.today) {
    throw new DecisionRefused('limit_passed', message('refusal.limit_passed', { item: itemCode, ranOutOn: item.statutoryDueDate }));
  }
  item.extension = { amount: extendableBy, reason, by: officer, on: context.today };
  reckonDueDate(item);
  // While a supplement pause holds the clock there is no last day yet; the notice says so by leaving it out.
  item.reason = message('review.limit_extended', { amount: extendableBy, unit: item.statutoryLimit.unit, until: item.statutoryDueDate ?? '—', reason: officerReason(reason) });
  return { items, notices: [progressed(item, { deadlineExtended: true })], outcomes: [] };
}

/** What an officer's decision on an item would need now (the workbench's "what can I do here"). */
export interface DecisionReadiness {
  /** The decisions `POST /api/items/:caseId/:code/decision` would accept now (given a reason, and documents for a supplement). */
  allowed: OfficerDecisionKind[];
  /** Why each other decision would be refused now: the 409's code and reason. */
  refused: { decision: OfficerDecisionKind; code: DecisionRefusalCode; reason: Message }[];
  /** The item's prerequisites not granted yet (undecided, or ended otherwise). */
  waitingFor: string[];
}

const OFFICER_DECISIONS: readonly OfficerDecisionKind[] = ['approve', 'reject', 'supplement'];

/**
 * Tries each decision on the state as it is, without keeping anything (`decideByOfficer` is pure), so
 * the answer is exactly what a real decision would meet — an approval is worked out on `context.today`.
 */
export function decisionReadiness(state: CaseReviewState, known: ReadonlyMap<string, PrerequisiteOutcome>, itemCode: string, context: ReviewContext): DecisionReadiness {
  const allowed: OfficerDecisionKind[] = [];
  const refused: DecisionReadiness['refused'] = [];
  for (const decision of OFFICER_DECISIONS) {
    try {
      // Reason and documents are the request's to give (400 when missing); only the item's state is tried here.
      decideByOfficer(state, known, itemCode, { decision, reason: 'readiness', materials: [] }, 'readiness', context);
      allowed.push(decision);
    } catch (error) {
      if (!(error instanceof DecisionRefused)) throw error;
      refused.push({ decision, code: error.code, reason: error.reason });
    }
  }
  const item = state.items.find((candidate) => candidate.code === itemCode);
  const waitingFor =
    item && !isFinal(item.status)
      ? [...resolvePrerequisites(item, state.facts, known, context)].filter(([, outcome]) => outcome?.status !== 'granted').map(([code]) => code)
      : [];
  return { allowed, refused, waitingFor };
}

/**
 * Why an officer, not the system, must decide this item; empty when it may be decided automatically.
 * A case whose joint review approved it (a listed applicant) is decided by a person, item by item.
 */
export function officerReasons(item: ReviewItem, context: Pick<ReviewContext, 'manualItems'>, hold?: CaseHold): Message[] {
  const reasons: Message[] = [];
  if (hold?.status === 'approved') reasons.push(message('review.listed_applicant'));
  if (context.manualItems.has(item.code)) reasons.push(message('review.manual_item'));
  if (item.stillMissing.length > 0) reasons.push(message('review.still_missing', { materials: item.stillMissing }));
  const assessment = item.assessment;
  if (!assessment) return [...reasons, message('review.not_assessed')];
  reasons.push(...assessment.findings.filter((f) => !f.passed).map((f) => f.message));
  reasons.push(...assessment.flags.map((flag) => message('review.flagged', { flag })));
  if (!assessment.result) reasons.push(message('review.no_result'));
  return reasons;
}

function assess(item: ReviewItem, facts: CaseFacts, assessmentContext: AssessmentContext, context: ReviewContext): void {
  const policy = context.policies.get(item.code);
  if (!policy) throw new Error(`no policy for ${item.code} at ${context.agency}`);
  let limit;
  try {
    item.assessment = policy.assess(facts, assessmentContext);
    limit = policy.timeLimit?.(facts, assessmentContext);
  } catch (error) {
    // Facts the rules cannot read (a value the portal should have refused) go to an officer rather than stall the case.
    item.assessment = { findings: [{ rule: 'rules_could_not_run', passed: false, message: message('review.rules_could_not_run', { detail: whyRulesFailed(error) }) }], flags: [] };
    return;
  }
  if (limit && (limit.amount !== item.timeLimit.amount || limit.unit !== item.timeLimit.unit)) {
    item.timeLimit = { amount: limit.amount, unit: limit.unit };
    reckonDueDate(item);
  }
}

/** A rule's own refusal (a domain error carrying a message) in the reader's language; any other error by its text. */
function whyRulesFailed(error: unknown): Message {
  const reason = (error as { reason?: unknown } | null)?.reason;
  return isMessage(reason) ? reason : asWritten(error instanceof Error ? error.message : String(error));
}

function decide(item: ReviewItem, decision: 'granted' | 'rejected', decidedBy: Decider, now: Date, reason?: Message): ReviewNotice {
  item.status = decision;
  item.decidedBy = decidedBy;
  item.decidedAt = now;
  item.reason = reason ?? null;
  if (decision === 'granted') item.result = item.assessment?.result ?? item.result ?? {};
  else item.result = null;
  return {
    kind: 'decided',
    code: item.code,
    action: item.action,
    decision,
    reason: item.reason ?? undefined,
    result: item.result ?? undefined,
    decidedBy,
    decidedAt: now,
  };
}

function requestSupplement(item: ReviewItem, materials: string[], reason: Message | null, context: ReviewContext): ReviewNotice {
  item.status = 'awaiting_supplement';
  item.supplementRequested = true;
  item.requestedMaterials = [...materials];
  item.reason = reason;
  item.pauses = [...item.pauses, { from: context.today, to: null }];
  reckonDueDate(item);
  return progressed(item);
}

function progressed(item: ReviewItem, options: { deadlineExtended?: boolean } = {}): ReviewNotice {
  return {
    kind: 'progressed',
    code: item.code,
    action: item.action,
    status: item.status as Exclude<ReviewItem['status'], 'granted' | 'rejected'>,
    reason: item.reason ?? undefined,
    requestedMaterials: item.status === 'awaiting_supplement' ? [...item.requestedMaterials] : undefined,
    dueDate: item.dueDate,
    statutoryDueDate: item.statutoryDueDate,
    ...(options.deadlineExtended && { deadlineExtended: true }),
  };
}

/**
 * The due dates from the day the clock started, moved by the supplement pauses; none while the clock
 * waits for prerequisites or a pause holds it. Once the statutory limit is extended, the extended
 * limit is the item's due date.
 */
function reckonDueDate(item: ReviewItem): void {
  if (item.clockStartsOn === null) {
    item.dueDate = null;
    item.statutoryDueDate = null;
    item.dueDateProvisional = false;
    return;
  }
  const due = (limit: TimeLimit) => dueDate(item.clockStartsOn as IsoDate, limit, item.pauses, { beyondCalendar: 'weekdays' }) ?? null;
  const statutory = effectiveStatutoryLimit(item);
  item.statutoryDueDate = statutory ? due(statutory) : null;
  item.dueDate = item.extension ? item.statutoryDueDate : due(item.timeLimit);
  item.dueDateProvisional = item.dueDate !== null && isBeyondCalendar(item.dueDate);
}

function effectiveStatutoryLimit(item: ReviewItem): TimeLimit | null {
  if (!item.statutoryLimit) return null;
  return { amount: item.statutoryLimit.amount + (item.extension?.amount ?? 0), unit: item.statutoryLimit.unit };
}

/**
 * Starts a waiting clock once every prerequisite is granted: on the day the last one decided in this
 * case was granted (a held permit, a step and the day of submission count as granted from the start).
 * The day comes from the outcomes themselves, so the same events in any order start it the same day.
 */
function startClock(item: ReviewItem, prerequisites: ReadonlyMap<string, PrerequisiteOutcome>, facts: CaseFacts, context: ReviewContext): void {
  if (item.clockStartsOn !== null) return;
  const granted = [...prerequisites.values()]
    .filter((outcome) => !outcome.held && itemDefinition(context, outcome.code).kind !== 'step')
    .map((outcome) => outcome.decidedOn ?? context.today);
  item.clockStartsOn = latest(facts.submittedOn, ...granted);
  reckonDueDate(item);
}

/**
 * Each prerequisite's outcome: known from its owner's event, undecided (undefined) while its owner
 * is still at work in this case, or taken from the form's holdings when the case does not involve it.
 */
function resolvePrerequisites(item: ReviewItem, facts: CaseFacts, outcomes: ReadonlyMap<string, PrerequisiteOutcome>, context: ReviewContext): Map<string, PrerequisiteOutcome | undefined> {
  const involved = new Set(caseItems(context.catalogue, facts.items, facts.body).map((ref) => ref.code));
  const resolved = new Map<string, PrerequisiteOutcome | undefined>();
  for (const code of itemDefinition(context, item.code).prerequisites) {
    const prerequisite = itemDefinition(context, code);
    // A step this action does not run is no prerequisite of it (a change keeps the permit's category).
    if (prerequisite.kind === 'step' && !involved.has(code)) continue;
    resolved.set(code, outcomes.get(code) ?? (involved.has(code) ? undefined : heldOutcome(prerequisite, facts)));
  }
  return resolved;
}

function heldOutcome(prerequisite: CatalogueItem, facts: CaseFacts): PrerequisiteOutcome {
  const permitNo = prerequisite.heldEvidenceField ? valueAt(facts.body, prerequisite.heldEvidenceField) : undefined;
  const validTo = prerequisite.heldValidToField ? valueAt(facts.body, prerequisite.heldValidToField) : undefined;
  if (typeof permitNo !== 'string' || permitNo === '') {
    return { code: prerequisite.code, status: 'terminated', reason: message('review.prerequisite_not_held', { item: prerequisite.code }), result: {}, held: true };
  }
  return { code: prerequisite.code, status: 'granted', result: { permitNo, ...(typeof validTo === 'string' ? { validTo } : {}) }, held: true };
}

function assessmentContextFor(item: ReviewItem, prerequisites: Map<string, PrerequisiteOutcome>, context: ReviewContext): AssessmentContext {
  return { today: context.today, parameters: context.catalogue.parameters, action: item.action, prerequisites };
}

function terminationReason(failed: PrerequisiteOutcome): Message {
  return message('review.terminated', { item: failed.code, status: failed.status, reason: failed.reason });
}

/** Names every document asked for, with the condition that makes a conditional one necessary in this case. */
function supplementReason(context: ReviewContext, item: { code: string; action: string }, shortfall: { missing: string[]; expired: string[] }): Message {
  const uses = itemDefinition(context, item.code).actions.find((a) => a.action === item.action)?.materials ?? [];
  const asked = (code: string): Message => message('review.material_asked', { material: code, condition: uses.find((use) => use.code === code)?.condition });
  return message('review.supplement_requested', { missing: shortfall.missing.map(asked), expired: shortfall.expired.map(asked) });
}

function inDependencyOrder(items: ReviewItem[], context: ReviewContext): ReviewItem[] {
  const order = topologicalOrder(context.catalogue);
  return [...items].sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
}

function itemDefinition(context: ReviewContext, code: string): CatalogueItem {
  const item = context.catalogue.items.find((candidate) => candidate.code === code);
  if (!item) throw new Error(`${code} is not in catalogue ${context.catalogue.version}`);
  return item;
}

function copyItem(item: ReviewItem): ReviewItem {
  return {
    ...item,
    pauses: item.pauses.map((p) => ({ ...p })),
    requestedMaterials: [...item.requestedMaterials],
    stillMissing: [...item.stillMissing],
    extension: item.extension && { ...item.extension },
  };
}

function valueAt(body: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), body);
}

function latestOf(a: string, b: string): string {
  return a > b ? a : b;
}
