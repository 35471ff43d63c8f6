// npm test [-- --unit | --integration] [--projects portal,messaging]
// Lint, typecheck and unit tests, then the integration suites against the real Kafka and PostgreSQL.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ensureInfrastructure, repoRoot } from './infra.mjs';

let options;
try {
  options = parseArgs({
    options: { unit: { type: 'boolean' }, integration: { type: 'boolean' }, projects: { type: 'string' } },
  }).values;
} catch (error) {
  console.error(`${error.message}\nusage: npm test [-- --unit | --integration] [--projects a,b]`);
  process.exit(2);
}
const runAll = !options.unit && !options.integration;

let infra;
try {
  infra = await ensureInfrastructure({ log: (message) => console.log(`[test] ${message}`) });
} catch (error) {
  console.error(`[test] ${error.message}`);
  process.exit(1);
}

const env = {
  ...process.env,
  KAFKA_BROKERS: infra.kafkaBrokers,
  DATABASE_URL: infra.databaseUrl,
  NX_DAEMON: 'false',
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
};
const nxOptions = [
  '--outputStyle=stream',
  ...(options.projects ? [`--projects=${options.projects}`] : []),
  ...(process.env.CI ? ['--skip-nx-cache'] : []),
];
const steps = [
  ...(runAll || options.unit ? [['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', ...nxOptions]] : []),
  // The integration suites share the broker: one project at a time.
  ...(runAll || options.integration ? [['nx', 'run-many', '-t', 'test-integration', '--parallel=1', ...nxOptions]] : []),
];

let child;
// Ctrl-C already reaches the child through the terminal; SIGTERM is passed on. Either way we wait
// for the child to end, then stop what this run started.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child?.kill('SIGTERM'));

function run(args) {
  console.log(`[test] npx ${args.join(' ')}`);
  return new Promise((resolve) => {
    child = spawn('npx', args, { cwd: repoRoot, env, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`[test] ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? 128 + os.constants.signals[signal]));
  });
}

let exitCode = 0;
for (const args of steps) {
  exitCode = await run(args);
  if (exitCode !== 0) {
    console.error(`[test] failed (exit ${exitCode}): npx ${args.join(' ')}`);
    break;
  }
}
await infra.stop();
if (exitCode === 0) console.log('[test] all steps passed');
process.exit(exitCode);
