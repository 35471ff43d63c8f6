import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http';
import type { CaseBody } from '../../api/platform-api';
import { useResource } from '../../api/use-resource';
import { selectionOfContent } from '../../form/draft-model';
import { OneForm } from '../../form/one-form';
import { langOf, pick } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { verifiedFormValues } from '../../session/session';
import './applicant.css';
import { ForecastTimeline } from './forecast-timeline';
import { ReductionTable } from './reduction-table';
import { RefusalNotice } from './refusal-notice';
import { chooseHref, formatSelection, parseSelection } from './selection';

/**
 * The one form, in steps, for the items in `?items=`, pre-filled from the caller's shared record, kept
 * as a draft on the server at each step (`?draft=` opens one again, its items with it), submitted once.
 */
export function ApplyPage() {
  const { t, i18n } = useTranslation('applicant');
  const { t: tf } = useTranslation('form');
  const { api, session } = useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // The draft this page was opened with; a draft made here later only goes into the address.
  const [draftId] = useState(() => params.get('draft'));
  const draft = useResource(() => (draftId ? api.draft(draftId) : Promise.resolve(undefined)), [api, draftId]);
  const raw = params.get('items');
  const items = useMemo(() => (raw ? parseSelection(raw) : draft.data ? selectionOfContent(draft.data.content) : []), [raw, draft.data]);
  const key = formatSelection(items);
  const form = useResource(() => (items.length > 0 ? api.form(items) : Promise.resolve(undefined)), [api, key]);
  const lang = langOf(i18n.language);
  // The dates up front: the forecast of this selection if submitted today (in China).
  const forecast = useResource(() => (items.length > 0 ? api.forecast(items, lang) : Promise.resolve(undefined)), [api, key, lang]);
  const [refusal, setRefusal] = useState<ApiError>();
  const refusalRef = useRef<HTMLDivElement>(null);
  const names = useMemo(() => Object.fromEntries((form.data?.items ?? []).map((item) => [item.code, pick(item.name, i18n.language)])), [form.data, i18n.language]);

  if (draftId && !draft.data && !draft.error) return <Loading />;

  if (items.length === 0) {
    return (
      <div className="applicant-page">
        <h1>{t('apply.title')}</h1>
        {draft.error && <p className="notice notice-error">{tf('draft.loadFailed')}</p>}
        <p className="notice">{t('apply.noSelection')}</p>
        <Link className="button primary" to="/">
          {t('apply.chooseItems')}
        </Link>
      </div>
    );
  }

  async function submit(body: Record<string, unknown>, idempotencyKey: string) {
    setRefusal(undefined);
    try {
      return await api.submitCase(body as CaseBody, idempotencyKey);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setRefusal(error);
        requestAnimationFrame(() => refusalRef.current?.focus());
        throw new Error(t('apply.refusedShort'));
      }
      throw error;
    }
  }

  const itemsStep = (
    <>
      <section aria-labelledby="apply-items-heading" className="card">
        <h2 id="apply-items-heading">{t('apply.chosenItems')}</h2>
        <ul data-testid="chosen-items">
          {items.map((item) => (
            <li key={item.code} data-chosen-item={item.code}>
              {names[item.code] ?? item.code} — {t(`actions.${item.action}`, { defaultValue: item.action })}
            </li>
          ))}
        </ul>
        <p>
          <Link to={chooseHref(items)}>{t('apply.changeSelection')}</Link>
        </p>
        {form.data && <ReductionTable reduction={form.data.reduction} />}
      </section>
      {forecast.data && <ForecastTimeline forecast={forecast.data} names={names} selection />}
    </>
  );

  return (
    <div className="applicant-page apply-page">
      <h1>{t('apply.title')}</h1>
      {draft.error && <p className="notice notice-error">{tf('draft.loadFailed')}</p>}
      {form.error && (
        <>
          <p className="notice notice-error">{t('apply.formFailed')}</p>
          <ErrorNotice error={form.error} onRetry={form.reload} />
        </>
      )}
      {!form.data && form.loading && <Loading />}
      {refusal && <RefusalNotice ref={refusalRef} error={refusal} names={names} />}
      {form.data && (
        <section aria-labelledby="apply-form-heading">
          <h2 id="apply-form-heading">{t('apply.formTitle')}</h2>
          <p className="hint">{t('apply.intro')}</p>
          {form.data.fields.some((field) => field.prefill) && <p className="notice">{t('apply.prefilled')}</p>}
          <OneForm
            key={`${key}:${draft.data?.draftId ?? ''}`}
            form={form.data}
            items={items}
            verified={verifiedFormValues(session)}
            submit={submit}
            onSubmitted={(caseId) => void navigate(`/cases/${caseId}`)}
            itemsStep={itemsStep}
            draft={draft.data}
            onDraftSaved={(saved) => setParams({ items: key, draft: saved }, { replace: true })}
          />
        </section>
      )}
    </div>
  );
}
