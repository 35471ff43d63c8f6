import nx from '@nx/eslint-plugin';

// Project tags (project.json) drive the module boundaries: a service may depend only on shared
// libraries, never on another service; libraries never depend on services.
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  // Plain JavaScript is not linted, except the scripts of deploy/ (npm start, npm test, the bench, the broker).
  { ignores: ['**/dist', '**/node_modules', '**/.local', 'libs/contracts/src/gen/**', '**/*.js', '**/*.mjs', '!deploy/**/*.mjs', '**/*.cjs'] },
  ...nx.configs['flat/javascript'],
  {
    // Type-aware, like the TypeScript: deploy/tsconfig.mjs.json type-checks the same files (checkJs).
    files: ['deploy/**/*.mjs'],
    languageOptions: {
      parserOptions: { project: ['./deploy/tsconfig.mjs.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            // The message catalogue (type:domain) gives the platform's operations routes their Chinese and English.
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:messaging', 'type:domain'] },
            { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:messaging', 'type:platform', 'type:domain'] },
            // Operations tools (deploy/dlq) drive the bus through the messaging library.
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:testing', 'type:messaging'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:messaging', 'type:platform'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests may also use the testing library; production code may not.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', 'libs/*/src/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
];
