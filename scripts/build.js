// `npm run build`: build/ from scratch (Code.js, Sidebar.html, appsscript.json) through webpack's Node API with
// webpack.config.js. webpack-cli is not used: its version 7 pulls rechoir 1, which requires Node >= 22.15 and made
// every `npm ci` on Node 20 print an EBADENGINE warning; the config needs nothing the CLI adds.
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const config = require('../webpack.config.js');

// Nothing left from an earlier build or from `clasp create-script`/`clasp pull`, which write into build/ too.
fs.rmSync(path.resolve(__dirname, '../build'), { recursive: true, force: true });

webpack(config, (error, stats) => {
  if (error) {
    console.error(`Build failed: ${error.stack || error.message}`);
    process.exitCode = 1;
    return;
  }
  // Quiet when all is well (as `webpack --no-stats` was); errors and warnings in full otherwise.
  if (stats.hasErrors() || stats.hasWarnings()) console.error(stats.toString('errors-warnings'));
  if (stats.hasErrors()) process.exitCode = 1;
});
