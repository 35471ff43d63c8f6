// Unit tests of the web front's plain TypeScript (form model, session, formatting); pages are
// exercised in a real browser by e2e/test/web.int-spec.ts.
module.exports = { ...require('../jest.preset').projectJestConfig(__dirname), testEnvironment: 'node' };
