/**
 * Writes docs/flow-chart.svg (zh), docs/flow-chart.en.svg and docs/flow-chart.mmd from the catalogue.
 * `--check` writes nothing and exits 1 when a committed file differs from what the catalogue generates.
 *
 *   SWC_NODE_PROJECT=libs/catalogue/tsconfig.json node -r @swc-node/register libs/catalogue/scripts/render-flow-chart.ts [--check]
 */
import { join } from 'node:path';
import { getCatalogue } from '../src/registry/catalogue.registry';
import { closeFlowChartRenderer, FLOW_CHART_REGENERATE_COMMAND, staleFlowChartDocuments, writeFlowChartDocuments } from '../src/guides';

const workspaceRoot = join(__dirname, '../../..');

async function main(): Promise<number> {
  const catalogue = getCatalogue();
  if (process.argv.includes('--check')) {
    const stale = await staleFlowChartDocuments(workspaceRoot, catalogue);
    for (const path of stale) console.error(`${path} differs from catalogue ${catalogue.version}`);
    if (stale.length > 0) console.error(`Regenerate with: ${FLOW_CHART_REGENERATE_COMMAND}`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const path of await writeFlowChartDocuments(workspaceRoot, catalogue)) console.log(`wrote ${path} (catalogue ${catalogue.version})`);
  return 0;
}

main()
  .then(async (code) => {
    await closeFlowChartRenderer();
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await closeFlowChartRenderer();
    process.exitCode = 1;
  });
