import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { OfficerItemView } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice, Loading, StatusBadge } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { AwaitingOfficer, CaseLink, DueDate, Flags } from './officer-bits';
import { pageSummaryOf, PAGE_SIZE, QUEUE_STATUSES, queueRequestOf, queueSearchOf, queueStateOf, type QueueState } from './queue-model';
import { useCatalogue } from './use-officer';
import './officer.css';

const REFRESH_MS = 5_000;

/** `/officer`: the agency's items, overdue first, filtered by status, refreshed every 5 s. */
export function QueuePage() {
  const { t } = useTranslation('officer');
  const { api, session } = useApp();
  const agency = session?.agency;
  const [params, setParams] = useSearchParams();
  const state = queueStateOf(params);
  const request = queueRequestOf(state);
  const queue = useResource(
    () => (agency ? api.items(agency, request) : Promise.reject(new Error(t('noAgency')))),
    [api, agency, request.status, request.overdue, request.offset],
    REFRESH_MS,
  );
  const change = (next: Partial<QueueState>) => setParams(queueSearchOf({ ...state, page: 0, ...next }));

  return (
    <section className="officer">
      <h1>{t('queue.title')}</h1>
      {agency && <p className="muted">{t('queue.intro', { agency: t(`agencies.${agency}`, { ns: 'common' }) })}</p>}
      <p>
        <Link to="/officer/joint-reviews">{t('queue.jointReviewsLink')}</Link>
      </p>
      <QueueFilters state={state} onChange={change} />
      <ErrorNotice error={queue.error} onRetry={queue.reload} />
      {!queue.data && queue.loading && <Loading />}
      {queue.data && <QueueTable items={queue.data.items} />}
      {queue.data && <Pager state={state} shown={queue.data.items.length} total={queue.data.total} onPage={(page) => setParams(queueSearchOf({ ...state, page }))} />}
    </section>
  );
}

function QueueFilters({ state, onChange }: { state: QueueState; onChange(next: Partial<QueueState>): void }) {
  const { t } = useTranslation('officer');
  const id = useId();
  return (
    <form className="filters" role="search" aria-label={t('queue.filters')} onSubmit={(event) => event.preventDefault()}>
      <div>
        <label htmlFor={`${id}-status`}>{t('queue.status')}</label>
        <select id={`${id}-status`} name="status" value={state.status} onChange={(event) => onChange({ status: event.target.value as QueueState['status'] })}>
          <option value="">{t('queue.allStatuses')}</option>
          {QUEUE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`itemStatus.${status}`, { ns: 'common' })}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox-label" htmlFor={`${id}-overdue`}>
        <input id={`${id}-overdue`} type="checkbox" name="overdue" checked={state.overdueOnly} onChange={(event) => onChange({ overdueOnly: event.target.checked })} />
        {t('queue.overdueOnly')}
      </label>
    </form>
  );
}

function QueueTable({ items }: { items: OfficerItemView[] }) {
  const { t } = useTranslation('officer');
  const { names } = useCatalogue();
  if (items.length === 0) return <p className="notice">{t('queue.empty')}</p>;
  return (
    <DataTable
      className="wide"
      data-testid="officer-queue"
      caption={t('queue.caption')}
      captionClassName="muted"
      columns={[t('queue.case'), t('queue.item'), t('queue.statusColumn'), t('queue.due'), t('queue.flags'), t('queue.awaitingOfficer')]}
    >
      {items.map((item) => (
        <tr key={`${item.caseId}:${item.code}`} data-case={item.caseId} data-item={item.code} data-overdue={item.overdue ? 'true' : undefined}>
          <td>
            <CaseLink caseId={item.caseId} label={t('queue.openCase', { caseId: item.caseId, item: names.item(item.code) })} />
          </td>
          <td>
            {names.item(item.code)}
            <span className="muted"> · {names.action(item.code, item.action)}</span>
          </td>
          <td>
            <StatusBadge status={item.status} />
          </td>
          <td>
            <DueDate item={item} />
          </td>
          <td>
            <Flags flags={item.flags} />
          </td>
          <td>
            <AwaitingOfficer reasons={item.awaitingOfficer} compact />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function Pager({ state, shown, total, onPage }: { state: QueueState; shown: number; total: number; onPage(page: number): void }) {
  const { t } = useTranslation('officer');
  const summary = pageSummaryOf(state.page * PAGE_SIZE, shown, total);
  return (
    <nav className="pager" aria-label={t('queue.pages')}>
      <button type="button" disabled={!summary.hasPrevious} onClick={() => onPage(state.page - 1)}>
        {t('queue.previous')}
      </button>
      <span role="status" aria-live="polite">
        {t('queue.showing', { from: summary.from, to: summary.to, total: summary.total })}
      </span>
      <button type="button" disabled={!summary.hasNext} onClick={() => onPage(state.page + 1)}>
        {t('queue.next')}
      </button>
    </nav>
  );
}
