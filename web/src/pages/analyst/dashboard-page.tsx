import { Fragment, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../api/use-resource';
import { catalogueNamesOf } from '../../format/catalogue-names';
import { chinaDateTime } from '../../format/china-time';
import { langOf } from '../../i18n/i18n';
import { DataTable } from '../../layout/data-table';
import { ErrorNotice, Loading } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { ChartPanel } from './chart-panel';
import {
  barChartHeight,
  blockingChartRows,
  blockingOption,
  blockingRows,
  blockingUnit,
  BLOCKING_CHART_STEPS,
  dailyOption,
  dailyRows,
  dailySummary,
  decisionOption,
  decisionRows,
  decisionUnit,
  highest,
  type Namer,
  rateOption,
  rateRows,
  reasonRows,
  slowestDecision,
  statusOption,
  statusRows,
  stepName,
  workingDayDecisionRows,
} from './dashboard-charts';
import { formatNumber } from './format';
import { type DashboardStats, parseStats } from './stats-view';

export const DAY_OPTIONS = [7, 30, 90] as const;
const REFRESH_MS = 10_000;

/**
 * The Big Data Bureau's statistics as charts, each with its figures as a table: cases per day and by
 * status and channel, decision times, supplement and rejection rates with their reasons, the blocking
 * points and the overdue items. Refreshes every 10 s unless the reader stops it.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation(['analyst', 'common']);
  const { api, session } = useApp();
  const lang = langOf(i18n.language);
  const [days, setDays] = useState<number>(30);
  const [autoRefresh, setAutoRefresh] = useState(true);

  const stats = useResource(() => api.stats(days).then((raw) => ({ stats: parseStats(raw), at: new Date().toISOString() })), [api, days], autoRefresh ? REFRESH_MS : undefined);
  const catalogue = useResource(() => api.catalogue(lang), [api, lang]);
  const names = useMemo(() => catalogueNamesOf(catalogue.data), [catalogue.data]);

  const namer: Namer = useMemo(
    () => ({
      item: names.item,
      status: (status) => t(`common:caseStatus.${status}`),
      state: (state) => t(`analyst:states.${state}`, { defaultValue: state }),
    }),
    [names, t],
  );

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      <div className="row dashboard-controls no-print" role="group" aria-label={t('controls.label')}>
        <div>
          <label htmlFor="dashboard-days">{t('controls.days')}</label>
          <select id="dashboard-days" name="days" value={days} onChange={(event) => setDays(Number(event.target.value))} data-testid="dashboard-days">
            {DAY_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t('controls.daysOption', { count: option })}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox-label">
          <input type="checkbox" name="autoRefresh" checked={autoRefresh} onChange={(event) => setAutoRefresh(event.target.checked)} data-testid="dashboard-auto-refresh" /> {t('controls.autoRefresh')}
        </label>
        <button type="button" onClick={stats.reload} disabled={stats.loading} data-testid="dashboard-refresh">
          {stats.loading && stats.data ? t('controls.refreshing') : t('controls.refresh')}
        </button>
      </div>
      {stats.data && (
        <p className="muted" data-testid="dashboard-updated">
          {t('controls.updatedAt', { time: chinaDateTime(stats.data.at, true) })}
        </p>
      )}
      <ErrorNotice error={stats.error} onRetry={stats.reload} />
      {!stats.data && stats.loading && <Loading />}
      {stats.data && <Dashboard stats={stats.data.stats} lang={lang} namer={namer} materialName={names.material} linkCases={session?.role === 'admin'} />}
    </section>
  );
}

function Dashboard({ stats, lang, namer, materialName, linkCases }: { stats: DashboardStats; lang: string; namer: Namer; materialName(code: string): string; linkCases: boolean }) {
  const { t } = useTranslation(['analyst', 'common']);
  const n = (value: number | null | undefined) => formatNumber(value, lang, t('none'));
  const agency = (code: string | null) => (code ? t(`common:agencies.${code}`, { defaultValue: code }) : t('none'));
  const series = useMemo(
    () => ({
      online: t('series.online'),
      offline: t('series.offline'),
      completed: t('series.completed'),
      withdrawn: t('series.withdrawn'),
      total: t('series.total'),
      median: t('series.median'),
      p90: t('series.p90'),
      supplement: t('series.supplement'),
      rejection: t('series.rejection'),
    }),
    [t],
  );

  // (a) cases per day
  const daily = useMemo(() => (stats.daily ? dailyRows(stats.daily) : null), [stats.daily]);
  const dailyChart = useMemo(() => (daily ? dailyOption(daily, series) : null), [daily, series]);
  const dailyTotals = daily ? dailySummary(daily) : null;

  // (b) cases by status and channel
  const statuses = useMemo(() => statusRows(stats.cases), [stats.cases]);
  const statusChart = useMemo(() => statusOption(statuses, namer, series), [statuses, namer, series]);

  // (c) decision time
  const decisionUnitKey = decisionUnit(stats.items);
  const decisionUnitText = t(`units.${decisionUnitKey}`);
  const decisions = useMemo(() => decisionRows(stats.items, decisionUnitKey), [stats.items, decisionUnitKey]);
  const decisionChart = useMemo(() => decisionOption(decisions, namer, { median: series.median, p90: series.p90, unit: decisionUnitText }), [decisions, namer, series.median, series.p90, decisionUnitText]);
  const slowest = slowestDecision(decisions);

  // (c') the same decisions in working days, as the law counts them
  const workingDayUnitText = t('units.workingDays');
  const workingDayDecisions = useMemo(() => workingDayDecisionRows(stats.items), [stats.items]);
  const workingDayChart = useMemo(
    () => (workingDayDecisions ? decisionOption(workingDayDecisions, namer, { median: series.median, p90: series.p90, unit: workingDayUnitText }) : null),
    [workingDayDecisions, namer, series.median, series.p90, workingDayUnitText],
  );
  const slowestInWorkingDays = workingDayDecisions ? slowestDecision(workingDayDecisions) : null;
  const workingDaysOf = new Map((workingDayDecisions ?? []).map((row) => [row.item, row]));

  // (d) rates and reasons
  const rates = useMemo(() => rateRows(stats.items), [stats.items]);
  const rateChart = useMemo(() => rateOption(rates, namer, { supplement: series.supplement, rejection: series.rejection }), [rates, namer, series.supplement, series.rejection]);
  const topSupplement = highest(rates, (row) => row.supplementPercent);
  const topRejection = highest(rates, (row) => row.rejectionPercent);
  const reasons = reasonRows(stats.items);

  // (e) blocking points
  const blockingUnitKey = blockingUnit(stats.blockingPoints);
  const blockingUnitText = t(`units.${blockingUnitKey}`);
  const blocking = useMemo(() => blockingRows(stats.blockingPoints, blockingUnitKey), [stats.blockingPoints, blockingUnitKey]);
  const stepLabel = useCallback((row: { item: string | null; state: string }) => stepName(row, namer, t('blocking.wholeCase')), [namer, t]);
  const blockingChart = useMemo(() => blockingOption(blocking, stepLabel, { median: series.median, p90: series.p90, unit: blockingUnitText }), [blocking, stepLabel, series.median, series.p90, blockingUnitText]);
  const longest = blocking.find((row) => row.median !== null);
  const mostWaiting = [...blocking].sort((a, b) => b.waitingNow - a.waitingNow)[0];

  const blockingSummary = longest
    ? t('blocking.summary', { unit: blockingUnitText, step: stepLabel(longest), median: n(longest.median), p90: n(longest.p90) })
    : mostWaiting && mostWaiting.waitingNow > 0
      ? t('blocking.summaryOpen', { step: stepLabel(mostWaiting), count: mostWaiting.waitingNow })
      : t('blocking.summaryNone');

  return (
    <>
      <section aria-labelledby="kpi-title" className="dashboard-kpis">
        <h2 id="kpi-title">{t('kpi.heading')}</h2>
        <dl className="kpis" data-testid="dashboard-kpis">
          <div>
            <dt>{t('kpi.total')}</dt>
            <dd>{n(stats.cases.total)}</dd>
          </div>
          {(['in_progress', 'completed', 'withdrawn'] as const).map((status) => (
            <div key={status}>
              <dt>{t(`common:caseStatus.${status}`)}</dt>
              <dd>{n(stats.cases.byStatus[status])}</dd>
            </div>
          ))}
          {(['online', 'offline'] as const).map((channel) => (
            <div key={channel}>
              <dt>{t(`common:channel.${channel}`)}</dt>
              <dd>{n(stats.cases.byChannel[channel])}</dd>
            </div>
          ))}
          <div className={stats.overdue.count > 0 ? 'kpi-alert' : undefined}>
            <dt>{t('kpi.overdue')}</dt>
            <dd>{n(stats.overdue.count)}</dd>
          </div>
          {stats.overdue.maxWorkingDaysOverdue !== null && (
            <div className="kpi-alert" data-testid="kpi-longest-overdue">
              <dt>{t('kpi.longestOverdue')}</dt>
              <dd>{n(stats.overdue.maxWorkingDaysOverdue)}</dd>
            </div>
          )}
        </dl>
      </section>

      <div className="dashboard-grid">
        {daily && dailyChart && dailyTotals ? (
          <ChartPanel
            id="daily"
            wide
            title={t('daily.title')}
            description={t('daily.description')}
            summary={[
              t('daily.summary', { days: dailyTotals.days, submitted: dailyTotals.submitted, online: dailyTotals.online, offline: dailyTotals.offline, completed: dailyTotals.completed, withdrawn: dailyTotals.withdrawn }),
              dailyTotals.busiestDay ? t('daily.busiest', { day: dailyTotals.busiestDay, count: dailyTotals.busiestCount }) : '',
            ]
              .filter(Boolean)
              .join(' ')}
            option={dailyChart}
            empty={daily.length === 0}
            table={
              <table>
                <caption>{t('daily.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('daily.day')}</th>
                    <th scope="col">{series.online}</th>
                    <th scope="col">{series.offline}</th>
                    <th scope="col">{t('daily.submitted')}</th>
                    <th scope="col">{series.completed}</th>
                    <th scope="col">{series.withdrawn}</th>
                  </tr>
                </thead>
                <tbody>
                  {daily.map((row) => (
                    <tr key={row.day}>
                      <th scope="row">{row.day}</th>
                      <td>{n(row.online)}</td>
                      <td>{n(row.offline)}</td>
                      <td>{n(row.submitted)}</td>
                      <td>{n(row.completed)}</td>
                      <td>{n(row.withdrawn)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{series.total}</th>
                    <td>{n(dailyTotals.online)}</td>
                    <td>{n(dailyTotals.offline)}</td>
                    <td>{n(dailyTotals.submitted)}</td>
                    <td>{n(dailyTotals.completed)}</td>
                    <td>{n(dailyTotals.withdrawn)}</td>
                  </tr>
                </tfoot>
              </table>
            }
          />
        ) : (
          <section className="card dashboard-panel dashboard-wide" aria-labelledby="daily-title" data-testid="panel-daily">
            <h2 id="daily-title">{t('daily.title')}</h2>
            <p className="notice" data-testid="daily-missing">
              {t('daily.missing')}
            </p>
          </section>
        )}

        <ChartPanel
          id="status"
          title={t('status.title')}
          summary={t('status.summary', {
            total: stats.cases.total,
            in_progress: stats.cases.byStatus.in_progress,
            completed: stats.cases.byStatus.completed,
            withdrawn: stats.cases.byStatus.withdrawn,
            online: stats.cases.byChannel.online,
            offline: stats.cases.byChannel.offline,
          })}
          option={statusChart}
          table={
            <table>
              <caption>{t('status.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('status.status')}</th>
                  <th scope="col">{series.online}</th>
                  <th scope="col">{series.offline}</th>
                  <th scope="col">{series.total}</th>
                </tr>
              </thead>
              <tbody>
                {statuses.map((row) => (
                  <tr key={row.status}>
                    <th scope="row">{namer.status(row.status)}</th>
                    <td>{n(row.online)}</td>
                    <td>{n(row.offline)}</td>
                    <td>{n(row.total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{series.total}</th>
                  <td>{n(stats.cases.byChannel.online)}</td>
                  <td>{n(stats.cases.byChannel.offline)}</td>
                  <td>{n(stats.cases.total)}</td>
                </tr>
              </tfoot>
            </table>
          }
        >
          {!stats.cases.byStatusAndChannel && <p className="hint">{t('status.noBreakdown')}</p>}
        </ChartPanel>

        <ChartPanel
          id="decision"
          title={t('decision.title')}
          description={t('decision.description', { unit: decisionUnitText })}
          summary={slowest ? t('decision.summary', { unit: decisionUnitText, item: namer.item(slowest.item), median: n(slowest.median), p90: n(slowest.p90) }) : t('decision.summaryNone')}
          option={decisionChart}
          empty={decisions.length === 0}
          height={barChartHeight(decisions.length)}
          table={
            <DecisionTimesTable
              caption={`${t('decision.title')} (${decisionUnitText})`}
              headings={{ item: t('decision.item'), decisions: t('decision.decisions'), median: series.median, p90: series.p90 }}
              units={workingDayDecisions ? [decisionUnitText, workingDayUnitText] : [decisionUnitText]}
              rows={decisions.map((row) => ({ item: namer.item(row.item), decisions: row.decisions, times: [row, workingDaysOf.get(row.item)] }))}
              n={n}
            />
          }
        />

        {workingDayDecisions && workingDayChart ? (
          <ChartPanel
            id="decision-working-days"
            wide
            title={t('decisionWorkingDays.title')}
            description={t('decisionWorkingDays.description')}
            summary={
              slowestInWorkingDays
                ? t('decisionWorkingDays.summary', { item: namer.item(slowestInWorkingDays.item), median: n(slowestInWorkingDays.median), p90: n(slowestInWorkingDays.p90) })
                : t('decisionWorkingDays.summaryNone')
            }
            option={workingDayChart}
            empty={workingDayDecisions.length === 0}
            height={barChartHeight(workingDayDecisions.length)}
            table={
              <DecisionTimesTable
                caption={`${t('decisionWorkingDays.title')} (${workingDayUnitText} · ${decisionUnitText})`}
                headings={{ item: t('decision.item'), decisions: t('decision.decisions'), median: series.median, p90: series.p90 }}
                units={[workingDayUnitText, decisionUnitText]}
                rows={workingDayDecisions.map((row) => ({ item: namer.item(row.item), decisions: row.decisions, times: [row, decisions.find((entry) => entry.item === row.item)] }))}
                n={n}
              />
            }
          >
            {workingDayDecisions.some((row) => row.provisional) && <p className="hint">{t('decisionWorkingDays.provisional')}</p>}
          </ChartPanel>
        ) : (
          <section className="card dashboard-panel dashboard-wide" aria-labelledby="decision-working-days-title" data-testid="panel-decision-working-days">
            <h2 id="decision-working-days-title">{t('decisionWorkingDays.title')}</h2>
            <p className="muted">{t('decisionWorkingDays.missing')}</p>
          </section>
        )}

        <ChartPanel
          id="rates"
          wide
          title={t('rates.title')}
          description={t('rates.description')}
          summary={[
            t('rates.summary'),
            topSupplement ? t('rates.highestSupplement', { item: namer.item(topSupplement.item), value: n(topSupplement.supplementPercent) }) : '',
            topRejection ? t('rates.highestRejection', { item: namer.item(topRejection.item), value: n(topRejection.rejectionPercent) }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
          option={rateChart}
          empty={rates.length === 0}
          height={barChartHeight(rates.length)}
          table={
            <table>
              <caption>{t('rates.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('decision.item')}</th>
                  <th scope="col">{t('rates.items')}</th>
                  <th scope="col">{t('rates.decided')}</th>
                  <th scope="col">{series.supplement} (%)</th>
                  <th scope="col">{series.rejection} (%)</th>
                </tr>
              </thead>
              <tbody>
                {rates.map((row) => (
                  <tr key={row.item}>
                    <th scope="row">{namer.item(row.item)}</th>
                    <td>{n(row.total)}</td>
                    <td>{n(row.decided)}</td>
                    <td>{n(row.supplementPercent)}</td>
                    <td>{n(row.rejectionPercent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <h3 id="reasons-title">{t('reasons.title')}</h3>
          {reasons.length === 0 ? (
            <p className="muted">{t('reasons.none')}</p>
          ) : (
            <DataTable labelledBy="reasons-title" data-testid="reasons-table" columns={[t('reasons.item'), t('reasons.kind'), t('reasons.reason'), t('reasons.count')]}>
              {reasons.map((row) => (
                <tr key={`${row.item}/${row.kind}/${row.reason}`}>
                  <td>{namer.item(row.item)}</td>
                  <td>{t(`reasons.kinds.${row.kind}`)}</td>
                  <td>{row.kind === 'material' ? materialName(row.reason) : row.reason}</td>
                  <td>{n(row.count)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </ChartPanel>

        <ChartPanel
          id="blocking"
          wide
          title={t('blocking.title')}
          description={t('blocking.description', { unit: blockingUnitText, count: BLOCKING_CHART_STEPS })}
          summary={blockingSummary}
          option={blockingChart}
          empty={blocking.length === 0}
          height={barChartHeight(blockingChartRows(blocking).length)}
          table={
            <table>
              <caption>
                {t('blocking.title')} ({blockingUnitText})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('blocking.step')}</th>
                  <th scope="col">{t('blocking.finished')}</th>
                  <th scope="col">{t('blocking.waitingNow')}</th>
                  <th scope="col">
                    {series.median} ({blockingUnitText})
                  </th>
                  <th scope="col">
                    {series.p90} ({blockingUnitText})
                  </th>
                </tr>
              </thead>
              <tbody>
                {blocking.map((row) => (
                  <tr key={row.step}>
                    <th scope="row">{stepLabel(row)}</th>
                    <td>{n(row.finished)}</td>
                    <td>{n(row.waitingNow)}</td>
                    <td>{n(row.median)}</td>
                    <td>{n(row.p90)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />

        <section className="card dashboard-panel dashboard-wide" aria-labelledby="overdue-title" data-testid="panel-overdue">
          <h2 id="overdue-title">{t('overdue.title')}</h2>
          <p>{t('overdue.summary', { count: stats.overdue.count })}</p>
          {stats.overdue.items.length === 0 ? (
            <p className="muted">{t('overdue.none')}</p>
          ) : (
            <DataTable
              labelledBy="overdue-title"
              data-testid="overdue-table"
              columns={[t('overdue.caseId'), t('overdue.item'), t('overdue.agency'), t('overdue.dueDate'), t('overdue.workingDays'), t('overdue.since')]}
            >
              {stats.overdue.items.map((row) => (
                <tr key={`${row.caseId}/${row.item}`} data-case-id={row.caseId}>
                  <td className="case-id">{linkCases ? <Link to={`/cases/${encodeURIComponent(row.caseId)}`}>{row.caseId}</Link> : <code>{row.caseId}</code>}</td>
                  <td>{namer.item(row.item)}</td>
                  <td>{agency(row.agency)}</td>
                  <td className="overdue">{row.dueDate ?? t('overdue.unknown')}</td>
                  <td>{row.workingDaysOverdue === null ? t('overdue.unknown') : n(row.workingDaysOverdue)}</td>
                  <td>{row.since ? chinaDateTime(row.since) : t('none')}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      </div>
    </>
  );
}

interface DecisionTimes {
  median?: number | null;
  p90?: number | null;
}

/**
 * Decision times per item as a table: the number of decisions, then the median and p90 in each unit
 * given (calendar hours or days, working days), one pair of columns per unit, in the order given.
 */
function DecisionTimesTable({
  caption,
  headings,
  units,
  rows,
  n,
}: {
  caption: string;
  headings: { item: string; decisions: string; median: string; p90: string };
  units: readonly string[];
  rows: readonly { item: string; decisions: number; times: readonly (DecisionTimes | undefined)[] }[];
  n(value: number | null | undefined): string;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headings.item}</th>
          <th scope="col">{headings.decisions}</th>
          {units.map((unit) => (
            <Fragment key={unit}>
              <th scope="col">
                {headings.median} ({unit})
              </th>
              <th scope="col">
                {headings.p90} ({unit})
              </th>
            </Fragment>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.item}>
            <th scope="row">{row.item}</th>
            <td>{n(row.decisions)}</td>
            {units.map((unit, index) => (
              <Fragment key={unit}>
                <td>{n(row.times[index]?.median)}</td>
                <td>{n(row.times[index]?.p90)}</td>
              </Fragment>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
