// npm run bench [-- --cases 200 --concurrency 16]
// Submits five-item cases through the portal, as many at once as --concurrency, and measures how long
// the platform takes from submission until the four automatic items (work permit, residence permit,
// social insurance, e-card) are granted: every agency, the bus and the databases on the real path.
// Uses the services on 127.0.0.1:3000–3005 when they answer; otherwise starts them (npm start) for the run.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../local/infra.mjs';
import { signLocalToken } from '../local/local-token.mjs';

const PORTAL = 'http://127.0.0.1:3000';
const FIVE_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
  { code: 'SOCIAL_INSURANCE', action: 'apply' },
  { code: 'PROFESSIONAL_TITLE', action: 'apply' },
  { code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' },
];
const AUTOMATIC = ['WORK_PERMIT', 'RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'E_SOCIAL_SECURITY_CARD'];
const CASE_TIMEOUT_MS = 120_000;

const { values } = parseArgs({ options: { cases: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '16' } } });
const cases = Number(values.cases);
const concurrency = Number(values.concurrency);
if (!(cases > 0 && concurrency > 0)) {
  console.error('usage: npm run bench [-- --cases 200 --concurrency 16]');
  process.exit(2);
}

const applicant = signLocalToken({ role: 'applicant', sub: `bench-${randomUUID()}` });

async function healthy() {
  try {
    const response = await fetch(`${PORTAL}/health`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function startPlatform() {
  console.log('[bench] starting the platform (npm start)…');
  const child = spawn(process.execPath, ['deploy/local/start.mjs'], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  while (!output.includes('services are healthy')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the platform did not start:\n${output.slice(-2_000)}`);
    await sleep(250);
  }
  return child;
}

async function api(method, path, body) {
  const response = await fetch(`${PORTAL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${applicant}`, 'idempotency-key': randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function setAt(body, path, value) {
  const keys = path.split('.');
  let node = body;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys.at(-1)] = value;
}

/** A clean five-item case: the form's examples, a contract starting after today, every document. */
function caseBody(form, n) {
  const body = { items: FIVE_ITEMS };
  for (const field of form.fields) setAt(body, field.path, field.example);
  setAt(body, 'employment.contractStart', '2026-12-15');
  setAt(body, 'employment.contractEnd', '2028-12-14');
  setAt(body, 'applicant.passportNo', `B${String(n).padStart(8, '0')}`);
  delete body.history;
  delete body.applicant.entryDate;
  body.materials = form.materials.map((m, i) => ({ code: m.code, sha256: i.toString(16).padStart(64, 'b'), fileName: `${m.code.toLowerCase()}.pdf`, issuedAt: '2026-11-20' }));
  return body;
}

async function runCase(form, n) {
  const started = performance.now();
  const submitted = await api('POST', '/api/cases', caseBody(form, n));
  const submitMs = performance.now() - started;
  if (submitted.status !== 201) throw new Error(`case ${n}: submission refused ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const { caseId } = submitted.body;
  while (performance.now() - started < CASE_TIMEOUT_MS) {
    const view = await api('GET', `/api/cases/${caseId}`);
    const granted = view.body.items.filter((item) => AUTOMATIC.includes(item.code) && item.status === 'granted').length;
    if (granted === AUTOMATIC.length) return { submitMs, decidedMs: performance.now() - started };
    await sleep(50);
  }
  throw new Error(`case ${caseId}: not decided within ${CASE_TIMEOUT_MS} ms`);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), max: Math.round(sorted.at(-1)) };
};

let platform;
try {
  if (!(await healthy())) platform = await startPlatform();
  const form = (await api('POST', '/api/forms', { items: FIVE_ITEMS })).body;
  console.log(`[bench] ${cases} five-item cases, ${concurrency} at a time`);
  const results = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, cases) }, async () => {
      while (next < cases) results.push(await runCase(form, next++));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const report = {
    cases,
    concurrency,
    wallSeconds: Number(seconds.toFixed(1)),
    casesPerSecond: Number((cases / seconds).toFixed(1)),
    submitMs: summary(results.map((r) => r.submitMs)),
    submittedToFourGrantsMs: summary(results.map((r) => r.decidedMs)),
  };
  console.table({ 'submit (ms)': report.submitMs, 'submitted → 4 automatic grants (ms)': report.submittedToFourGrantsMs });
  console.log(JSON.stringify(report));
} finally {
  if (platform) {
    platform.kill('SIGTERM');
    await new Promise((resolve) => platform.once('exit', resolve));
  }
}
