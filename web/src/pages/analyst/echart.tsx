import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './dashboard-charts';

// Only what the dashboard draws, so the bundle carries no other chart type.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * One ECharts chart as an image with a summary for assistive technology (the numbers themselves are
 * in the table beside it): created on mount, updated when `option` changes, resized with its box,
 * disposed on unmount.
 */
export function EChart({ option, label, height, testId }: { option: ChartOption; label: string; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Series keep their ids, so a refresh moves the bars instead of redrawing the chart.
    chart.current?.setOption({ animation: !prefersReducedMotion(), ...option }, { replaceMerge: ['series'] });
  }, [option]);

  return <div ref={box} className="chart" role="img" aria-label={label} data-testid={testId} style={height ? { height } : undefined} />;
}
