import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionReadiness, OfficerDecisionKind, OfficerItemView } from '../../api/types';
import { useApp } from '../../session/app-context';
import { ChoiceGroup, FormRefusal, RadioChoice, ReasonField, SubmitRow } from './form-bits';
import { DECISIONS, decisionBodyOf, type DecisionDraft, decisionProblemsOf, noDecisionPossible, refusalOf, serverRefusalOf } from './decision-model';
import type { SupplementChoice } from './supplement-choices';

type Problems = Partial<Record<'decision' | 'reason' | 'materials', string>>;

/**
 * Approve, reject or ask once for documents, with the reason shown to the applicant. Decisions the
 * server would refuse now are disabled with its reason; a refusal it gives anyway (409, 400) shows here.
 */
export function DecisionForm({
  caseId,
  item,
  itemName,
  readiness,
  choices,
  onDecided,
}: {
  caseId: string;
  item: Pick<OfficerItemView, 'code'>;
  itemName: string;
  readiness?: DecisionReadiness;
  choices: SupplementChoice[];
  onDecided(decision: OfficerDecisionKind): void;
}) {
  const { t } = useTranslation('officer');
  const { api, session } = useApp();
  const id = useId();
  const [draft, setDraft] = useState<DecisionDraft>({ reason: '', materials: [] });
  const [problems, setProblems] = useState<Problems>({});
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const blocked = noDecisionPossible(readiness);
  const reasonNeeded = draft.decision === 'reject' || draft.decision === 'supplement';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(undefined);
    const found = decisionProblemsOf(draft);
    const translated: Problems = Object.fromEntries(Object.entries(found).map(([control, key]) => [control, t(key)]));
    setProblems(translated);
    if (Object.keys(found).length > 0 || !draft.decision || !session?.agency) {
      focusFirst(form, translated);
      return;
    }
    setSending(true);
    try {
      await api.decide(session.agency, caseId, item.code, decisionBodyOf({ ...draft, decision: draft.decision }));
      onDecided(draft.decision);
    } catch (error) {
      const refusal = serverRefusalOf(error, ['decision', 'reason', 'materials']);
      setProblems(refusal.fields as Problems);
      setFormError(refusal.form);
      focusFirst(form, refusal.fields as Problems);
    } finally {
      setSending(false);
    }
  }

  const set = (next: Partial<DecisionDraft>) => setDraft((previous) => ({ ...previous, ...next }));
  const toggle = (code: string, on: boolean) => set({ materials: on ? [...draft.materials.filter((c) => c !== code), code] : draft.materials.filter((c) => c !== code) });

  return (
    <form className="decision" data-decision-form={item.code} noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('decide.title', { item: itemName })}</h4>
      {blocked && (
        <div className="notice" role="note">
          {t('decide.blocked')}
          <ul>
            {[...new Set(readiness?.refused.map((refusal) => refusal.reason))].map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      <FormRefusal message={formError} data-decision-error={item.code} />
      <ChoiceGroup legend={t('decide.decision')} errorId={`${id}-decision-error`} error={problems.decision} disabled={blocked || sending}>
        {DECISIONS.map((decision) => {
          const refusal = refusalOf(readiness, decision);
          return (
            <div key={decision}>
              <RadioChoice
                id={`${id}-${decision}`}
                name="decision"
                value={decision}
                checked={draft.decision === decision}
                disabled={refusal !== undefined}
                describedBy={refusal ? `${id}-${decision}-note` : undefined}
                onChange={() => set({ decision })}
              >
                {t(`decide.${decision}`)}
              </RadioChoice>
              {refusal !== undefined && (
                <p id={`${id}-${decision}-note`} className="hint choice-note">
                  {t('decide.notNow')} {refusal}
                </p>
              )}
            </div>
          );
        })}
      </ChoiceGroup>
      <ReasonField
        id={id}
        label={t('decide.reason')}
        required={reasonNeeded}
        value={draft.reason}
        hint={t('decide.reasonHint')}
        error={problems.reason}
        disabled={blocked || sending}
        onChange={(reason) => set({ reason })}
      />
      {draft.decision === 'supplement' && (
        <ChoiceGroup legend={t('decide.materials')} errorId={`${id}-materials-error`} error={problems.materials} disabled={sending}>
          {choices.length === 0 && <p className="hint">{t('decide.noMaterials')}</p>}
          {choices.map((choice) => (
            <label key={choice.code} className="choice" htmlFor={`${id}-m-${choice.code}`}>
              <input id={`${id}-m-${choice.code}`} type="checkbox" name="materials" value={choice.code} checked={draft.materials.includes(choice.code)} onChange={(event) => toggle(choice.code, event.target.checked)} />
              <span>
                {choice.name} <span className="muted">({choice.code})</span>
                {choice.suggested && <span className="muted"> — {t('decide.suggested')}</span>}
              </span>
            </label>
          ))}
        </ChoiceGroup>
      )}
      <SubmitRow label={t('decide.submit')} sending={sending} disabled={blocked || sending} />
    </form>
  );
}

/** Moves focus to the first control with a problem, so a keyboard user lands where to fix it. */
function focusFirst(form: HTMLFormElement, problems: Problems) {
  const control = problems.decision ? 'decision' : problems.reason ? 'reason' : problems.materials ? 'materials' : undefined;
  if (!control) return;
  const target = form.querySelector<HTMLElement>(`[name="${control}"]:not(:disabled)`);
  target?.focus();
}
