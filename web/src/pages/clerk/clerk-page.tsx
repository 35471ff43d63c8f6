import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CaseBody } from '../../api/platform-api';
import type { DraftView, ItemSelection, MergedForm } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { DraftList } from '../../form/draft-list';
import { selectionOfContent } from '../../form/draft-model';
import { OneForm } from '../../form/one-form';
import { langOf, pick } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { sameSelection, selectableItems, selectionOf } from './clerk-model';
import { ItemPicker } from './item-picker';

/**
 * The window clerk fills the one form for a walk-in applicant: chooses the items and actions, opens
 * the merged form, fills it in steps (kept as the clerk's draft on the server at each step; `?draft=`
 * opens one again), submits it (a clerk's case is an offline one) and goes on to the receipt.
 */
export function ClerkPage() {
  const { t, i18n } = useTranslation('clerk');
  const { api, session } = useApp();
  const navigate = useNavigate();
  const lang = langOf(i18n.language);
  const catalogue = useResource(() => api.catalogue(lang), [api, lang]);
  const items = useMemo(() => selectableItems(catalogue.data), [catalogue.data]);
  const [checked, setChecked] = useState<string[]>([]);
  const [actions, setActions] = useState<Record<string, string>>({});
  const [choiceError, setChoiceError] = useState<string>();
  const [opened, setOpened] = useState<{ items: ItemSelection[]; form: MergedForm; generation: number; draft?: DraftView }>();
  const [params, setParams] = useSearchParams();
  const draftParam = params.get('draft');
  // The draft the open form keeps saving: its id in the address is not one to open again.
  const ownDraft = useRef<string | undefined>(undefined);
  const [opening, setOpening] = useState(false);
  const [formError, setFormError] = useState<Error>();
  const formHeading = useRef<HTMLHeadingElement>(null);
  const generation = useRef(0);

  const selection = selectionOf(items, checked, actions);
  const changed = opened !== undefined && !sameSelection(opened.items, selection);

  // A draft to go on with: its items chosen and its form opened with what it holds.
  useEffect(() => {
    if (!draftParam || draftParam === ownDraft.current) return;
    ownDraft.current = draftParam;
    setFormError(undefined);
    void (async () => {
      try {
        const draft = await api.draft(draftParam);
        const chosen = selectionOfContent(draft.content);
        const form = await api.form(chosen);
        setChecked(chosen.map((item) => item.code));
        setActions(Object.fromEntries(chosen.map((item) => [item.code, item.action])));
        generation.current += 1;
        setOpened({ items: chosen, form, generation: generation.current, draft });
      } catch (error) {
        setFormError(error instanceof Error ? error : new Error(String(error)));
      }
    })();
  }, [api, draftParam]);

  // Take the reader to the form once it is there.
  useEffect(() => {
    if (opened) formHeading.current?.focus();
  }, [opened]);

  async function openForm(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    if (selection.length === 0) {
      setChoiceError(t('noItems'));
      return;
    }
    setChoiceError(undefined);
    setOpening(true);
    try {
      const form = await api.form(selection);
      generation.current += 1;
      ownDraft.current = undefined;
      setParams({}, { replace: true });
      setOpened({ items: selection, form, generation: generation.current });
    } catch (error) {
      setFormError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setOpening(false);
    }
  }

  const itemName = (code: string) => items.find((item) => item.code === code)?.name ?? code;
  const actionName = (code: string, action: string) => items.find((item) => item.code === code)?.actions.find((candidate) => candidate.action === action)?.name ?? action;

  return (
    <section aria-labelledby="clerk-title" className="clerk">
      <h1 id="clerk-title">{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} />
      {!catalogue.data && catalogue.loading && <Loading />}
      {catalogue.data && (
        <form onSubmit={(event) => void openForm(event)} noValidate data-testid="clerk-items">
          <ItemPicker
            items={items}
            checked={checked}
            actions={actions}
            error={choiceError}
            onToggle={(code, on) => {
              setChoiceError(undefined);
              setChecked((previous) => (on ? [...previous.filter((candidate) => candidate !== code), code] : previous.filter((candidate) => candidate !== code)));
            }}
            onAction={(code, action) => setActions((previous) => ({ ...previous, [code]: action }))}
          />
          <button type="submit" className={opened ? undefined : 'primary'} disabled={opening} data-testid="clerk-open-form">
            {opening ? t('openingForm') : opened ? t('updateForm') : t('openForm')}
          </button>
        </form>
      )}
      <ErrorNotice error={formError} />
      {opened && (
        <section aria-labelledby="clerk-form-title" className="clerk-form">
          <h2 id="clerk-form-title" ref={formHeading} tabIndex={-1}>
            {t('formTitle')}
          </h2>
          <p data-testid="clerk-form-items">
            {t('formItems', {
              items: opened.form.items
                .map((item) => `${item.name ? pick(item.name, lang) : itemName(item.code)} (${actionName(item.code, item.action)})`)
                .join(lang === 'zh' ? '、' : ', '),
            })}
          </p>
          {changed && (
            <p className="notice" role="status" data-testid="clerk-selection-changed">
              {t('selectionChanged')}
            </p>
          )}
          <p className="notice">{t('offlineNotice', { subject: session?.subject ?? '' })}</p>
          {opened.form.reduction && <p className="hint">{t('reduction', opened.form.reduction)}</p>}
          <OneForm
            key={opened.generation}
            form={opened.form}
            items={opened.items}
            submit={(body, idempotencyKey) => api.submitCase(body as CaseBody, idempotencyKey)}
            onSubmitted={(caseId) => void navigate(`/clerk/receipt/${encodeURIComponent(caseId)}`)}
            draft={opened.draft}
            onDraftSaved={(draftId) => {
              ownDraft.current = draftId;
              setParams({ draft: draftId }, { replace: true });
            }}
          />
        </section>
      )}
      {!opened && <DraftList continueHref={(draft) => `/clerk?draft=${encodeURIComponent(draft.draftId)}`} itemName={itemName} />}
    </section>
  );
}
