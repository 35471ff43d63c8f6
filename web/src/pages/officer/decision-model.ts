import { ApiError } from '../../api/http';
import type { DecisionReadiness, OfficerDecisionKind } from '../../api/types';

export const DECISIONS: readonly OfficerDecisionKind[] = ['approve', 'reject', 'supplement'];

export interface DecisionDraft {
  decision?: OfficerDecisionKind;
  reason: string;
  materials: readonly string[];
}

/** What is wrong with a draft, as `officer:` message keys by control; empty when it may be sent. */
export type DecisionProblems = Partial<Record<'decision' | 'reason' | 'materials', string>>;

/** The same rules as the server's DTO: a rejection and a supplement request say why; a supplement names documents. */
export function decisionProblemsOf(draft: DecisionDraft): DecisionProblems {
  const problems: DecisionProblems = {};
  if (!draft.decision) problems.decision = 'decide.chooseDecision';
  if ((draft.decision === 'reject' || draft.decision === 'supplement') && draft.reason.trim() === '') problems.reason = 'decide.reasonRequired';
  if (draft.decision === 'supplement' && draft.materials.length === 0) problems.materials = 'decide.materialsRequired';
  return problems;
}

/** The request body: the reason only when given, the documents only when asking for them. */
export function decisionBodyOf(draft: DecisionDraft & { decision: OfficerDecisionKind }): { decision: OfficerDecisionKind; reason?: string; materials?: string[] } {
  const reason = draft.reason.trim();
  return { decision: draft.decision, ...(reason ? { reason } : {}), ...(draft.decision === 'supplement' ? { materials: [...draft.materials] } : {}) };
}

/** Why a decision would be refused now (the server's 409 reason worked out beforehand), if it would. */
export function refusalOf(readiness: DecisionReadiness | undefined, decision: OfficerDecisionKind): string | undefined {
  if (!readiness) return undefined;
  if (readiness.allowed.includes(decision)) return undefined;
  return readiness.refused.find((refusal) => refusal.decision === decision)?.reason ?? '';
}

/** True when the server says no decision at all can be taken on the item now. */
export function noDecisionPossible(readiness: DecisionReadiness | undefined): boolean {
  return readiness !== undefined && readiness.allowed.length === 0;
}

/** The server's refusal, split into what belongs at a control and what belongs at the whole form. */
export interface ServerRefusal {
  form?: string;
  fields: Partial<Record<string, string>>;
}

/** A 400's details go to their controls (`reason`, `materials`, `opinion`…); a 409, 403 or anything else to the form. */
export function serverRefusalOf(error: unknown, controls: readonly string[]): ServerRefusal {
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : String(error), fields: {} };
  const byField = error.fieldErrors();
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [field, message] of Object.entries(byField)) {
    const control = controls.find((name) => field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`));
    if (control) fields[control] = fields[control] ? `${fields[control]}; ${message}` : message;
    else elsewhere.push(`${field}: ${message}`);
  }
  const form = Object.keys(fields).length > 0 && elsewhere.length === 0 ? undefined : [error.message, ...elsewhere].join(' — ');
  return { ...(form ? { form } : {}), fields };
}
