import type { GuideView } from '../../api/platform-api';

/**
 * The combined guide's flow chart: the SVG the server laid out from the catalogue (trusted) ready to
 * put inline, else the Mermaid source to show as text.
 */
export function flowChartOf(guide: Pick<GuideView, 'flowChart'> | undefined): { svg?: string; mermaid?: string } {
  const chart = guide?.flowChart;
  if (!chart) return {};
  const svg = chart.svg ? inlineSvg(chart.svg) : undefined;
  return { ...(svg ? { svg } : {}), ...(chart.mermaid ? { mermaid: chart.mermaid } : {}) };
}

/**
 * An SVG document made fit to sit inside the page: no XML prolog, doctype or comments, no scripts or
 * event handlers, and no fixed width and height on the root, so CSS scales it to a phone.
 */
export function inlineSvg(document: string): string | undefined {
  const start = document.search(/<svg[\s>]/i);
  if (start < 0) return undefined;
  return document
    .slice(start)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/^<svg\b[^>]*>/i, (root) => root.replace(/\s(width|height)\s*=\s*("[^"]*"|'[^']*')/gi, ''))
    .trim();
}
