module.exports = require('../../jest.preset').projectJestConfig(__dirname, { integration: true });
