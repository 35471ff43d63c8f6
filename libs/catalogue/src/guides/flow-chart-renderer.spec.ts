import type { Lang } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { FLOW_CHART_FONTS } from './flow-chart';
import { closeFlowChartRenderer, renderDotToSvg, renderFlowChartSvg } from './flow-chart-renderer';
import { GuideErrorCode } from './guide.exception';

const catalogue = getCatalogue();

/** The text lines of the chart, as a viewer shows them (Graphviz writes `-` as `&#45;` and so on). */
function svgTexts(svg: string): string[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (all, ref: string) => {
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      return entities[ref] ?? all;
    }),
  );
}

// The first render loads the WASM module in the worker; later ones reuse it.
jest.setTimeout(30_000);

describe(renderFlowChartSvg.name, () => {
  afterAll(async () => {
    await closeFlowChartRenderer();
  });

  it.each(['zh', 'en'] as Lang[])('renders an SVG document naming every item (%s)', async (lang) => {
    const svg = await renderFlowChartSvg(catalogue, lang);
    expect(svg).toMatch(/^<\?xml [^>]*\?>\s*<!DOCTYPE svg[^>]*>\s*(<!--[\s\S]*?-->\s*)*<svg /);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const texts = svgTexts(svg);
    for (const item of catalogue.items) expect(texts).toContain(item.name[lang]);
  });

  it('asks the viewer for a CJK-capable font family for the Chinese labels', async () => {
    const svg = await renderFlowChartSvg(catalogue, 'zh');
    const families = new Set([...svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
    expect([...families]).toEqual([FLOW_CHART_FONTS.zh]);
    expect(FLOW_CHART_FONTS.zh.startsWith('Noto Sans CJK SC,')).toBe(true);
  });

  it('renders the same SVG every time', async () => {
    expect(await renderFlowChartSvg(catalogue, 'zh')).toBe(await renderFlowChartSvg(catalogue, 'zh'));
  });

  it('rejects DOT that Graphviz cannot read with render_failed, and renders again afterwards', async () => {
    await expect(renderDotToSvg('digraph { a -> }')).rejects.toMatchObject({ code: GuideErrorCode.RenderFailed });
    await expect(renderDotToSvg('digraph { a -> b }')).resolves.toContain('<svg');
  });

  it('starts a new worker after being closed', async () => {
    await closeFlowChartRenderer();
    await expect(renderDotToSvg('digraph { a -> b }')).resolves.toContain('<svg');
  });

  it('lays out a chart it has rendered before only once', async () => {
    await closeFlowChartRenderer();
    const first = renderDotToSvg('digraph { c -> d }');
    expect(renderDotToSvg('digraph { c -> d }')).toBe(first);
    await first;
  });
});
