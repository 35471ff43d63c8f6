// Realistic cases: mixed selections of the five items, talent category A, B and C profiles, and a
// share that leaves out a document the agencies then ask for. Bodies start from the merged form's
// examples (POST /api/forms), as the e2e suite's PlatformApi.caseBody does.
import { BENCH_EMPLOYER_USCC } from './portal-client.mjs';

export const MANUAL_ITEMS = ['PROFESSIONAL_TITLE'];

const WP = { code: 'WORK_PERMIT', action: 'issue' };
const RP = { code: 'RESIDENCE_PERMIT', action: 'issue' };
const SI = { code: 'SOCIAL_INSURANCE', action: 'apply' };
const PT = { code: 'PROFESSIONAL_TITLE', action: 'apply' };
const EC = { code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' };

/** Every item needs a work permit (the catalogue's prerequisite graph), so every selection has one. */
export const SELECTIONS = [
  { name: 'WP', items: [WP], weight: 25 },
  { name: 'WP+RP', items: [WP, RP], weight: 30 },
  { name: 'WP+RP+SI+EC', items: [WP, RP, SI, EC], weight: 15 },
  { name: 'WP+SI+EC', items: [WP, SI, EC], weight: 10 },
  { name: 'all five', items: [WP, RP, SI, PT, EC], weight: 20 },
];

/**
 * Category A by the salary multiple or by points (a talent programme claim would wait for a
 * science-tech officer, so none is generated); B by degree and experience; C from the e2e suite's
 * patch — its work permit waits for an officer (the national quota).
 */
export const PROFILES = [
  {
    category: 'A',
    weight: 45,
    patch: (random) =>
      random.next() < 0.5
        ? { 'employment.annualSalaryCny': random.int(60, 120) * 10_000, 'talent.recognition': undefined }
        : {
            'applicant.education': 'doctorate',
            'applicant.workExperienceYears': random.int(6, 15),
            'applicant.chineseLevel': 'HSK5',
            'applicant.birthDate': birthDate(random, 1982, 1999),
            'talent.recognition': undefined,
          },
  },
  {
    category: 'B',
    weight: 40,
    patch: (random) => ({
      'applicant.education': 'bachelor',
      'applicant.workExperienceYears': random.int(2, 6),
      'applicant.chineseLevel': 'HSK3',
      'employment.annualSalaryCny': random.int(15, 30) * 10_000,
      talent: undefined,
    }),
  },
  {
    category: 'C',
    weight: 15,
    patch: () => ({
      'applicant.education': 'associate',
      'applicant.workExperienceYears': 1,
      'applicant.chineseLevel': 'none',
      'employment.annualSalaryCny': 90_000,
      'employment.monthsPerYearInChina': 6,
      talent: undefined,
    }),
  },
];

/** The document a supplement case leaves out: the work permit and the residence permit both ask for it. */
export const SUPPLEMENT_MATERIAL = 'PHOTO';
const SUPPLEMENT_SHARE = 0.1;

const NATIONALITIES = ['DEU', 'GBR', 'FRA', 'USA', 'CAN', 'AUS', 'JPN', 'KOR', 'ITA', 'ESP', 'NLD', 'SWE'];
const SURNAMES = ['SCHMIDT', 'MUELLER', 'SMITH', 'MARTIN', 'TANAKA', 'KIM', 'ROSSI', 'GARCIA', 'JANSEN', 'LINDQVIST'];
const GIVEN_NAMES = ['MARIA ANNA', 'JOHN', 'CLAIRE', 'KENJI', 'MINJI', 'LUCA', 'SOFIA', 'PIETER', 'ERIK', 'EMMA'];

/** A small seeded generator (mulberry32), so a run's mix can be repeated. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted: (list) => {
      let roll = next() * list.reduce((sum, entry) => sum + entry.weight, 0);
      for (const entry of list) if ((roll -= entry.weight) < 0) return entry;
      return list.at(-1);
    },
  };
}

const birthDate = (random, fromYear, toYear) => `${random.int(fromYear, toYear)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
const isoDate = (date) => date.toISOString().slice(0, 10);
const addDays = (date, days) => new Date(date.getTime() + days * 86_400_000);

/** Dates relative to today in Weihai, so the bodies stay valid whatever day the bench runs. */
function calendar(now = new Date()) {
  const today = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)}T00:00:00Z`);
  // A contract already running is flagged as possible work without a permit, so it starts later.
  const contractStart = addDays(today, 16);
  const contractEnd = addDays(new Date(Date.UTC(contractStart.getUTCFullYear() + 2, contractStart.getUTCMonth(), contractStart.getUTCDate())), -1);
  return { contractStart: isoDate(contractStart), contractEnd: isoDate(contractEnd), issuedAt: isoDate(addDays(today, -9)) };
}

function setAt(body, path, value) {
  const keys = path.split('.');
  if (value === undefined) {
    removeAt(body, keys);
    return;
  }
  let node = body;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys.at(-1)] = value;
}

/** Removes a field, and the sections it leaves empty: the form refuses a section it does not ask. */
function removeAt(node, keys) {
  if (node === undefined || node === null || typeof node !== 'object') return;
  const [key, ...rest] = keys;
  if (rest.length === 0) delete node[key];
  else {
    removeAt(node[key], rest);
    if (node[key] && typeof node[key] === 'object' && Object.keys(node[key]).length === 0) delete node[key];
  }
}

/** A small PDF of its own for each material code and version, so each uploads as a document of its own. */
function documentBytes(code, version, runTag) {
  return Buffer.from(`%PDF-1.7\n% ${code} (${version}), bench run ${runTag}\n%%EOF\n`);
}

/**
 * Makes cases: `next()` returns `{ selection, category, needsSupplement, awaited, body }`, where
 * `awaited` is the items the bench waits for (every automatic item; for category C also the work
 * permit, which the bench approves as an officer).
 */
export class Workload {
  constructor({ forms, documents, seed, runTag }) {
    this.forms = forms;
    this.documents = documents;
    this.random = seededRandom(seed);
    this.runTag = runTag;
    this.dates = calendar();
    this.count = 0;
  }

  /**
   * Fetches the merged form of every selection once, and uploads each material once — the document a
   * case is submitted with and the one a supplement answers with — so every case reuses their sha256s
   * (a case may reference only uploaded documents).
   */
  static async load(portal, options) {
    const forms = new Map();
    for (const selection of SELECTIONS) forms.set(selection.name, await portal.form(selection.items));
    const codes = new Set([...forms.values()].flatMap((form) => form.materials.map((m) => m.code)));
    const documents = new Map();
    for (const code of codes) {
      const fileName = `${code.toLowerCase()}.pdf`;
      const submitted = await portal.upload(documentBytes(code, 'submitted', options.runTag), fileName);
      const supplemented = await portal.upload(documentBytes(code, 'supplemented', options.runTag), fileName);
      documents.set(code, { submitted: submitted.sha256, supplemented: supplemented.sha256, fileName });
    }
    return new Workload({ forms, documents, ...options });
  }

  /** A case's `materials` entry for `code`: the document uploaded for it at load. */
  material(code, version) {
    const document = this.documents.get(code);
    if (!document) throw new Error(`no document was uploaded for material ${code}`);
    return { code, sha256: document[version], fileName: document.fileName, issuedAt: this.dates.issuedAt };
  }

  next() {
    const random = this.random;
    const selection = random.weighted(SELECTIONS);
    const profile = random.weighted(PROFILES);
    const form = this.forms.get(selection.name);
    const codes = selection.items.map((item) => item.code);
    const needsSupplement = random.next() < SUPPLEMENT_SHARE && form.materials.some((m) => m.code === SUPPLEMENT_MATERIAL);
    const n = this.count++;

    const body = { items: selection.items };
    for (const field of form.fields) setAt(body, field.path, field.example);
    const patch = {
      'employment.contractStart': this.dates.contractStart,
      'employment.contractEnd': this.dates.contractEnd,
      'history.previousWorkPermitNo': undefined,
      'applicant.entryDate': undefined,
      // First-time applicants: a social security number from elsewhere would wait for an officer.
      'holdings.socialSecurityNo': undefined,
      'holdings.residencePermitNo': undefined,
      // Unique applicants: a repeated passport would make a returning applicant with a record.
      'applicant.passportNo': `${this.runTag}${String(n).padStart(7, '0')}`,
      'applicant.nationality': random.pick(NATIONALITIES),
      'applicant.surname': random.pick(SURNAMES),
      'applicant.givenNames': random.pick(GIVEN_NAMES),
      'applicant.sex': random.pick(['F', 'M']),
      'applicant.birthDate': birthDate(random, 1972, 1998),
      'employer.uscc': BENCH_EMPLOYER_USCC,
      ...profile.patch(random),
    };
    for (const [path, value] of Object.entries(patch)) setAt(body, path, value);
    body.materials = form.materials
      .filter((m) => !(needsSupplement && m.code === SUPPLEMENT_MATERIAL))
      .map((m) => this.material(m.code, 'submitted'));

    const awaited = codes.filter((code) => !MANUAL_ITEMS.includes(code));
    return { selection: selection.name, category: profile.category, needsSupplement, awaited, body };
  }

  supplementMaterials(codes) {
    return codes.map((code) => this.material(code, 'supplemented'));
  }
}
