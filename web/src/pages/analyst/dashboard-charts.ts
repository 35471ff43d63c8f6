// Pure functions from the parsed statistics to the dashboard's table rows, chart options and the
// figures each chart's accessible summary names. Translated texts come in as arguments, so nothing
// here depends on React, i18next or ECharts at run time (only ECharts' option types).
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { DatasetComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { CASE_STATUSES, type BlockingPoint, type CaseStatus, type DailyCount, type DashboardStats, type ItemStats } from './stats-view';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | DatasetComponentOption>;

/** Colours with enough contrast on white, matching the stylesheet's palette. */
export const COLORS = {
  online: '#0b57a4',
  offline: '#b5121b',
  completed: '#1b7a3c',
  withdrawn: '#5b6673',
  median: '#0b57a4',
  p90: '#9a5b00',
  supplement: '#9a5b00',
  rejection: '#b3261e',
} as const;

/** Names of codes in the reader's language. */
export interface Namer {
  item(code: string): string;
  status(status: CaseStatus): string;
  /** A waiting state of a blocking point (`in_review`, `supplemented`…). */
  state(state: string): string;
}

/** What every chart shares; a fresh object each time, since ECharts may keep what it is given. */
function base(): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 64, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis', confine: true },
  };
}

/** Category names on a horizontal bar chart: wrapped within a width a phone can spare. */
const CATEGORY_LABEL = { width: 120, overflow: 'break' as const, lineHeight: 14 };

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

// ---- durations -------------------------------------------------------------------------------

export type DurationUnit = 'minutes' | 'hours' | 'days';

/** The unit that keeps the largest of these durations (in hours) readable. */
export function durationUnitFor(hours: readonly (number | null | undefined)[]): DurationUnit {
  const known = hours.filter(isNumber);
  const max = known.length === 0 ? 0 : Math.max(...known);
  if (max > 0 && max < 1) return 'minutes';
  if (max >= 72) return 'days';
  return 'hours';
}

/** A duration in hours expressed in `unit` (days of 24 hours), to two decimals. */
export function inUnit(hours: number | null | undefined, unit: DurationUnit): number | null {
  if (!isNumber(hours)) return null;
  const value = unit === 'minutes' ? hours * 60 : unit === 'days' ? hours / 24 : hours;
  return round(value);
}

/** A fraction 0..1 as a percentage to one decimal; null stays null. */
export function percent(fraction: number | null | undefined): number | null {
  return isNumber(fraction) ? round(fraction * 100, 1) : null;
}

// ---- (a) cases per day -----------------------------------------------------------------------

export interface DailyRow extends DailyCount {
  submitted: number;
}

export function dailyRows(daily: readonly DailyCount[]): DailyRow[] {
  return daily.map((day) => ({ ...day, submitted: day.online + day.offline }));
}

export interface DailySummary {
  days: number;
  submitted: number;
  online: number;
  offline: number;
  completed: number;
  withdrawn: number;
  /** The day with most submissions (the first of equals); null when none was submitted. */
  busiestDay: string | null;
  busiestCount: number;
}

export function dailySummary(rows: readonly DailyRow[]): DailySummary {
  const sum = (pick: (row: DailyRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const busiest = rows.reduce<DailyRow | null>((best, row) => (row.submitted > (best?.submitted ?? 0) ? row : best), null);
  return {
    days: rows.length,
    submitted: sum((row) => row.submitted),
    online: sum((row) => row.online),
    offline: sum((row) => row.offline),
    completed: sum((row) => row.completed),
    withdrawn: sum((row) => row.withdrawn),
    busiestDay: busiest?.day ?? null,
    busiestCount: busiest?.submitted ?? 0,
  };
}

/** `MM-DD` of an ISO day, short enough for a phone's axis. */
export function shortDay(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day.slice(5) : day;
}

export function dailyOption(rows: readonly DailyRow[], labels: { online: string; offline: string; completed: string; withdrawn: string }): ChartOption {
  return {
    ...base(),
    xAxis: { type: 'category', data: rows.map((row) => shortDay(row.day)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { id: 'online', name: labels.online, type: 'bar', stack: 'submitted', data: rows.map((row) => row.online), itemStyle: { color: COLORS.online } },
      { id: 'offline', name: labels.offline, type: 'bar', stack: 'submitted', data: rows.map((row) => row.offline), itemStyle: { color: COLORS.offline } },
      { id: 'completed', name: labels.completed, type: 'line', data: rows.map((row) => row.completed), itemStyle: { color: COLORS.completed }, lineStyle: { width: 2 }, symbol: 'circle' },
      { id: 'withdrawn', name: labels.withdrawn, type: 'line', data: rows.map((row) => row.withdrawn), itemStyle: { color: COLORS.withdrawn }, lineStyle: { width: 2, type: 'dashed' }, symbol: 'triangle' },
    ],
  };
}

// ---- (b) cases by status and channel now -----------------------------------------------------

export interface StatusRow {
  status: CaseStatus;
  /** Null when the service gave no breakdown by channel. */
  online: number | null;
  offline: number | null;
  total: number;
}

export function statusRows(cases: DashboardStats['cases']): StatusRow[] {
  return CASE_STATUSES.map((status) => {
    if (!cases.byStatusAndChannel) return { status, online: null, offline: null, total: cases.byStatus[status] };
    const of = (channel: 'online' | 'offline') => cases.byStatusAndChannel?.filter((pair) => pair.status === status && pair.channel === channel).reduce((sum, pair) => sum + pair.count, 0) ?? 0;
    const online = of('online');
    const offline = of('offline');
    return { status, online, offline, total: online + offline };
  });
}

export function statusOption(rows: readonly StatusRow[], names: Pick<Namer, 'status'>, labels: { online: string; offline: string; total: string }): ChartOption {
  const categories = rows.map((row) => names.status(row.status));
  const byChannel = rows.some((row) => row.online !== null);
  return {
    ...base(),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    series: byChannel
      ? [
          { id: 'online', name: labels.online, type: 'bar', stack: 'cases', data: rows.map((row) => row.online ?? 0), itemStyle: { color: COLORS.online }, label: { show: true, position: 'inside' } },
          { id: 'offline', name: labels.offline, type: 'bar', stack: 'cases', data: rows.map((row) => row.offline ?? 0), itemStyle: { color: COLORS.offline }, label: { show: true, position: 'inside' } },
        ]
      : [{ id: 'total', name: labels.total, type: 'bar', data: rows.map((row) => row.total), itemStyle: { color: COLORS.online }, label: { show: true, position: 'top' } }],
  };
}

// ---- (c) decision time per item --------------------------------------------------------------

export interface DecisionRow {
  item: string;
  decisions: number;
  median: number | null;
  p90: number | null;
}

export function decisionUnit(items: readonly ItemStats[]): DurationUnit {
  return durationUnitFor(items.flatMap((item) => [item.decisionHours.median, item.decisionHours.p90]));
}

export function decisionRows(items: readonly ItemStats[], unit: DurationUnit): DecisionRow[] {
  return items.map((item) => ({ item: item.item, decisions: item.decisionHours.count, median: inUnit(item.decisionHours.median, unit), p90: inUnit(item.decisionHours.p90, unit) }));
}

/** The item deciding slowest by its median, or null before any decision. */
export function slowestDecision(rows: readonly DecisionRow[]): DecisionRow | null {
  return rows.reduce<DecisionRow | null>((slowest, row) => (isNumber(row.median) && row.median > (slowest?.median ?? -1) ? row : slowest), null);
}

export function decisionOption(rows: readonly DecisionRow[], names: Pick<Namer, 'item'>, labels: { median: string; p90: string; unit: string }): ChartOption {
  return {
    ...base(),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, valueFormatter: (value) => (value === null || value === undefined ? '—' : `${String(value)} ${labels.unit}`) },
    xAxis: { type: 'value', name: labels.unit, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => names.item(row.item)), axisLabel: CATEGORY_LABEL },
    series: [
      { id: 'median', name: labels.median, type: 'bar', data: rows.map((row) => row.median), itemStyle: { color: COLORS.median } },
      { id: 'p90', name: labels.p90, type: 'bar', data: rows.map((row) => row.p90), itemStyle: { color: COLORS.p90 } },
    ],
  };
}

/**
 * The decision times in working days as the law counts them (the service's `decisionWorkingDays`), one
 * row per item in the order of `items`; null when the service gives none for any item (an older one).
 */
export function workingDayDecisionRows(items: readonly ItemStats[]): (DecisionRow & { provisional: boolean })[] | null {
  if (!items.some((item) => item.decisionWorkingDays)) return null;
  return items.map(({ item, decisionWorkingDays: days }) => ({
    item,
    decisions: days?.count ?? 0,
    median: days && isNumber(days.median) ? round(days.median) : null,
    p90: days && isNumber(days.p90) ? round(days.p90) : null,
    provisional: days?.provisional === true,
  }));
}

// ---- (d) supplement and rejection rates, top reasons -----------------------------------------

export interface RateRow {
  item: string;
  total: number;
  decided: number;
  /** Percentages; null when there is nothing to divide (no item, no decision). */
  supplementPercent: number | null;
  rejectionPercent: number | null;
}

export function rateRows(items: readonly ItemStats[]): RateRow[] {
  return items.map((item) => ({
    item: item.item,
    total: item.total,
    decided: item.granted + item.rejected,
    supplementPercent: item.total === 0 ? null : percent(item.supplementRate),
    rejectionPercent: percent(item.rejectionRate),
  }));
}

/** The row with the highest value of `pick`, or null when no row has one. */
export function highest<T>(rows: readonly T[], pick: (row: T) => number | null): T | null {
  return rows.reduce<T | null>((best, row) => {
    const value = pick(row);
    return isNumber(value) && (best === null || value > (pick(best) ?? -1)) ? row : best;
  }, null);
}

export function rateOption(rows: readonly RateRow[], names: Pick<Namer, 'item'>, labels: { supplement: string; rejection: string }): ChartOption {
  return {
    ...base(),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, valueFormatter: (value) => (value === null || value === undefined ? '—' : `${String(value)} %`) },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => names.item(row.item)), axisLabel: CATEGORY_LABEL },
    series: [
      { id: 'supplement', name: labels.supplement, type: 'bar', data: rows.map((row) => row.supplementPercent), itemStyle: { color: COLORS.supplement } },
      { id: 'rejection', name: labels.rejection, type: 'bar', data: rows.map((row) => row.rejectionPercent), itemStyle: { color: COLORS.rejection } },
    ],
  };
}

export type ReasonKind = 'rejection' | 'supplement' | 'material';

export interface ReasonRow {
  item: string;
  kind: ReasonKind;
  reason: string;
  count: number;
}

/** Every item's top reasons, item by item: rejections, then supplement requests, then the materials asked for. */
export function reasonRows(items: readonly ItemStats[]): ReasonRow[] {
  return items.flatMap((item) => [
    ...item.topRejectionReasons.map((entry) => ({ item: item.item, kind: 'rejection' as const, ...entry })),
    ...item.topSupplementReasons.map((entry) => ({ item: item.item, kind: 'supplement' as const, ...entry })),
    ...item.topRequestedMaterials.map((entry) => ({ item: item.item, kind: 'material' as const, ...entry })),
  ]);
}

// ---- (e) blocking points ---------------------------------------------------------------------

export interface BlockingRow {
  step: string;
  item: string | null;
  state: string;
  finished: number;
  waitingNow: number;
  median: number | null;
  p90: number | null;
}

export function blockingUnit(points: readonly BlockingPoint[]): DurationUnit {
  return durationUnitFor(points.flatMap((point) => [point.medianHours, point.p90Hours]));
}

/** The steps, longest median wait first (then p90, then most waiting now), as the service ranks them. */
export function blockingRows(points: readonly BlockingPoint[], unit: DurationUnit): BlockingRow[] {
  const longest = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
  return points
    .map((point) => ({ step: point.step, item: point.item, state: point.state, finished: point.count, waitingNow: point.waitingNow, median: inUnit(point.medianHours, unit), p90: inUnit(point.p90Hours, unit) }))
    .sort((a, b) => longest(a.median, b.median) || longest(a.p90, b.p90) || b.waitingNow - a.waitingNow || a.step.localeCompare(b.step));
}

/** `Work permit · In review`, or the state alone for a wait of the whole case. */
export function stepName(row: Pick<BlockingRow, 'item' | 'state'>, names: Pick<Namer, 'item' | 'state'>, wholeCase: string): string {
  return `${row.item ? names.item(row.item) : wholeCase} · ${names.state(row.state)}`;
}

export const BLOCKING_CHART_STEPS = 10;

/** The steps the blocking chart draws: the longest `BLOCKING_CHART_STEPS` with a finished wait to measure. */
export function blockingChartRows(rows: readonly BlockingRow[]): BlockingRow[] {
  return rows.filter((row) => row.median !== null || row.p90 !== null).slice(0, BLOCKING_CHART_STEPS);
}

/** Horizontal bars of the longest waits, longest on top. */
export function blockingOption(rows: readonly BlockingRow[], label: (row: BlockingRow) => string, labels: { median: string; p90: string; unit: string }): ChartOption {
  const shown = blockingChartRows(rows);
  return {
    ...base(),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, valueFormatter: (value) => (value === null || value === undefined ? '—' : `${String(value)} ${labels.unit}`) },
    xAxis: { type: 'value', name: labels.unit, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', inverse: true, data: shown.map(label), axisLabel: CATEGORY_LABEL },
    series: [
      { id: 'median', name: labels.median, type: 'bar', data: shown.map((row) => row.median), itemStyle: { color: COLORS.median } },
      { id: 'p90', name: labels.p90, type: 'bar', data: shown.map((row) => row.p90), itemStyle: { color: COLORS.p90 } },
    ],
  };
}

/** How tall a horizontal bar chart of `categories` rows (two bars each) needs to be, in pixels. */
export function barChartHeight(categories: number): number {
  return Math.max(200, 110 + categories * 48);
}
