// The whole platform as processes: every service built (once, before the first suite) and started on a broker of its own.
module.exports = {
  ...require('../jest.preset').projectJestConfig(__dirname, { integration: true }),
  globalSetup: '<rootDir>/test/support/build-platform.ts',
  testTimeout: 180_000,
};
