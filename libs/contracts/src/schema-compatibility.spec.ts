import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '../../..');
const buf = join(root, 'node_modules/.bin/buf');
const baseline = join(root, 'proto/compat/baseline.binpb');

async function breakingAgainstBaseline(protoDir: string): Promise<{ ok: boolean; output: string }> {
  try {
    await run(buf, ['breaking', protoDir, '--against', baseline], { cwd: root });
    return { ok: true, output: '' };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('event schema compatibility', () => {
  let scratch: string;

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'proto-'));
  });

  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('proto/ is compatible with the released baseline', async () => {
    const result = await breakingAgainstBaseline(join(root, 'proto'));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('fails when a field of an existing event changes its type', async () => {
    cpSync(join(root, 'proto'), scratch, { recursive: true });
    const caseProto = join(scratch, 'weihai/events/v1/case.proto');
    writeFileSync(caseProto, readFileSync(caseProto, 'utf8').replace('uint64 annual_salary_cny = 2;', 'string annual_salary_cny = 2;'));
    const result = await breakingAgainstBaseline(scratch);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/annual_salary_cny/);
  });

  it('accepts a new optional field', async () => {
    cpSync(join(root, 'proto'), scratch, { recursive: true });
    const caseProto = join(scratch, 'weihai/events/v1/case.proto');
    writeFileSync(caseProto, readFileSync(caseProto, 'utf8').replace('  optional string entry_date = 13;', '  optional string entry_date = 13;\n  optional string middle_name = 14;'));
    expect(await breakingAgainstBaseline(scratch)).toEqual({ ok: true, output: '' });
  });

  it('the generated TypeScript is up to date with proto/', async () => {
    const template = JSON.stringify({
      version: 'v2',
      plugins: [{ local: join(root, 'node_modules/.bin/protoc-gen-es'), out: scratch, opt: ['target=ts', 'import_extension=none'] }],
    });
    await run(buf, ['generate', join(root, 'proto'), '--template', template], { cwd: root });
    const committed = join(root, 'libs/contracts/src/gen');
    const generated = files(scratch).map((f) => relative(scratch, f)).sort();
    expect(files(committed).map((f) => relative(committed, f)).sort()).toEqual(generated);
    for (const file of generated) expect(readFileSync(join(committed, file), 'utf8')).toBe(readFileSync(join(scratch, file), 'utf8'));
  });
});
