import { type FormEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import type { DraftView, FormField, ItemSelection, MergedForm } from '../api/types';
import { formatMoment } from '../format/china-time';
import { langOf, pick } from '../i18n/i18n';
import { useApp } from '../session/app-context';
import { ConsentStep, shownValue, useSourceWords } from './consent-step';
import { attachedOfContent, isDraftConflict, startingValues, toDraftContent } from './draft-model';
import { type AttachedMaterial, type FieldIssue, newIdempotencyKey, placeServerErrors, toCaseBody, validateField, validateForm } from './form-model';
import { MaterialUpload } from './material-upload';
import './one-form.css';
import { acceptAll, applyConsent, consentForBody, consentOfContent, type Decision, decide, decisionOf, NO_CONSENT, type PrefillConsent, recordVersionOf, reusableFacts, undecidedFacts } from './prefill-preview';
import { StepProgress } from './step-progress';
import { canVisit, fieldsOfStep, firstStepWithProblem, nextStep, previousStep, problemsByPath, problemsOfStep, type StepId, stepOfPath, stepsOf } from './steps';

export interface OneFormProps {
  form: MergedForm;
  items: ItemSelection[];
  /** Sends the body (POST /api/cases) under the idempotency key; resolves to the new case's id. */
  submit(body: Record<string, unknown>, idempotencyKey: string): Promise<{ caseId: string }>;
  onSubmitted(caseId: string): void;
  /** Values the caller's verified identity fixes (`verifiedFormValues`): shown, not editable. */
  verified?: Readonly<Record<string, string>>;
  /** What the first step shows of the chosen items (the page's summary, its forecast). */
  itemsStep?: ReactNode;
  /** A draft to go on with (`GET /api/drafts/:id`): its values and documents fill the form. */
  draft?: DraftView;
  /** Told the draft's id once it is kept on the server (the page puts it in its address). */
  onDraftSaved?(draftId: string): void;
}

type Placed = ReturnType<typeof placeServerErrors>;
const NO_ERRORS: Placed = { fields: {}, materials: {}, general: [] };
type DraftState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: string; restored?: boolean } | { status: 'failed' } | { status: 'conflict' };

/**
 * The one form generated from `POST /api/forms`, in steps: what you need → (what the shared record could
 * reuse: each fact accepted or declined, nothing filled in before) → you → your employer → the job →
 * materials → check and submit. Leaving a step forward checks its fields in the browser, then
 * saves the draft on the server, whose answer says what the submit would refuse: the step's own
 * problems, in the server's words, keep the reader on it. Every step change saves the draft (back
 * too); nothing typed is lost moving between steps. Every control is named by the field's path.
 */
export function OneForm({ form, items, submit, onSubmitted, verified = {}, itemsStep, draft, onDraftSaved }: OneFormProps) {
  const { t, i18n } = useTranslation();
  const { t: tf } = useTranslation('form');
  const { api } = useApp();
  const lang = langOf(i18n.language);
  const [values, setValues] = useState(() => startingValues(form.fields, verified, draft?.content));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [attached, setAttached] = useState<Record<string, AttachedMaterial>>(() => attachedOfContent(draft?.content, form.materials.map((m) => m.code)));
  const [issuedDates, setIssuedDates] = useState<Record<string, string>>(() => Object.fromEntries(Object.values(attachedOfContent(draft?.content, form.materials.map((m) => m.code))).map((m) => [m.code, m.issuedAt])));
  const [serverErrors, setServerErrors] = useState<Placed>(NO_ERRORS);
  const [remaining, setRemaining] = useState<Record<string, string>>(() => (draft ? problemsByPath(draft.problems) : {}));
  const [submitting, setSubmitting] = useState(false);
  const [moving, setMoving] = useState(false);
  const [failure, setFailure] = useState<string>();
  // Consent to each reused fact: the record's facts are shown first and fill the form only once accepted.
  const facts = useMemo(() => reusableFacts(form.fields, verified), [form.fields, verified]);
  const recordVersion = recordVersionOf(facts);
  const [consent, setConsent] = useState<PrefillConsent>(() => consentOfContent(draft?.content) ?? NO_CONSENT);
  const [showUndecided, setShowUndecided] = useState(false);
  const sourceWords = useSourceWords();
  const steps = useMemo(() => stepsOf(form, facts.length > 0), [form, facts.length]);
  const [step, setStep] = useState<StepId>(steps[0]);
  const [furthest, setFurthest] = useState<StepId>(steps[0]);
  const kept = useRef<{ draftId: string; version: number } | undefined>(draft ? { draftId: draft.draftId, version: draft.version } : undefined);
  const [draftState, setDraftState] = useState<DraftState>(draft ? { status: 'saved', at: draft.updatedAt, restored: true } : { status: 'idle' });
  // One key per filled form: a double click or a retry of the same content makes one case.
  const idempotencyKey = useRef(newIdempotencyKey());
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepName = (id: StepId) => tf(`steps.${id}`);

  const changed = () => {
    idempotencyKey.current = newIdempotencyKey();
  };
  const issueText = (issue: FieldIssue) => t(`validation.${issue.key}`, issue.params);
  const materialsSent = () => Object.values(attached).map((m) => ({ ...m, issuedAt: issuedDates[m.code] ?? m.issuedAt }));
  const content = () => toDraftContent(form.fields, values, items, materialsSent(), consentForBody(facts, consent));

  /** A new answer in the preview: the form takes (or gives back) the fact at once, and the answer is kept with the draft. */
  function answer(next: PrefillConsent) {
    changed();
    setValues((previousValues) => applyConsent(previousValues, facts, consent, next));
    setConsent(next);
    if (undecidedFacts(facts, next).length === 0) setShowUndecided(false);
  }

  /** Keeps the form on the server as the caller's draft; its answer, or undefined when it could not be kept. */
  async function saveDraft(): Promise<DraftView | undefined> {
    setDraftState({ status: 'saving' });
    try {
      const saved = kept.current ? await api.saveDraft(kept.current.draftId, kept.current.version, content()) : await api.createDraft(content());
      const isNew = !kept.current;
      kept.current = { draftId: saved.draftId, version: saved.version };
      setDraftState({ status: 'saved', at: saved.updatedAt });
      setRemaining(problemsByPath(saved.problems));
      if (isNew) onDraftSaved?.(saved.draftId);
      return saved;
    } catch (error) {
      setDraftState(isDraftConflict(error) ? { status: 'conflict' } : { status: 'failed' });
      return undefined;
    }
  }

  async function resolveConflict(keepMine: boolean) {
    if (!kept.current) return;
    try {
      const saved = await api.draft(kept.current.draftId);
      kept.current = { draftId: saved.draftId, version: saved.version };
      if (keepMine) {
        await saveDraft();
        return;
      }
      setValues(startingValues(form.fields, verified, saved.content));
      setConsent(consentOfContent(saved.content) ?? NO_CONSENT);
      const restored = attachedOfContent(saved.content, form.materials.map((m) => m.code));
      setAttached(restored);
      setIssuedDates(Object.fromEntries(Object.values(restored).map((m) => [m.code, m.issuedAt])));
      setRemaining(problemsByPath(saved.problems));
      setDraftState({ status: 'saved', at: saved.updatedAt, restored: true });
      changed();
    } catch {
      setDraftState({ status: 'failed' });
    }
  }

  async function go(target: StepId) {
    if (moving || target === step) return;
    const forward = steps.indexOf(target) > steps.indexOf(step);
    setFailure(undefined);
    if (forward && step === 'reuse' && undecidedFacts(facts, consent).length > 0) {
      setShowUndecided(true);
      setFailure(tf('consent.undecided', { count: undecidedFacts(facts, consent).length }));
      focusFirstError();
      return;
    }
    if (forward) {
      const stepFields = fieldsOfStep(form.fields, step);
      setTouched((previous) => ({ ...previous, ...Object.fromEntries(stepFields.map((field) => [field.path, true])) }));
      const issues = validateForm(stepFields, values);
      if (Object.keys(issues).length > 0) {
        setFailure(tf('stepProblems', { count: Object.keys(issues).length }));
        focusFirstError();
        return;
      }
    }
    setMoving(true);
    try {
      const saved = await saveDraft();
      if (saved && forward) {
        const own = problemsOfStep(problemsByPath(saved.problems), step);
        if (Object.keys(own).length > 0) {
          setServerErrors(placeServerErrors(own, materialsSent()));
          setFailure(tf('stepProblems', { count: Object.keys(own).length }));
          focusFirstError();
          return;
        }
      }
      setServerErrors(NO_ERRORS);
      setStep(target);
      if (steps.indexOf(target) > steps.indexOf(furthest)) setFurthest(target);
      requestAnimationFrame(() => headingRef.current?.focus());
    } finally {
      setMoving(false);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting || moving) return;
    if (step !== 'check') {
      const next = nextStep(steps, step);
      if (next) await go(next);
      return;
    }
    if (undecidedFacts(facts, consent).length > 0) {
      // A record that offers more since the preview (a draft reopened later): answer the new facts first.
      setShowUndecided(true);
      setFailure(tf('consent.undecided', { count: undecidedFacts(facts, consent).length }));
      setStep('reuse');
      focusFirstError();
      return;
    }
    const issues = validateForm(form.fields, values);
    setTouched(Object.fromEntries(form.fields.map((field) => [field.path, true])));
    if (Object.keys(issues).length > 0) {
      const first = firstStepWithProblem(steps, Object.fromEntries(Object.keys(issues).map((path) => [path, ''])));
      setFailure(t('fieldErrorsSummary', { count: Object.keys(issues).length }));
      if (first) setStep(first);
      focusFirstError();
      return;
    }
    const materials = materialsSent();
    setSubmitting(true);
    setFailure(undefined);
    try {
      const created = await submit(toCaseBody(form.fields, values, items, materials, consentForBody(facts, consent)), idempotencyKey.current);
      // Submitted: the draft has done its work (a failure here leaves it to expire).
      if (kept.current) await api.deleteDraft(kept.current.draftId).catch(() => undefined);
      onSubmitted(created.caseId);
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        const byPath = error.fieldErrors();
        setServerErrors(placeServerErrors(byPath, materials));
        setRemaining(byPath);
        setFailure(t('fieldErrorsSummary', { count: error.details.length }));
        const first = firstStepWithProblem(steps, byPath);
        if (first && first !== 'check') setStep(first);
        focusFirstError();
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setSubmitting(false);
    }
  }

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input')?.focus());
  }

  function fieldError(field: FormField): string | undefined {
    const issue = touched[field.path] ? validateField(field, values[field.path] ?? '') : null;
    return issue ? issueText(issue) : serverErrors.fields[field.path] || undefined;
  }

  /** What a field says of the shared record: taken from it with the applicant's consent, or declined and asked again. */
  function consentNote(path: string): string | undefined {
    const fact = facts.find((candidate) => candidate.path === path);
    const decision = fact ? decisionOf(consent, path) : undefined;
    if (!fact || !decision) return undefined;
    return decision === 'accepted' ? tf('consent.accepted', { source: sourceWords(fact) }) : tf('consent.declined');
  }

  /** What the check step lists of one step: the answers to the preview, the documents, or the fields as entered. */
  function checkValues(id: StepId): ReactNode {
    if (id === 'reuse') {
      return facts.map((fact) => (
        <div key={fact.path} data-check-reuse={fact.path}>
          <dt>{pick(fact.field.label, i18n.language)}</dt>
          <dd>{tf(decisionOf(consent, fact.path) === 'declined' ? 'consent.notReused' : 'consent.reused')}</dd>
        </div>
      ));
    }
    if (id === 'materials') {
      return form.materials.map((material) => (
        <div key={material.code} data-check-material={material.code}>
          <dt>{pick(material.name, i18n.language)}</dt>
          <dd>{attached[material.code] ? `${attached[material.code].fileName} (${issuedDates[material.code] || tf('notFilled')})` : tf('noDocument')}</dd>
        </div>
      ));
    }
    return fieldsOfStep(form.fields, id).map((field) => (
      <div key={field.path} data-check-field={field.path}>
        <dt>{pick(field.label, i18n.language)}</dt>
        <dd>{shownValue(field, values[field.path] ?? '', i18n.language) || tf('notFilled')}</dd>
      </div>
    ));
  }

  const stepIndex = steps.indexOf(step);
  const previous = previousStep(steps, step);
  const next = nextStep(steps, step);
  const remainingEntries = Object.entries(remaining).filter(([path]) => steps.includes(stepOfPath(path)));

  return (
    <form ref={formRef} className="one-form" noValidate onSubmit={(event) => void onSubmit(event)} data-testid="one-form" data-step={step}>
      <StepProgress steps={steps} current={step} furthest={furthest} name={stepName} canVisit={(target) => canVisit(steps, furthest, target)} onVisit={(target) => void go(target)} />
      <h3 ref={headingRef} tabIndex={-1} className="step-heading" data-testid="step-heading">
        <span className="hint block">{tf('stepOf', { n: stepIndex + 1, total: steps.length })}</span>
        {stepName(step)}
      </h3>
      <DraftNotice state={draftState} lang={lang} onResolve={(keepMine) => void resolveConflict(keepMine)} />
      {failure && (
        <div role="alert" className="notice notice-error" data-testid="form-failure">
          {failure}
          {serverErrors.general.length > 0 && (
            <ul>
              {serverErrors.general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {step === 'items' && (
        <div className="form-step" data-step-panel="items">
          <p className="hint">{tf('itemsIntro')}</p>
          {itemsStep}
        </div>
      )}
      {step === 'reuse' && (
        <ConsentStep
          facts={facts}
          consent={consent}
          showUndecided={showUndecided}
          onDecide={(path: string, decision: Decision) => answer(decide(consent, path, decision, recordVersion))}
          onAcceptAll={() => answer(acceptAll(facts, consent, recordVersion))}
        />
      )}
      {(step === 'you' || step === 'employer' || step === 'job') && (
        <div className="form-step" data-step-panel={step}>
          {sectionsOfStep(fieldsOfStep(form.fields, step)).map(({ section, fields }) => (
            <fieldset key={section} className="form-section">
              <legend>{t(`formSections.${section}`, { defaultValue: section })}</legend>
              {fields.map((field) => (
                <FieldControl
                  key={field.path}
                  field={field}
                  lang={i18n.language}
                  value={values[field.path] ?? ''}
                  error={fieldError(field)}
                  onChange={(value) => {
                    changed();
                    setValues((previousValues) => ({ ...previousValues, [field.path]: value }));
                    setServerErrors((previousErrors) => ({ ...previousErrors, fields: { ...previousErrors.fields, [field.path]: '' } }));
                  }}
                  onBlur={() => setTouched((previousTouched) => ({ ...previousTouched, [field.path]: true }))}
                  prefillNote={field.path in verified ? t('verifiedIdentity') : consentNote(field.path)}
                  locked={field.path in verified}
                />
              ))}
            </fieldset>
          ))}
        </div>
      )}
      {step === 'materials' && (
        <fieldset className="form-section form-step" data-step-panel="materials">
          <legend>{t('formSections.materials')}</legend>
          {form.materials.map((material) => (
            <MaterialUpload
              key={material.code}
              slot={material}
              value={attached[material.code]}
              error={serverErrors.materials[material.code] || undefined}
              issuedAt={issuedDates[material.code] ?? ''}
              onIssuedAt={(date) => {
                changed();
                setIssuedDates((previousDates) => ({ ...previousDates, [material.code]: date }));
              }}
              onChange={(nextMaterial) => {
                changed();
                setAttached((previousAttached) => {
                  const copy = { ...previousAttached };
                  if (nextMaterial) copy[material.code] = nextMaterial;
                  else delete copy[material.code];
                  return copy;
                });
                setServerErrors((previousErrors) => ({ ...previousErrors, materials: { ...previousErrors.materials, [material.code]: '' } }));
              }}
            />
          ))}
        </fieldset>
      )}
      {step === 'check' && (
        <div className="form-step" data-step-panel="check">
          <p className="hint">{tf('checkIntro')}</p>
          {remainingEntries.length > 0 && (
            <div className="notice notice-error" data-testid="remaining-problems">
              <p>{tf('remaining')}</p>
              <ul>
                {remainingEntries.map(([path, message]) => (
                  <li key={path} data-problem={path}>
                    <button type="button" className="link" onClick={() => void go(stepOfPath(path))}>
                      {stepName(stepOfPath(path))}
                    </button>{' '}
                    {labelOf(form.fields, path, i18n.language)}: {message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {steps
            .filter((id) => id !== 'items' && id !== 'check')
            .map((id) => (
              <section key={id} className="check-section card" aria-labelledby={`check-${id}`}>
                <h4 id={`check-${id}`}>{stepName(id)}</h4>
                <dl className="check-values">{checkValues(id)}</dl>
                <button type="button" onClick={() => void go(id)} data-edit-step={id}>
                  {tf('change', { name: stepName(id) })}
                </button>
              </section>
            ))}
        </div>
      )}
      <div className="step-buttons">
        {previous && (
          <button type="button" onClick={() => void go(previous)} disabled={moving || submitting} data-testid="step-back">
            {tf('back', { name: stepName(previous) })}
          </button>
        )}
        {next ? (
          <button type="submit" className="primary" disabled={moving} data-testid="step-next">
            {tf('next', { name: stepName(next) })}
          </button>
        ) : (
          <button type="submit" className="primary" disabled={submitting} data-testid="submit-case">
            {submitting ? t('submitting') : t('submitCase')}
          </button>
        )}
      </div>
    </form>
  );
}

function DraftNotice({ state, lang, onResolve }: { state: DraftState; lang: 'zh' | 'en'; onResolve(keepMine: boolean): void }) {
  const { t } = useTranslation('form');
  if (state.status === 'idle') return null;
  if (state.status === 'conflict') {
    return (
      <div role="alert" className="notice notice-error" data-draft-status="conflict">
        <p>{t('draft.conflict')}</p>
        <button type="button" onClick={() => onResolve(false)}>
          {t('draft.loadSaved')}
        </button>{' '}
        <button type="button" onClick={() => onResolve(true)}>
          {t('draft.keepMine')}
        </button>
      </div>
    );
  }
  const text =
    state.status === 'saving'
      ? t('draft.saving')
      : state.status === 'failed'
        ? t('draft.failed')
        : t(state.restored ? 'draft.restored' : 'draft.saved', { time: formatMoment(state.at, lang) });
  return (
    <p className={`hint${state.status === 'failed' ? ' notice notice-error' : ''}`} role="status" data-draft-status={state.status}>
      {text}
    </p>
  );
}

/** A step's fields by section, in the form's order. */
function sectionsOfStep(fields: readonly FormField[]): { section: string; fields: FormField[] }[] {
  const sections = new Map<string, FormField[]>();
  for (const field of fields) {
    const section = field.path.split('.')[0];
    sections.set(section, [...(sections.get(section) ?? []), field]);
  }
  return [...sections.entries()].map(([section, sectionFields]) => ({ section, fields: sectionFields }));
}

function labelOf(fields: readonly FormField[], path: string, lang: string): string {
  const field = fields.find((candidate) => candidate.path === path);
  return field ? pick(field.label, lang) : path;
}

function FieldControl({
  field,
  lang,
  value,
  error,
  onChange,
  onBlur,
  prefillNote,
  locked,
}: {
  field: FormField;
  lang: string;
  value: string;
  error?: string;
  onChange(value: string): void;
  onBlur(): void;
  prefillNote?: string;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const id = `field-${field.path.replace(/\./g, '-')}`;
  const describedBy = [error ? `${id}-error` : '', prefillNote ? `${id}-prefill` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.path, required: field.required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, onBlur };
  let control;
  if (locked) {
    // What the verified token says: sent as it is, read-only here (a select cannot be read-only, so a text box).
    control = <input {...common} type="text" value={value} readOnly aria-readonly="true" />;
  } else if (field.type === 'enum' || field.type === 'boolean') {
    const options = field.type === 'boolean' ? [{ value: 'true', label: { zh: '是', en: 'Yes' } }, { value: 'false', label: { zh: '否', en: 'No' } }] : (field.options ?? []);
    control = (
      <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('choose')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {pick(option.label, lang)}
          </option>
        ))}
      </select>
    );
  } else {
    const inputMode = field.type === 'number' ? 'decimal' : field.type === 'integer' ? 'numeric' : undefined;
    control = <input {...common} type={field.type === 'date' ? 'date' : 'text'} inputMode={inputMode} value={value} placeholder={field.example !== undefined ? String(field.example) : undefined} onChange={(event) => onChange(event.target.value)} />;
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`} data-field={field.path}>
      <label htmlFor={id}>
        {pick(field.label, lang)}
        {field.required ? <span className="required-mark" aria-hidden="true"> *</span> : <span className="muted"> ({t('optional')})</span>}
      </label>
      {control}
      {prefillNote && (
        <p id={`${id}-prefill`} className="hint">
          {prefillNote}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" data-field-error={field.path}>
          {error}
        </p>
      )}
    </div>
  );
}
