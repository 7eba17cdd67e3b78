// Builds build/ when it is missing or older than its sources (used by the tests' global setup and `npm start`).
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const OUTPUTS = ['Code.js', 'Sidebar.html', 'appsscript.json'].map((f) => path.join(root, 'build', f));
const INPUTS = ['src', 'appsscript.json', 'package.json', 'webpack.config.js', 'build-tools'].map((f) =>
  path.join(root, f),
);

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

function isBuildStale() {
  if (!OUTPUTS.every((f) => fs.existsSync(f))) return true;
  // `clasp create-script --rootDir build` and `clasp pull` write the Apps Script project's own Code.js and
  // appsscript.json into build/, newer than the sources: a manifest that is not a copy of ours means that build/
  // is not our build.
  const manifest = (dir) => fs.readFileSync(path.join(dir, 'appsscript.json'));
  if (!manifest(path.join(root, 'build')).equals(manifest(root))) return true;
  return Math.min(...OUTPUTS.map((f) => fs.statSync(f).mtimeMs)) < Math.max(...INPUTS.map(newestMtime));
}

function buildIfStale() {
  if (isBuildStale()) execSync('npm run build', { cwd: root, stdio: 'inherit' });
}

module.exports = { buildIfStale, isBuildStale };
