import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/**
 * Jest's global setup for the e2e suites: the services and the web front built once from this checkout,
 * as `npm start` builds them, before the first suite starts its platform (each suite runs what dist/
 * holds). E2E_SKIP_BUILD=1 reuses dist/ as it is (when iterating on the tests alone).
 */
export default function buildPlatform(): void {
  if (process.env.E2E_SKIP_BUILD) return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'web/vite.config.mts'], { cwd: ROOT, stdio: 'inherit' });
}
