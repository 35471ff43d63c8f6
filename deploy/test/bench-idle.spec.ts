// The bench's idle phase: what the platform costs with nothing submitted, worked out from one phase's
// counter difference (deploy/bench/lib/figures.mjs) and printed in the report (report/markdown.mjs).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const figures = join(__dirname, '../bench/lib/figures.mjs');
const markdown = join(__dirname, '../bench/lib/report/markdown.mjs');

/** Twenty idle seconds: two services, the broker, PostgreSQL, the bench, on a two-core machine. */
const DIFFERENCE = {
  seconds: 20,
  services: {
    portal: { consumed: 0, handled: 0, handlingSeconds: 0, produced: 0, deadLettered: 0, cpuSeconds: 0.34, consumedByOutcome: {} },
    'data-sharing': { consumed: 0, handled: 0, handlingSeconds: 0, produced: 0, deadLettered: 0, cpuSeconds: 0.3, consumedByOutcome: {} },
  },
  databases: {},
  cpu: { kafka: 0.8, postgres: 0.1, bench: 0.16, machineBusy: 2, machineTotal: 40 },
};

/** The idle figures and their report section, from the bench's own modules in a child Node (they are ES modules). */
async function idleReport(): Promise<{ figures: Record<string, unknown>; section: string[] }> {
  const script = `import { idleFigures } from ${JSON.stringify(figures)}; import { idleSection } from ${JSON.stringify(markdown)};
    const figures = idleFigures(${JSON.stringify(DIFFERENCE)}); console.log(JSON.stringify({ figures, section: idleSection(figures) }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout);
}

describe("the bench's idle phase", () => {
  it('gives each process its milliseconds of CPU a second, and the machine its busy share', async () => {
    const { figures: idle } = await idleReport();

    expect(idle).toEqual({
      seconds: 20,
      cpuMsPerSecond: { services: 32, kafka: 40, postgres: 5, bench: 8, machine: 100 },
      services: { portal: 17, 'data-sharing': 15 },
      machineBusyPercent: 5,
    });
  });

  it('reports them under "Idle", service by service', async () => {
    const { section } = await idleReport();
    const text = section.join('\n');

    expect(section[0]).toBe('## Idle');
    expect(text).toContain('Nothing submitted for 20 s');
    expect(text).toContain('**32 ms of CPU a second** in all (portal 17, data-sharing 15)');
    expect(text).toContain('the Kafka broker 40, PostgreSQL 5, the bench 8');
    expect(text).toContain('the machine was 5 % busy');
  });
});
