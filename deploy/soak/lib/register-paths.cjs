// Preload for the soak's services: the workspace aliases of tsconfig.base.json resolved to the soak's
// own build (SOAK_DIST_DIR, by default .local/soak/dist) rather than dist/, which `npm start` and the
// e2e suite rebuild at their own times. The same mapping as deploy/local/register-paths.cjs.
const fs = require('node:fs');
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '..', '..', '..');
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const paths = Object.fromEntries(Object.entries(compilerOptions.paths ?? {}).map(([alias, targets]) => [alias, targets.map((target) => target.replace(/\.ts$/, ''))]));
tsconfigPaths.register({ baseUrl: path.resolve(root, process.env.SOAK_DIST_DIR ?? '.local/soak/dist'), paths, addMatchAll: false });
