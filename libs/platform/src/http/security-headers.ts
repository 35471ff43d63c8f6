import helmet from 'helmet';

/**
 * helmet's security headers on every response: a strict content security policy (the page's own
 * scripts only; fetches to itself and the given origins), no MIME sniffing, no framing, HSTS, no
 * referrer across origins.
 */
export function securityHeaders(connectOrigins: readonly string[] = []) {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        // The web front calls the agencies' APIs directly (CORS); everything else stays on this origin.
        connectSrc: ["'self'", ...connectOrigins],
        // Documents and the QR code are shown from blob: URLs made of fetched bytes.
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ["'self'", 'blob:'],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
}
