// Server bundle for Apps Script: build/Code.js with a top-level function per export of src/server/index.ts,
// plus build/Sidebar.html and build/appsscript.json (see build-tools/inline-sidebar.js).
const path = require('node:path');
const GasPlugin = require('gas-webpack-plugin');
const { AddonAssetsPlugin } = require('./build-tools/inline-sidebar');
const { version } = require('./package.json');

module.exports = {
  name: 'server',
  mode: 'production',
  // No eval-based source maps: Apps Script runs the file as it is.
  devtool: false,
  context: __dirname,
  entry: { Code: './src/server/index.ts' },
  output: {
    path: path.resolve(__dirname, 'build'),
    filename: '[name].js',
    // Without a library target, production mode tree-shakes the entry's exports and the bundle fails at load
    // with "__webpack_exports__ is not defined" (without this line, loading build/Code.js throws exactly that).
    library: { type: 'this' },
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: 'esbuild-loader',
        // esbuild-loader defaults to es2015; Apps Script's V8 runs es2020 as it is.
        options: {
          target: 'es2020',
          tsconfig: path.resolve(__dirname, 'tsconfig.json'),
          define: { __APP_VERSION__: JSON.stringify(version) },
        },
      },
    ],
  },
  // Readable stack traces in the Apps Script editor and in Cloud Logging.
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [
    new GasPlugin({ autoGlobalExportsFiles: ['./src/server/index.ts'] }),
    new AddonAssetsPlugin({
      clientDir: path.resolve(__dirname, 'src/client'),
      manifest: path.resolve(__dirname, 'appsscript.json'),
      version,
    }),
  ],
};
