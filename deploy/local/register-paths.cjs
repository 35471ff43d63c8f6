// Preload (`node -r ./deploy/local/register-paths.cjs dist/services/<name>/src/main.js`): resolves the
// workspace aliases of tsconfig.base.json (`@work-permit/messaging` → libs/messaging/src/index.ts)
// to the compiled tree (dist/libs/messaging/src/index.js), since tsc leaves the aliases unchanged.
const fs = require('node:fs');
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '..', '..');
const tsconfigFile = path.join(root, 'tsconfig.base.json');

let compilerOptions;
try {
  ({ compilerOptions } = JSON.parse(fs.readFileSync(tsconfigFile, 'utf8')));
} catch (error) {
  throw new Error(`register-paths: cannot read ${tsconfigFile} (an image must carry it next to dist/): ${error.message}`);
}

const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths ?? {}).map(([alias, targets]) => [alias, targets.map((target) => target.replace(/\.ts$/, ''))]),
);

// addMatchAll would also try every bare import (`pg`, `kafkajs`) under dist/ first.
tsconfigPaths.register({ baseUrl: path.join(root, 'dist'), paths, addMatchAll: false });
