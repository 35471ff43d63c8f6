import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** What deploy/local/service-node-options.mjs gives `service`, run as the image's command runs it. */
const optionsOf = (service: string) => execFileSync(process.execPath, [join(root, 'deploy/local/service-node-options.mjs'), service], { encoding: 'utf8' }).trim();
const SERVICES = (JSON.parse(read('deploy/local/services.json')) as { name: string }[]).map((service) => service.name);

// The heap the bench measured is the heap that ships: `npm start` and the image run the services alike.
describe("the services' V8 heap settings", () => {
  it('cap the old space and keep the young space small for every service', () => {
    for (const service of SERVICES) {
      expect(optionsOf(service)).toMatch(/^--max-old-space-size=\d+ --max-semi-space-size=8$/);
    }
  });

  it('give every service the same 128 MB old space, data-sharing included now that its statistics are summed in the database', () => {
    for (const service of SERVICES) expect(optionsOf(service)).toBe('--max-old-space-size=128 --max-semi-space-size=8');
  });

  it('are what the image runs its service with, before any NODE_OPTIONS given', () => {
    const dockerfile = read('deploy/docker/Dockerfile');
    expect(dockerfile).toContain('export NODE_OPTIONS=\\"$(node deploy/local/service-node-options.mjs \\"${SERVICE}\\") ${NODE_OPTIONS:-}\\"');
    expect(dockerfile).toMatch(/COPY [^\n]*deploy\/local\/service-node-options\.mjs/);
    expect(dockerfile).not.toMatch(/ENV[^\n]*\n?[^\n]*NODE_OPTIONS=/);
  });

  it('are not overridden by the Kubernetes settings or docker compose', () => {
    expect(read('deploy/k8s/base/kustomization.yaml')).not.toContain('NODE_OPTIONS');
    expect(read('docker-compose.yml')).not.toContain('NODE_OPTIONS');
  });

  it('are what `npm start` gives every service, before any NODE_OPTIONS of the caller', () => {
    expect(read('deploy/local/start.mjs')).toContain("NODE_OPTIONS: `${serviceNodeOptions(service.name)} ${process.env.NODE_OPTIONS ?? ''}`.trim()");
  });
});
