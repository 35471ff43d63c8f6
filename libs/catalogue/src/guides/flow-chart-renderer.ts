import { Worker } from 'node:worker_threads';
import type { Catalogue, Lang } from '../model/catalogue.model';
import { flowChart } from './flow-chart';
import { GuideError, GuideErrorCode } from './guide.exception';
import type { DotRenderer } from './guide.types';

/**
 * Graphviz runs in one long-lived worker thread that loads the WASM module once. Two reasons: the
 * package is ESM-only while this code base is CommonJS — a worker's own `import()` loads it the same
 * way under tsc output, @swc-node/register and jest (whose module registry cannot) — and a layout is
 * synchronous WASM work that should not hold up the service's event loop.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const load = () => import(pathToFileURL(workerData.modulePath).href).then((m) => m.Graphviz.load());
let graphviz = load();
parentPort.on('message', async ({ id, dot }) => {
  try {
    parentPort.postMessage({ id, svg: (await graphviz).dot(dot, 'svg') });
  } catch (error) {
    // A failed layout unloads the WASM module; the next request loads it afresh.
    graphviz = load();
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

interface Reply {
  id: number;
  svg?: string;
  error?: string;
}

class GraphvizWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private dead = false;

  constructor(onDeath: () => void) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath: require.resolve('@hpcc-js/wasm-graphviz') } });
    // Idle, the worker must not keep the process alive; `ref` while a layout is outstanding.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    const die = (error: Error) => {
      this.dead = true;
      onDeath();
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    this.worker.on('error', (error) => die(new GuideError(GuideErrorCode.RenderFailed, `Graphviz worker failed: ${error.message}`)));
    this.worker.on('exit', (code) => die(new GuideError(GuideErrorCode.RenderFailed, `Graphviz worker exited with code ${code}`)));
  }

  render(dot: string): Promise<string> {
    if (this.dead) return Promise.reject(new GuideError(GuideErrorCode.RenderFailed, 'Graphviz worker is not running'));
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, dot });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.svg !== undefined) waiting.resolve(reply.svg);
    else waiting.reject(new GuideError(GuideErrorCode.RenderFailed, `Graphviz could not lay out the flow chart: ${reply.error ?? 'no output'}`));
  }
}

let shared: GraphvizWorker | undefined;

/** A catalogue version is immutable, so its charts are few and fixed: the guide endpoint serves them from here. */
const MAX_CACHED = 16;
const cache = new Map<string, Promise<string>>();

function layout(dot: string): Promise<string> {
  if (!shared) {
    const worker: GraphvizWorker = new GraphvizWorker(() => {
      if (shared === worker) shared = undefined;
    });
    shared = worker;
  }
  return shared.render(dot);
}

/** Lays out DOT as SVG with Graphviz (dot engine); the WASM module is loaded once and reused. */
export const renderDotToSvg: DotRenderer = (dot) => {
  const cached = cache.get(dot);
  if (cached) return cached;
  const svg = layout(dot);
  cache.set(dot, svg);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  svg.catch(() => cache.delete(dot));
  return svg;
};

/** Stops the Graphviz worker (tests, shutdown) and forgets rendered charts; the next render starts a new one. */
export async function closeFlowChartRenderer(): Promise<void> {
  const worker = shared;
  shared = undefined;
  cache.clear();
  await worker?.close();
}

/** The flow chart as an SVG document, laid out by Graphviz. */
export function renderFlowChartSvg(catalogue: Catalogue, lang: Lang, render: DotRenderer = renderDotToSvg): Promise<string> {
  return render(flowChart(catalogue, lang).dot);
}
