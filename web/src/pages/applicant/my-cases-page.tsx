import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../api/use-resource';
import { DraftList } from '../../form/draft-list';
import { formatMoment } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice, Loading, StatusBadge } from '../../layout/status';
import { useApp } from '../../session/app-context';
import './applicant.css';
import { itemNames } from './catalogue-model';
import { shortId } from './case-model';

/** The caller's cases, newest first: each with its status and its items' statuses; below, the drafts not yet submitted. */
export function MyCasesPage() {
  const { t, i18n } = useTranslation('applicant');
  const { api } = useApp();
  const lang = langOf(i18n.language);
  const cases = useResource(() => api.myCases(), [api]);
  const catalogue = useResource(() => api.catalogue(lang), [api, lang]);
  const names = useMemo(() => itemNames(catalogue.data), [catalogue.data]);

  return (
    <div className="applicant-page">
      <h1 id="cases-heading">{t('cases.title')}</h1>
      <ErrorNotice error={cases.error} onRetry={cases.reload} />
      {!cases.data && cases.loading && <Loading />}
      {cases.data && cases.data.length === 0 && (
        <div className="notice" data-testid="no-cases">
          <p>{t('cases.empty')}</p>
          <Link className="button primary" to="/">
            {t('cases.emptyLink')}
          </Link>
        </div>
      )}
      {cases.data && cases.data.length > 0 && (
        <DataTable labelledBy="cases-heading" data-testid="my-cases" className="cases-table" columns={[t('cases.case'), t('cases.submittedAt'), t('cases.status'), t('cases.items')]}>
          {cases.data.map((view) => (
            <tr key={view.caseId} data-case={view.caseId}>
              <th scope="row" className="nowrap">
                <Link to={`/cases/${view.caseId}`} aria-label={t('cases.open', { id: view.caseId })}>
                  <code>{shortId(view.caseId)}</code>
                </Link>
                {view.channel === 'offline' && <span className="hint block">{t('common:channel.offline')}</span>}
              </th>
              <td>
                <time dateTime={view.submittedAt}>{formatMoment(view.submittedAt, lang)}</time>
              </td>
              <td>
                <StatusBadge status={view.status} kind="case" />
              </td>
              <td className="case-items-cell">
                <ul className="plain">
                  {view.items.map((item) => (
                    <li key={item.code} data-item={item.code}>
                      {names[item.code] ?? item.code} <StatusBadge status={item.status} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <DraftList continueHref={(draft) => `/apply?draft=${encodeURIComponent(draft.draftId)}`} itemName={(code) => names[code] ?? code} />
    </div>
  );
}
