// What rendering a formal document costs: CPU per PDF of each kind, with the fonts as the services use
// them (`documentFonts()`, which remember each word's layout) and with the bare fonts, on one core.
// Runs the built library: `npm run build`, then
//   node -r ./deploy/local/register-paths.cjs deploy/bench/documents.mjs [--documents 200]
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../local/infra.mjs';

const require = createRequire(import.meta.url);
const documents = require(path.join(repoRoot, 'dist/libs/documents/src/index.js'));

const count = Number(process.argv[process.argv.indexOf('--documents') + 1]) || 200;
const ISSUER = { zh: '威海市行政审批服务局', en: 'Weihai Administrative Approval Service Bureau' };
const WORK_PERMIT = { name: { zh: '外国人来华工作许可', en: 'Work permit for foreigners' }, action: { zh: '首次申请', en: 'first application' } };

/** The n-th document of each kind: the same fixed text, its own number, holder and dates. */
const KINDS = {
  'acceptance notice': (n) =>
    documents.acceptanceNotice({
      documentNo: `POR-20261207-${String(1_000_000_000 + n)}`,
      issuer: ISSUER,
      issuedOn: '2026-12-07',
      caseId: `6f1c2d3e-4a5b-4c6d-8e7f-${String(100_000_000_000 + n)}`,
      submittedOn: '2026-12-07',
      channel: 'online',
      applicant: { name: `SMITH John ${n}`, nationality: 'GBR', passportNo: `E${10_000_000 + n}` },
      employer: '威海某某科技有限公司',
      items: [{ ...WORK_PERMIT, agency: ISSUER, timeLimit: { zh: '10个工作日', en: '10 working days' } }],
      materials: [{ zh: '护照', en: 'Passport' }],
    }),
  'decision to grant': (n) =>
    documents.decisionDocument({
      documentNo: `APP-20261207-${String(1_000_000_000 + n)}`,
      issuer: ISSUER,
      issuedOn: '2026-12-07',
      caseId: `6f1c2d3e-4a5b-4c6d-8e7f-${String(100_000_000_000 + n)}`,
      submittedOn: '2026-11-20',
      holderName: `SMITH John ${n}`,
      passportNo: `E${10_000_000 + n}`,
      item: WORK_PERMIT,
      decision: 'granted',
      remedies: { reconsiderationDays: 60, litigationMonths: 6 },
      result: { permitNo: `WP-371000-2026-${String(100_000 + n)}`, validFrom: '2026-12-07', validTo: '2028-12-06' },
    }),
  'electronic permit': (n) =>
    documents.electronicPermit({
      documentNo: `APP-20261207-${String(2_000_000_000 + n)}`,
      issuer: ISSUER,
      issuedOn: '2026-12-07',
      itemName: WORK_PERMIT.name,
      holder: { name: `SMITH John ${n}`, nationality: 'GBR', passportNo: `E${10_000_000 + n}` },
      permitNo: `WP-371000-2026-${String(100_000 + n)}`,
      validFrom: '2026-12-07',
      validTo: '2028-12-06',
      verifyUrl: `https://work.weihai.example/verify/APP-20261207-${String(2_000_000_000 + n)}`,
    }),
};

const FONTS = {
  'as the services use them': documents.documentFonts(),
  bare: documents.parseDocumentFonts(),
};

/** CPU milliseconds per document over `count` documents, after ten to warm up. */
async function cpuPerDocument(model, fonts) {
  for (let n = 0; n < 10; n += 1) await documents.renderPdf(model(n), fonts);
  const start = process.cpuUsage();
  for (let n = 10; n < 10 + count; n += 1) await documents.renderPdf(model(n), fonts);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / count;
}

console.log(`| document | ${Object.keys(FONTS).join(' | ')} |`);
console.log(`|---|${Object.keys(FONTS).map(() => '---').join('|')}|`);
for (const [kind, model] of Object.entries(KINDS)) {
  const cells = [];
  for (const fonts of Object.values(FONTS)) cells.push(`${(await cpuPerDocument(model, fonts)).toFixed(1)} ms`);
  console.log(`| ${kind} | ${cells.join(' | ')} |`);
}
