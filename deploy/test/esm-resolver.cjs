// kubernetes-models and the @kubernetes-models/* packages ship ES modules only (their exports name
// just `import`); Jest runs CommonJS. This resolver takes their `import` entry — and that of what they
// import — and the jest config has SWC turn those files into CommonJS like our own sources.
const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/|is-cidr|cidr-regex|ip-regex|ajv-formats-draft2019)/;
const FROM_ESM_ONLY = /[\\/]node_modules[\\/](kubernetes-models|@kubernetes-models[\\/][^\\/]+|is-cidr|cidr-regex|ip-regex|ajv-formats-draft2019)[\\/]/;

module.exports = (request, options) => {
  const esm = ESM_ONLY.test(request) || (FROM_ESM_ONLY.test(options.basedir) && !request.startsWith('.'));
  return options.defaultResolver(request, esm ? { ...options, conditions: ['import', 'node', 'default'] } : options);
};

module.exports.ESM_ONLY_PACKAGES = ['kubernetes-models', '@kubernetes-models', 'is-cidr', 'cidr-regex', 'ip-regex', 'ajv-formats-draft2019'];
