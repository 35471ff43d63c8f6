// What rendering a formal document costs: CPU per PDF of each kind, with the fonts as the services use
// them (`documentFonts()`, which remember the layout of each run of text and the glyphs' outlines) and with the bare fonts, on one core.
// Runs the built library: `npm run build`, then
//   node -r ./deploy/local/register-paths.cjs deploy/bench/documents.mjs [--documents 200] [--against DIR]
// --against DIR adds the build of another checkout (its `dist/`, e.g. a worktree of an earlier commit),
// as its services use it. The configurations take turns, a few documents each, in one process, and
// each figure is the median of its turns: a machine whose speed drifts (a shared one) moves them alike.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../local/infra.mjs';

const require = createRequire(import.meta.url);
const { values: options } = parseArgs({ options: { documents: { type: 'string', default: '200' }, against: { type: 'string' } } });
const libraryOf = (root) => require(path.join(path.resolve(root), 'dist/libs/documents/src/index.js'));
const documents = libraryOf(repoRoot);

const count = Number(options.documents) || 200;
const ISSUER = { zh: '威海市行政审批服务局', en: 'Weihai Administrative Approval Service Bureau' };
const WORK_PERMIT = { name: { zh: '外国人来华工作许可', en: 'Work permit for foreigners' }, action: { zh: '首次申请', en: 'first application' } };

/** The n-th document of each kind: the same fixed text, its own number, holder and dates. */
const kindsOf = (documents) => ({
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
});

/** Each configuration: the library that renders, and the fonts it renders with. */
const CONFIGURATIONS = [
  { label: 'as the services use them', documents, fonts: documents.documentFonts() },
  { label: 'bare', documents, fonts: documents.parseDocumentFonts() },
];
if (options.against) {
  const earlier = libraryOf(options.against);
  CONFIGURATIONS.push({ label: `${options.against}, as its services use them`, documents: earlier, fonts: earlier.documentFonts() });
}

const TURN = 10;

/** CPU milliseconds per document of each configuration: the median of its turns of TURN documents, after a turn each to warm up. */
async function cpuPerDocument(kind) {
  const turns = CONFIGURATIONS.map(() => []);
  const rounds = Math.max(1, Math.ceil(count / TURN));
  for (let round = -1; round < rounds; round += 1) {
    // Alternate who goes first, so neither always follows the other's garbage.
    const order = CONFIGURATIONS.map((_, index) => index);
    if (round % 2) order.reverse();
    for (const index of order) {
      const { documents: library, fonts } = CONFIGURATIONS[index];
      const model = kindsOf(library)[kind];
      const start = process.cpuUsage();
      for (let n = 0; n < TURN; n += 1) await library.renderPdf(model((round + 1) * TURN + n), fonts);
      const used = process.cpuUsage(start);
      if (round >= 0) turns[index].push((used.user + used.system) / 1000 / TURN);
    }
  }
  return turns.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

console.log(`| document | ${CONFIGURATIONS.map(({ label }) => label).join(' | ')} |`);
console.log(`|---|${CONFIGURATIONS.map(() => '---').join('|')}|`);
for (const kind of Object.keys(kindsOf(documents))) {
  console.log(`| ${kind} | ${(await cpuPerDocument(kind)).map((ms) => `${ms.toFixed(1)} ms`).join(' | ')} |`);
}
