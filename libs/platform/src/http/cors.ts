import type { CorsOptions, CorsOptionsDelegate } from '@nestjs/common/interfaces/external/cors-options.interface';

/** The request headers the web front sends: the token, JSON bodies, the portal's idempotency key, data-sharing's read purpose, a correlation id for the logs. */
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Purpose', 'X-Correlation-Id'];

/** Response headers the web front may read: why a token was refused, and whether a submission was a replay. */
export const CORS_EXPOSED_HEADERS = ['WWW-Authenticate', 'Idempotent-Replayed'];

const ALLOWED: CorsOptions = {
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: CORS_ALLOWED_HEADERS,
  exposedHeaders: CORS_EXPOSED_HEADERS,
  // The token travels in Authorization, never in a cookie.
  credentials: false,
  // How long (seconds) a browser may reuse a preflight's answer; Chrome caps it at 7200.
  maxAge: 600,
};

/**
 * Cross-origin access for the browser front (served by the portal) calling every service directly.
 * A request from a listed origin gets the CORS headers; any other gets none at all (so a preflight
 * from elsewhere learns nothing and the browser refuses the call). Same-origin and non-browser
 * callers send no Origin and are served as before.
 */
export function corsOf(origins: readonly string[]): CorsOptionsDelegate<{ headers: Record<string, string | string[] | undefined> }> {
  const allowed = new Set(origins);
  return (request, callback) => {
    const origin = request.headers['origin'];
    if (typeof origin === 'string' && allowed.has(origin)) callback(null, { ...ALLOWED, origin });
    else callback(null, { origin: false });
  };
}
