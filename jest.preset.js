// Shared by every project's jest configs. SWC compiles TypeScript with decorator metadata,
// which NestJS, TypeORM and class-validator need; type checking is the `typecheck` target's job.
const path = require('node:path');

const workspaceRoot = __dirname;

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

function projectJestConfig(projectDir, { integration = false } = {}) {
  return {
    displayName: `${path.relative(workspaceRoot, projectDir)}${integration ? ' (integration)' : ''}`,
    rootDir: projectDir,
    testEnvironment: 'node',
    // Integration tests' kafkajs clients get the services' fix of kafkajs' idle wake-ups (libs/messaging).
    setupFiles: ['reflect-metadata', ...(integration ? [path.join(workspaceRoot, 'libs/messaging/test/kafka-request-checks.setup.ts')] : [])],
    transform: { '^.+\\.(t|j)s$': ['@swc/jest', swcOptions] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper: {
      '^@work-permit/([a-z-]+)$': path.join(workspaceRoot, 'libs/$1/src/index.ts'),
      '^@work-permit/([a-z-]+)/testing$': path.join(workspaceRoot, 'libs/$1/src/testing/index.ts'),
    },
    testMatch: integration ? ['<rootDir>/**/*.int-spec.ts'] : ['<rootDir>/**/*.spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    // jose ships ES modules only; SWC turns them into CommonJS for Jest (Node loads them as they are).
    transformIgnorePatterns: ['/node_modules/(?!jose/)'],
    testTimeout: integration ? 120_000 : 10_000,
    ...(integration ? { maxWorkers: 1 } : {}),
  };
}

module.exports = { projectJestConfig, swcOptions, workspaceRoot };
