import { join } from 'node:path';
import { getCatalogue } from '../registry/catalogue.registry';
import { FLOW_CHART_REGENERATE_COMMAND, flowChartDocuments, staleFlowChartDocuments } from './flow-chart-docs';
import { closeFlowChartRenderer } from './flow-chart-renderer';

const catalogue = getCatalogue();
const workspaceRoot = join(__dirname, '../../../..');

jest.setTimeout(30_000);

describe(staleFlowChartDocuments.name, () => {
  afterAll(async () => {
    await closeFlowChartRenderer();
  });

  it('finds the committed docs/flow-chart.* exactly as the current catalogue generates them', async () => {
    const stale = await staleFlowChartDocuments(workspaceRoot, catalogue);
    if (stale.length > 0) {
      throw new Error(`${stale.join(', ')} differ from what catalogue ${catalogue.version} generates; regenerate with:\n  ${FLOW_CHART_REGENERATE_COMMAND}`);
    }
  });

  it('reports a document that differs from the catalogue as stale', async () => {
    const changed = { ...catalogue, version: `${catalogue.version}-changed` };
    expect(await staleFlowChartDocuments(workspaceRoot, changed)).toEqual(['docs/flow-chart.svg', 'docs/flow-chart.en.svg', 'docs/flow-chart.mmd']);
  });
});

describe(flowChartDocuments.name, () => {
  it('generates the Chinese SVG, the English SVG and the Mermaid source', async () => {
    const docs = await flowChartDocuments(catalogue, async (dot) => `<svg>${dot.length}</svg>`);
    expect(docs.map((d) => d.path)).toEqual(['docs/flow-chart.svg', 'docs/flow-chart.en.svg', 'docs/flow-chart.mmd']);
    expect(docs[2].content.startsWith('flowchart')).toBe(true);
  });
});
