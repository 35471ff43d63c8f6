import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

// The heap the bench measured is the heap that ships: `npm start` and the image run the services alike.
describe("the services' V8 heap settings", () => {
  const local = /SERVICE_NODE_OPTIONS = '([^']+)'/.exec(read('deploy/local/service-node-options.mjs'))?.[1];

  it('cap the old space and keep the young space small', () => {
    expect(local).toMatch(/--max-old-space-size=\d+/);
    expect(local).toMatch(/--max-semi-space-size=\d+/);
  });

  it('are the image’s', () => {
    expect(/^\s+NODE_OPTIONS="([^"]+)"/m.exec(read('deploy/docker/Dockerfile'))?.[1]).toBe(local);
  });

  it('are not overridden by the Kubernetes settings or docker compose', () => {
    expect(read('deploy/k8s/base/kustomization.yaml')).not.toContain('NODE_OPTIONS');
    expect(read('docker-compose.yml')).not.toContain('NODE_OPTIONS');
  });

  it('are what `npm start` gives every service, before any NODE_OPTIONS of the caller', () => {
    expect(read('deploy/local/start.mjs')).toContain("NODE_OPTIONS: `${SERVICE_NODE_OPTIONS} ${process.env.NODE_OPTIONS ?? ''}`.trim()");
  });
});
