const base = require('../jest.preset').projectJestConfig(__dirname);

module.exports = {
  ...base,
  // kubernetes-models and @kubernetes-models/* ship ES modules only: resolved to their `import` entry
  // (test/esm-resolver.cjs) and compiled to CommonJS by SWC like our own sources.
  resolver: require.resolve('./test/esm-resolver.cjs'),
  transformIgnorePatterns: ['/node_modules/(?!(jose|kubernetes-models|@kubernetes-models|is-cidr|cidr-regex|ip-regex|ajv-formats-draft2019)/)'],
};
