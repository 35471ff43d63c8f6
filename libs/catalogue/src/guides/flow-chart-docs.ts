import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Catalogue } from '../model/catalogue.model';
import { flowChart } from './flow-chart';
import { renderFlowChartSvg, renderDotToSvg } from './flow-chart-renderer';
import type { DotRenderer } from './guide.types';

/** A generated file under the workspace root. */
export interface FlowChartDocument {
  path: string;
  content: string;
}

export const FLOW_CHART_REGENERATE_COMMAND =
  'SWC_NODE_PROJECT=libs/catalogue/tsconfig.json node -r @swc-node/register libs/catalogue/scripts/render-flow-chart.ts';

/** The committed flow charts: the Chinese SVG (the published one), the English SVG and the Mermaid source. */
export async function flowChartDocuments(catalogue: Catalogue, render: DotRenderer = renderDotToSvg): Promise<FlowChartDocument[]> {
  return [
    { path: 'docs/flow-chart.svg', content: await renderFlowChartSvg(catalogue, 'zh', render) },
    { path: 'docs/flow-chart.en.svg', content: await renderFlowChartSvg(catalogue, 'en', render) },
    { path: 'docs/flow-chart.mmd', content: flowChart(catalogue, 'zh').mermaid },
  ];
}

/** Paths whose committed content differs from what the catalogue generates now (missing counts as differing). */
export async function staleFlowChartDocuments(workspaceRoot: string, catalogue: Catalogue, render: DotRenderer = renderDotToSvg): Promise<string[]> {
  const stale: string[] = [];
  for (const doc of await flowChartDocuments(catalogue, render)) {
    const committed = await readFile(join(workspaceRoot, doc.path), 'utf8').catch(() => undefined);
    if (committed !== doc.content) stale.push(doc.path);
  }
  return stale;
}

export async function writeFlowChartDocuments(workspaceRoot: string, catalogue: Catalogue, render: DotRenderer = renderDotToSvg): Promise<string[]> {
  const docs = await flowChartDocuments(catalogue, render);
  for (const doc of docs) {
    const target = join(workspaceRoot, doc.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, doc.content, 'utf8');
  }
  return docs.map((doc) => doc.path);
}
