// The platform's public HTTP API as the bench drives it: the applicant's side on the portal and the
// officer's side on admin-approval.
import { randomUUID } from 'node:crypto';
import { signLocalToken } from '../../local/local-token.mjs';

export const SERVICE_URLS = {
  portal: 'http://127.0.0.1:3000',
  'admin-approval': 'http://127.0.0.1:3001',
};

/**
 * @param {string} url
 * @param {string} method
 * @param {string} path
 * @param {{ token?: string, body?: unknown, timeoutMs?: number }} [options]
 */
async function call(url, method, path, { token, body, timeoutMs = 30_000 } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), 'idempotency-key': randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

/** The employer every bench case is filed by: the catalogue's example credit code. */
export const BENCH_EMPLOYER_USCC = '91371000MA3C5LXX0F';

export class PortalClient {
  constructor({ runTag }) {
    this.runTag = runTag;
    this.officerToken = signLocalToken({ role: 'officer', agency: 'approval', sub: `bench-officer-${runTag}` });
    // The employer's HR officer files each new hire's case (a token acts only for its own credit code,
    // and a case references only documents its filer uploaded), so one account uploads and files.
    this.employerToken = signLocalToken({ role: 'employer', uscc: BENCH_EMPLOYER_USCC, sub: `bench-employer-${runTag}` });
  }

  /** The token a case is filed (and supplemented) with. */
  filerToken() {
    return this.employerToken;
  }

  async form(items) {
    const response = await call(SERVICE_URLS.portal, 'POST', '/api/forms', { body: { items } });
    if (response.status !== 200 && response.status !== 201) throw new Error(`POST /api/forms answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Uploads one document (POST /api/materials, multipart); returns `{ sha256, fileName, size, contentType }`. */
  async upload(bytes, fileName) {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    const response = await fetch(`${SERVICE_URLS.portal}/api/materials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.employerToken}` },
      body: form,
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.json().catch(() => undefined);
    if (response.status !== 201) throw new Error(`POST /api/materials answered ${response.status}: ${JSON.stringify(body)}`);
    return body;
  }

  /** Returns `{ status, caseId?, error? }`; never throws for an HTTP answer. */
  async submit(token, body) {
    try {
      const response = await call(SERVICE_URLS.portal, 'POST', '/api/cases', { token, body });
      if (response.status === 201) return { status: 201, caseId: response.body.caseId };
      return { status: response.status, error: JSON.stringify(response.body).slice(0, 300) };
    } catch (error) {
      return { status: 0, error: error.message };
    }
  }

  async supplement(token, caseId, item, materials) {
    return call(SERVICE_URLS.portal, 'POST', `/api/cases/${caseId}/supplements`, { token, body: { item, materials } }).catch((error) => ({ status: 0, body: error.message }));
  }

  async approveWorkPermit(caseId) {
    return call(SERVICE_URLS['admin-approval'], 'POST', `/api/items/${caseId}/WORK_PERMIT/decision`, {
      token: this.officerToken,
      body: { decision: 'approve', reason: 'Category C: within the national quota (bench officer)' },
    }).catch((error) => ({ status: 0, body: error.message }));
  }
}
