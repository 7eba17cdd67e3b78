// Jest transformer: TypeScript to CommonJS through esbuild (the build's own compiler). Types are checked
// separately by `npm run typecheck`, as esbuild never type-checks.
const esbuild = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = esbuild.transformSync(source, {
      loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: filename,
      define: { __APP_VERSION__: JSON.stringify(require('../package.json').version) },
    });
    return { code, map };
  },
};
