import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { OfficerItemView } from '../../api/types';
import { useResource } from '../../api/use-resource';
import { langOf } from '../../i18n/i18n';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice, Loading, StatusBadge } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { AwaitingOfficer, CaseLink, DueDate, Flags } from './officer-bits';
import {
  agencyItemCodesOf,
  applicantLabelOf,
  ariaSortOf,
  pageSummaryOf,
  PAGE_SIZE,
  QUEUE_SORTS,
  QUEUE_STATUSES,
  queueRequestOf,
  queueSearchOf,
  queueStateOf,
  type QueueSort,
  type QueueState,
  SEARCH_MAX_LENGTH,
  sortByColumn,
  timeLeftOf,
  urgencyOf,
} from './queue-model';
import { useCatalogue } from './use-officer';
import './officer.css';

const REFRESH_MS = 5_000;

/**
 * `/officer`: the agency's items with the applicant's name (as the agency's data scope allows), the item,
 * the due date and the working days left; sorted and filtered by the service (so the order holds across
 * pages), the choice kept in the address; refreshed every 5 s.
 */
export function QueuePage() {
  const { t } = useTranslation('officer');
  const { api, session } = useApp();
  const agency = session?.agency;
  const [params, setParams] = useSearchParams();
  const state = queueStateOf(params);
  const request = queueRequestOf(state);
  const queue = useResource(
    () => (agency ? api.items(agency, request) : Promise.reject(new Error(t('noAgency')))),
    [api, agency, request.status, request.item, request.overdue, request.q, request.sort, request.order, request.offset],
    REFRESH_MS,
  );
  const show = (next: QueueState) => setParams(queueSearchOf(next));
  const change = (next: Partial<QueueState>) => show({ ...state, page: 0, ...next });
  const namesInScope = queue.data?.applicantNameInScope;

  return (
    <section className="officer">
      <h1>{t('queue.title')}</h1>
      {agency && <p className="muted">{t('queue.intro', { agency: t(`agencies.${agency}`, { ns: 'common' }) })}</p>}
      <p>
        <Link to="/officer/joint-reviews">{t('queue.jointReviewsLink')}</Link>
      </p>
      <QueueFilters state={state} namesInScope={namesInScope} onChange={change} />
      {namesInScope === false && (
        <p className="notice" data-testid="names-out-of-scope">
          {t('queue.namesOutOfScope')}
        </p>
      )}
      <ErrorNotice error={queue.error} onRetry={queue.reload} />
      {!queue.data && queue.loading && <Loading />}
      {queue.data && <QueueTable items={queue.data.items} namesInScope={namesInScope} state={state} onSort={(column) => show(sortByColumn(state, column))} />}
      {queue.data && <Pager state={state} shown={queue.data.items.length} total={queue.data.total} onPage={(page) => show({ ...state, page })} />}
    </section>
  );
}

function QueueFilters({ state, namesInScope, onChange }: { state: QueueState; namesInScope: boolean | undefined; onChange(next: Partial<QueueState>): void }) {
  const { t } = useTranslation('officer');
  const { session } = useApp();
  const { catalogue, names } = useCatalogue();
  const id = useId();
  const [search, setSearch] = useState(state.search);
  // The address is the truth: back, reload and "clear" bring the box along.
  useEffect(() => setSearch(state.search), [state.search]);
  const itemCodes = agencyItemCodesOf(catalogue, session?.agency);
  // A code from the address that the catalogue does not list for this agency stays selectable, so the select shows what filters.
  const itemOptions = state.item && !itemCodes.includes(state.item) ? [...itemCodes, state.item] : itemCodes;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ search: search.trim() });
  };

  return (
    <form className="filters" role="search" aria-label={t('queue.filters')} onSubmit={submit}>
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
      <div>
        <label htmlFor={`${id}-item`}>{t('queue.itemFilter')}</label>
        <select id={`${id}-item`} name="item" value={state.item} onChange={(event) => onChange({ item: event.target.value })}>
          <option value="">{t('queue.allItems')}</option>
          {itemOptions.map((code) => (
            <option key={code} value={code}>
              {names.item(code)}
            </option>
          ))}
        </select>
      </div>
      <div className="search-field">
        <label htmlFor={`${id}-q`}>{namesInScope === false ? t('queue.searchCaseOnly') : t('queue.search')}</label>
        <div className="row">
          <input id={`${id}-q`} type="search" name="q" value={search} maxLength={SEARCH_MAX_LENGTH} autoComplete="off" onChange={(event) => setSearch(event.target.value)} />
          <button type="submit">{t('queue.searchButton')}</button>
          {state.search && (
            <button type="button" onClick={() => onChange({ search: '' })}>
              {t('queue.clearSearch')}
            </button>
          )}
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-sort`}>{t('queue.sortBy')}</label>
        <select id={`${id}-sort`} name="sort" value={state.sort} onChange={(event) => onChange({ sort: event.target.value as QueueSort, order: 'asc' })}>
          {QUEUE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`queue.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-order`}>{t('queue.order')}</label>
        <select id={`${id}-order`} name="order" value={state.order} disabled={state.sort === 'priority'} onChange={(event) => onChange({ order: event.target.value === 'desc' ? 'desc' : 'asc' })}>
          <option value="asc">{t('queue.orders.asc')}</option>
          <option value="desc">{t('queue.orders.desc')}</option>
        </select>
      </div>
      <label className="checkbox-label" htmlFor={`${id}-overdue`}>
        <input id={`${id}-overdue`} type="checkbox" name="overdue" checked={state.overdueOnly} onChange={(event) => onChange({ overdueOnly: event.target.checked })} />
        {t('queue.overdueOnly')}
      </label>
    </form>
  );
}

type SortableColumn = Exclude<QueueSort, 'priority'>;

function QueueTable({ items, namesInScope, state, onSort }: { items: OfficerItemView[]; namesInScope: boolean | undefined; state: QueueState; onSort(column: SortableColumn): void }) {
  const { t, i18n } = useTranslation('officer');
  const { names } = useCatalogue();
  const lang = langOf(i18n.language);
  if (items.length === 0) return <p className="notice">{t('queue.empty')}</p>;
  const sortable = (column: SortableColumn, label: string) => (
    <button type="button" className="sort-button" onClick={() => onSort(column)} aria-label={t('queue.sortColumn', { column: label })} data-sort={column}>
      {label}
      <span aria-hidden="true" className={state.sort === column ? undefined : 'muted'}>
        {state.sort === column ? (state.order === 'desc' ? ' ▼' : ' ▲') : ' ↕'}
      </span>
    </button>
  );
  // Without names in the agency's scope a case is known by its number only (the notice above says why).
  const showApplicant = namesInScope !== false;
  // Who and how long first, so a phone shows them before the table scrolls sideways.
  const columns: { heading: ReactNode; sort?: SortableColumn }[] = [
    { heading: showApplicant ? t('queue.caseAndApplicant') : t('queue.case') },
    { heading: t('queue.timeLeft') },
    { heading: sortable('due', t('queue.due')), sort: 'due' },
    { heading: sortable('item', t('queue.item')), sort: 'item' },
    { heading: sortable('status', t('queue.statusColumn')), sort: 'status' },
    { heading: sortable('submitted', t('queue.submitted')), sort: 'submitted' },
    { heading: t('queue.flags') },
    { heading: t('queue.awaitingOfficer') },
  ];
  return (
    <DataTable
      className="wide queue-table"
      data-testid="officer-queue"
      caption={t('queue.caption')}
      captionClassName="muted"
      columns={columns.map((column) => column.heading)}
      columnSort={columns.map((column) => (column.sort ? ariaSortOf(state, column.sort) : undefined))}
    >
      {items.map((item) => {
        const itemName = item.itemName?.[lang] ?? names.item(item.code);
        const applicant = applicantLabelOf(item, namesInScope);
        const left = timeLeftOf(item);
        return (
          <tr
            key={`${item.caseId}:${item.code}`}
            data-case={item.caseId}
            data-item={item.code}
            data-overdue={item.overdue ? 'true' : undefined}
            data-working-days-left={typeof item.workingDaysLeft === 'number' ? item.workingDaysLeft : undefined}
          >
            <td>
              {showApplicant && (
                <span className="queue-applicant" data-applicant={applicant.kind}>
                  {applicant.kind === 'name' ? applicant.name : <span className="muted">{t('queue.applicantUnknown')}</span>}
                </span>
              )}
              <CaseLink caseId={item.caseId} label={t('queue.openCase', { caseId: item.caseId, item: itemName })} />
            </td>
            <td data-time-left={left.kind} className={urgencyOf(left)}>
              <TimeLeftText item={item} />
            </td>
            <td>
              <DueDate item={item} />
            </td>
            <td>
              {itemName}
              <span className="muted"> · {names.action(item.code, item.action)}</span>
            </td>
            <td>
              <StatusBadge status={item.status} />
            </td>
            <td>{item.submittedOn ?? <span className="muted">{t('none')}</span>}</td>
            <td>
              <Flags flags={item.flags} />
            </td>
            <td>
              <AwaitingOfficer reasons={item.awaitingOfficer} compact />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/** The time left in words (never by colour only): working days as the law counts them, or overdue by so many. */
function TimeLeftText({ item }: { item: OfficerItemView }) {
  const { t } = useTranslation('officer');
  const left = timeLeftOf(item);
  switch (left.kind) {
    case 'left':
      return (
        <>
          {left.workingDays === 1 ? t('queue.left.one') : t('queue.left.many', { count: left.workingDays })}
          {left.calendarDays !== null && <span className="muted"> {t('queue.left.calendar', { count: left.calendarDays })}</span>}
        </>
      );
    case 'dueToday':
      return <strong>{t('queue.left.dueToday')}</strong>;
    case 'overdue':
      return <strong>{left.workingDays === null ? t('queue.left.overdue') : left.workingDays === 1 ? t('queue.left.overdueBy.one') : t('queue.left.overdueBy.many', { count: left.workingDays })}</strong>;
    case 'paused':
      return <span className="muted">{t('queue.left.paused')}</span>;
    case 'none':
      return <span className="muted">{t('queue.left.none')}</span>;
  }
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
