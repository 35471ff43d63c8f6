import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../api/use-resource';
import { langOf } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import './access-log.css';
import './applicant.css';
import { accessLogLines } from './access-log-model';
import { shortId } from './case-model';

/**
 * The applicant's access log in plain words (data-sharing `GET /api/records/mine/access-log`): each
 * read of their shared record as a sentence — who, which facts, when in China, why — newest first, and
 * the facts they declined to reuse in their applications.
 */
export function AccessLogPage() {
  const { t, i18n } = useTranslation('applicant');
  const { api } = useApp();
  const lang = langOf(i18n.language);
  // Both languages come with every entry: the toggle needs no second request.
  const log = useResource(() => api.myAccessLog(lang), [api]);
  const lines = useMemo(() => accessLogLines(log.data, lang), [log.data, lang]);

  return (
    <div className="applicant-page access-log-page">
      <h1>{t('accessLog.title')}</h1>
      <p className="hint">{t('accessLog.intro')}</p>
      <ErrorNotice error={log.error} onRetry={log.reload} />
      {!log.data && log.loading && <Loading />}
      {log.data && (
        <>
          <section aria-labelledby="access-log-reads" className="card">
            <h2 id="access-log-reads">{t('accessLog.reads')}</h2>
            {lines.reads.length === 0 ? (
              <p data-testid="no-reads">{t('accessLog.noReads')}</p>
            ) : (
              <ol className="access-log" data-testid="access-log-reads">
                {lines.reads.map((line) => (
                  <li key={line.key} data-read data-at={line.at}>
                    {line.sentence}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="access-log-declined" className="card">
            <h2 id="access-log-declined">{t('accessLog.declined')}</h2>
            {lines.declined.length === 0 ? (
              <p data-testid="no-declined">{t('accessLog.noDeclined')}</p>
            ) : (
              <ol className="access-log" data-testid="access-log-declined">
                {lines.declined.map((line) => (
                  <li key={line.key} data-declined-case={line.caseId}>
                    {line.sentence}{' '}
                    {line.caseId && <Link to={`/cases/${line.caseId}`}>{t('accessLog.openCase', { id: shortId(line.caseId) })}</Link>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}
