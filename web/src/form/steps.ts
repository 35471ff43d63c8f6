import type { FormField, FormMaterial } from '../api/types';

/**
 * The one form's steps, in order: what you need → what your shared record could fill in (each fact
 * accepted or declined; only when it offers something) → you → your employer → the job → materials →
 * check and submit.
 */
export const STEP_ORDER = ['items', 'reuse', 'you', 'employer', 'job', 'materials', 'check'] as const;
export type StepId = (typeof STEP_ORDER)[number];

/** The step each section of the case body is asked in; a section the catalogue adds later goes with the job. */
const SECTION_STEP: Readonly<Record<string, StepId>> = {
  items: 'items',
  prefillConsent: 'reuse',
  applicant: 'you',
  talent: 'you',
  title: 'you',
  history: 'you',
  holdings: 'you',
  residence: 'you',
  employer: 'employer',
  employment: 'job',
  change: 'job',
  insurance: 'job',
  materials: 'materials',
};

/** The step a field path (or an error's path: `items.0.code`, `materials.2.sha256`) belongs to; the body as a whole to the check. */
export function stepOfPath(path: string): StepId {
  if (path === '') return 'check';
  return SECTION_STEP[path.split('.')[0]] ?? 'job';
}

/**
 * The steps this form has: the items and the check always, the others when the chosen items ask
 * something in them; the preview of the shared record's facts when it offers some (`reuse`).
 */
export function stepsOf(form: { fields: readonly FormField[]; materials: readonly FormMaterial[] }, reuse = false): StepId[] {
  const asked = new Set<StepId>(form.fields.map((field) => stepOfPath(field.path)));
  if (form.materials.length > 0) asked.add('materials');
  if (reuse) asked.add('reuse');
  return STEP_ORDER.filter((step) => step === 'items' || step === 'check' || asked.has(step));
}

export function fieldsOfStep(fields: readonly FormField[], step: StepId): FormField[] {
  return fields.filter((field) => stepOfPath(field.path) === step);
}

/** The step after `current`, or undefined at the end. */
export function nextStep(steps: readonly StepId[], current: StepId): StepId | undefined {
  return steps[steps.indexOf(current) + 1];
}

export function previousStep(steps: readonly StepId[], current: StepId): StepId | undefined {
  const index = steps.indexOf(current);
  return index > 0 ? steps[index - 1] : undefined;
}

/** Whether the progress list may take the reader to `target`: any step up to the furthest one already reached. */
export function canVisit(steps: readonly StepId[], furthest: StepId, target: StepId): boolean {
  return steps.indexOf(target) >= 0 && steps.indexOf(target) <= steps.indexOf(furthest);
}

/** The problems (by path) of one step: what the form shows on leaving it. */
export function problemsOfStep(problems: Readonly<Record<string, string>>, step: StepId): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).filter(([path]) => stepOfPath(path) === step));
}

/** The first step, in the form's order, with any of these problems. */
export function firstStepWithProblem(steps: readonly StepId[], problems: Readonly<Record<string, string>>): StepId | undefined {
  const withProblems = new Set(Object.keys(problems).map(stepOfPath));
  return steps.find((step) => withProblems.has(step));
}

/** Problems as the form keeps them, by path (several for one path joined). */
export function problemsByPath(problems: readonly { field: string; message: string }[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const { field, message } of problems) byPath[field] = byPath[field] ? `${byPath[field]}; ${message}` : message;
  return byPath;
}
