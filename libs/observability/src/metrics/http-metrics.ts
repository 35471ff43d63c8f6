import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS_SECONDS, type MetricsRegistry } from './metrics.registry';

type HttpLabel = 'method' | 'route' | 'status_code';

/** The route label of a request no route answered: the web front's static files, a 404. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * `http_requests_total` and `http_request_duration_seconds`, by method, route and status code. The route
 * is the pattern the request matched (`/api/cases/:caseId`), never the URL itself: ids in a label would
 * make a series per case.
 */
export class HttpMetrics {
  readonly requests: Counter<HttpLabel>;
  readonly duration: Histogram<HttpLabel>;

  constructor(registry: MetricsRegistry) {
    const labels = ['method', 'route', 'status_code'] as const;
    this.requests = registry.counter('http', 'requests_total', 'HTTP requests answered, by method, route pattern and status code', labels);
    this.duration = registry.histogram(
      'http',
      'request_duration_seconds',
      'Time from a request reaching the service to the last byte of its answer, by method, route pattern and status code',
      labels,
      LATENCY_BUCKETS_SECONDS,
    );
  }

  /** Express middleware: times every request and counts it when its answer has been sent. */
  middleware(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
    return (req, res, next) => {
      const startedAt = process.hrtime.bigint();
      // Nest mounts a middleware as a catch-all route (`/{*path}`): that is not the route a request matched.
      const mountPath = routePathOf(req);
      res.once('finish', () => {
        const labels = { method: req.method ?? 'UNKNOWN', route: routeOf(req, mountPath), status_code: String(res.statusCode) };
        this.requests.inc(labels);
        this.duration.observe(labels, Number(process.hrtime.bigint() - startedAt) / 1e9);
      });
      next();
    };
  }
}

/**
 * The matched route's pattern as Express knows it (mount path and route path), read once the answer is
 * sent; `unmatched` when no route answered or the only one was a middleware's catch-all mount.
 */
export function routeOf(req: IncomingMessage, middlewareMountPath?: string): string {
  const path = routePathOf(req);
  if (path === undefined || path === middlewareMountPath) return UNMATCHED_ROUTE;
  return `${(req as IncomingMessage & { baseUrl?: string }).baseUrl ?? ''}${path}` || '/';
}

function routePathOf(req: IncomingMessage): string | undefined {
  const path = (req as IncomingMessage & { route?: { path?: unknown } }).route?.path;
  return path === undefined ? undefined : String(path);
}
