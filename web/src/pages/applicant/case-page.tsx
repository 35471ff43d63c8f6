import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useResource } from '../../api/use-resource';
import { chinaToday, formatMoment } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { ErrorNotice, Loading, StatusBadge } from '../../layout/status';
import { useApp } from '../../session/app-context';
import './applicant.css';
import { itemNames, materialInfo } from './catalogue-model';
import { CaseItemCard } from './case-item-card';
import { CaseDocuments } from '../documents/case-documents';
import { CaseMaterials } from './case-materials';
import { canSupplement, canWithdraw, shortId } from './case-model';
import { CaseTimeline } from './case-timeline';
import { ForecastTimeline } from './forecast-timeline';
import { WithdrawPanel } from './withdraw-panel';

const POLL_MS = 3000;

/** One case, live: each item's status, due date, result; supplements, documents, timeline, withdrawal. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation('applicant');
  const { api, session } = useApp();
  const lang = langOf(i18n.language);
  const view = useResource(() => api.case(caseId), [api, caseId], POLL_MS);
  const catalogue = useResource(() => api.catalogue(lang), [api, lang]);
  // Follows the case's events like the case itself: a supplement request or a decision moves it.
  const forecast = useResource(() => api.caseForecast(caseId, lang), [api, caseId, lang], POLL_MS);
  const names = useMemo(() => itemNames(catalogue.data), [catalogue.data]);
  const materials = useMemo(() => materialInfo(catalogue.data), [catalogue.data]);
  const [withdrawn, setWithdrawn] = useState(false);
  const data = view.data?.caseId === caseId ? view.data : undefined;
  const mine = session?.role === 'applicant' || session?.role === 'employer';

  if (!data) {
    return (
      <div className="applicant-page">
        <h1>{t('case.title', { id: shortId(caseId) })}</h1>
        {view.error ? <ErrorNotice error={view.error} onRetry={view.reload} /> : <Loading />}
      </div>
    );
  }

  const today = chinaToday();
  return (
    <div className="applicant-page case-page" data-case={data.caseId}>
      <h1>{t('case.title', { id: shortId(data.caseId) })}</h1>
      {view.error && (
        <p className="notice notice-error" role="status">
          {t('case.refreshFailed', { reason: view.error.message })}
        </p>
      )}
      <dl className="facts case-facts">
        <dt>{t('case.caseId')}</dt>
        <dd>
          <code data-testid="case-id">{data.caseId}</code>
        </dd>
        <dt>{t('case.status')}</dt>
        <dd aria-live="polite" aria-atomic="true" data-case-status={data.status}>
          <StatusBadge status={data.status} kind="case" />
        </dd>
        <dt>{t('case.channel')}</dt>
        <dd>{t(`common:channel.${data.channel}`, { defaultValue: data.channel })}</dd>
        <dt>{t('case.submittedAt')}</dt>
        <dd>
          <time dateTime={data.submittedAt}>{formatMoment(data.submittedAt, lang)}</time>
        </dd>
      </dl>
      <p className="hint">{t('case.liveNote')}</p>
      {withdrawn && (
        <p className="notice notice-ok" role="status">
          {t('withdraw.done')}
        </p>
      )}
      {canWithdraw(session?.role, data) && (
        <WithdrawPanel
          caseId={data.caseId}
          onWithdrawn={() => {
            setWithdrawn(true);
            view.reload();
          }}
        />
      )}
      <section aria-labelledby="case-items-heading">
        <h2 id="case-items-heading">{t('case.itemsTitle')}</h2>
        <ul className="case-items" role="list">
          {data.items.map((item) => (
            <CaseItemCard
              key={item.code}
              caseId={data.caseId}
              item={item}
              name={names[item.code] ?? item.code}
              catalogueItem={catalogue.data?.items.find((candidate) => candidate.code === item.code)}
              materials={materials}
              today={today}
              mayAnswer={canSupplement(session?.role)}
              onChanged={view.reload}
            />
          ))}
        </ul>
      </section>
      {forecast.data?.caseId === data.caseId && <ForecastTimeline forecast={forecast.data} names={names} />}
      {forecast.error && !forecast.data && (
        <p className="notice notice-error" role="status">
          {t('forecast.failed', { reason: forecast.error.message })}
        </p>
      )}
      <CaseDocuments caseId={data.caseId} names={names} />
      <CaseMaterials materials={data.materials ?? []} info={materials} />
      <CaseTimeline timeline={data.timeline} names={names} />
      {mine && (
        <p>
          <Link to="/cases">{t('case.back')}</Link>
        </p>
      )}
    </div>
  );
}
