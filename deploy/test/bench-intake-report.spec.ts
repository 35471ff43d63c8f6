// The bench's report of the portal's intake alone (deploy/bench/lib/report/markdown.mjs): what became
// of the backlog the phase left, the cases the tracker gave up on included.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const markdown = join(__dirname, '../bench/lib/report/markdown.mjs');

const INTAKE = {
  concurrency: 16,
  durationS: 12,
  heldBack: 5,
  requestsPerSecond: 133.7,
  requestMs: { p50: 110, p99: 252 },
  failed: 0,
  accepted: 1618,
  backlogDrain: { completed: 0, seconds: 60, perSecond: 0 },
  decided: 0,
  timedOut: 1618,
  undecidedAfterDrain: 0,
};

/** The section, from the bench's own module in a child Node (it is an ES module). */
async function intakeSection(intake: Record<string, unknown>): Promise<string> {
  const script = `import { intakeSection } from ${JSON.stringify(markdown)}; console.log(intakeSection(${JSON.stringify(intake)}).join('\\n'));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return stdout;
}

describe("the bench's intake report", () => {
  it('says how many accepted cases the bench gave up on, rather than none decided and none undecided', async () => {
    const section = await intakeSection(INTAKE);
    expect(section).toContain('**133.7 requests/s**');
    expect(section).toContain('(0 fully decided, 1618 given up at the per-case timeout, 0 still undecided when the bench stopped waiting)');
  });

  it('names no give-up when every case was decided', async () => {
    const section = await intakeSection({ ...INTAKE, decided: 1618, timedOut: 0, backlogDrain: { completed: 1618, seconds: 80, perSecond: 20.2 } });
    expect(section).toContain('drained at 20.2 cases/s (1618 fully decided, 0 still undecided when the bench stopped waiting)');
  });
});
