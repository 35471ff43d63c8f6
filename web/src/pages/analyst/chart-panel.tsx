import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from './dashboard-charts';

// ECharts is loaded only when a chart is first shown, so other roles never download it.
const EChart = lazy(() => import('./echart').then((module) => ({ default: module.EChart })));

export interface ChartPanelProps {
  id: string;
  title: string;
  description?: string;
  /** What the chart shows, in words: the chart's accessible name. */
  summary: string;
  option: ChartOption;
  /** No data to draw: the panel says so instead of showing empty axes. */
  empty?: boolean;
  height?: number;
  /** The chart's numbers, shown under "Data as table". */
  table: ReactNode;
  /** Shown after the chart and its table (notes, a second visible table). */
  children?: ReactNode;
  wide?: boolean;
}

/** One dashboard chart with a heading, its summary as the image's name, and its numbers as a table. */
export function ChartPanel({ id, title, description, summary, option, empty, height, table, children, wide }: ChartPanelProps) {
  const { t } = useTranslation('analyst');
  return (
    <section className={`card dashboard-panel${wide ? ' dashboard-wide' : ''}`} aria-labelledby={`${id}-title`} data-testid={`panel-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {description && <p className="hint">{description}</p>}
      {empty ? (
        <p className="muted" data-testid={`${id}-empty`}>
          {t('noData')}
        </p>
      ) : (
        <>
          <Suspense fallback={<div className="chart" role="img" aria-label={summary} aria-busy="true" style={height ? { height } : undefined} />}>
            <EChart option={option} label={summary} height={height} testId={`chart-${id}`} />
          </Suspense>
          <details className="chart-data">
            <summary>{t('dataAsTable')}</summary>
            <div className="table-wrap" role="region" aria-label={title} tabIndex={0}>
              {table}
            </div>
          </details>
        </>
      )}
      {children}
    </section>
  );
}
