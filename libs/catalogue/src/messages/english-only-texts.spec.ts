import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Chinese first: every reason, finding and refusal a person reads comes from the message catalogue.
 * This reads the services' and libraries' sources for the ways a text used to be written by hand in
 * English only: a refusal or exception built from a literal, an error body with a literal message, a
 * finding or reason given as a literal. Log lines, dead-letter reasons for the engineer on call, plain
 * `Error`s and class-validator's decorator messages (given Chinese by the validation pipe) are not read
 * by applicants or officers and stay out of it.
 */
const workspaceRoot = join(__dirname, '../../../..');

const LATIN_WORDS = /[A-Za-z]{3,}(\s+[A-Za-z]{2,})+/;
const CJK = /[\u3400-\u9fff]/;

/** A string or template literal right after the matched opening. */
const LITERAL = String.raw`(['\x60])((?:\\.|(?!\1).)*)\1`;

const PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'refusal or exception with a literal text', pattern: new RegExp(String.raw`new\s+\w*(?:Exception|Refused|Error)\(\s*(?:'[\w.]+'|[\w.]+)\s*,\s*` + LITERAL) },
  { name: 'error body with a literal message', pattern: new RegExp(String.raw`\bapiError\(\s*'[\w.]+'\s*,\s*` + LITERAL) },
  { name: 'finding or reason as a literal', pattern: new RegExp(String.raw`\b(?:message|reason|title|body)\s*:\s*` + LITERAL) },
];

/**
 * Lines that are not texts a person reads: logs, plain errors, dead letters for the engineer on call,
 * decorators, comments, and the configuration and programming errors of the catalogue, the guides and
 * the calendar (a service refuses to start on them, or they are a caller's bug). An auth failure is
 * given its Chinese by its code where it becomes an HTTP answer (libs/auth, auth-http-error.ts); a
 * guide asked for an unknown item is answered by the portal in its own words (portal.guide.*).
 */
const NOT_FOR_PEOPLE = new RegExp(
  [
    String.raw`\blogger\.`,
    String.raw`\bconsole\.`,
    String.raw`new Error\(`,
    'PermanentMessageError',
    'TransientMessageError',
    String.raw`^\s*@`,
    String.raw`^\s*\/\/`,
    String.raw`^\s*\*`,
    String.raw`\{ message: `,
    String.raw`new AuthException\(`,
    String.raw`ErrorCode\.(InvalidCatalogue|UnknownVersion|PrerequisiteCycle|InvalidArgument|RenderFailed|UnsupportedLanguage|InconsistentCatalogue)\b`,
    String.raw`WorkdayCalendarErrorCode\.`,
    String.raw`GuideErrorCode\.`,
  ].join('|'),
);

export interface EnglishOnlyText {
  file: string;
  line: number;
  kind: string;
  text: string;
}

export function englishOnlyTexts(file: string, source: string): EnglishOnlyText[] {
  const found: EnglishOnlyText[] = [];
  source.split('\n').forEach((line, index) => {
    if (NOT_FOR_PEOPLE.test(line)) return;
    for (const { name, pattern } of PATTERNS) {
      const match = pattern.exec(line);
      const text = match?.[2];
      if (text && LATIN_WORDS.test(text.replace(/\$\{[^}]*\}/g, '')) && !CJK.test(text)) found.push({ file, line: index + 1, kind: name, text });
    }
  });
  return found;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['testing', 'migrations', 'gen', 'node_modules'].includes(entry.name) ? [] : sourcesUnder(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe(englishOnlyTexts.name, () => {
  it.each([
    ["throw new CaseException(CaseErrorCode.NotFound, 'case not found');", 'refusal or exception with a literal text'],
    ["throw new DecisionRefused('not_ready', `${code} waits for the joint review`);", 'refusal or exception with a literal text'],
    ["throw new HttpException(apiError('forbidden', 'only officers of psb see its items'), 403);", 'error body with a literal message'],
    ["return { rule, passed: false, message: `Registration is due by ${deadline}` };", 'finding or reason as a literal'],
  ])('finds %s', (line, kind) => {
    expect(englishOnlyTexts('x.ts', line)).toEqual([expect.objectContaining({ kind, line: 1 })]);
  });

  it.each([
    "throw new CaseException(CaseErrorCode.NotFound, message('refusal.case_not_found', { caseId }));",
    "this.logger.warn(`joint review opened with ${agencies.join(', ')}`);",
    "throw new PermanentMessageError('permit_not_granted', `case ${id} has no granted permit here`);",
    "@IsNotEmpty({ message: 'reason is required to reject' })",
    "message: both('许可已到期', 'the permit expired'),",
    "reason: '',",
  ])('leaves alone %s', (line) => {
    expect(englishOnlyTexts('x.ts', line)).toEqual([]);
  });

  it('finds none in the services and libraries', () => {
    const roots = [...readdirSync(join(workspaceRoot, 'services')).map((name) => join('services', name, 'src')), ...readdirSync(join(workspaceRoot, 'libs')).map((name) => join('libs', name, 'src'))];
    const found = roots.flatMap((root) => sourcesUnder(join(workspaceRoot, root)).flatMap((path) => englishOnlyTexts(relative(workspaceRoot, path), readFileSync(path, 'utf8'))));
    expect(found.map(({ file, line, text }) => `${file}:${line} ${text}`)).toEqual([]);
  });
});
