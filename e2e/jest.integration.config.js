// The whole platform as processes: every service built and started on a broker of its own.
module.exports = { ...require('../jest.preset').projectJestConfig(__dirname, { integration: true }), testTimeout: 180_000 };
