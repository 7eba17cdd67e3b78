// Bundle, playground and browser tests run build/: build it once when it is missing or older than its sources.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

module.exports = async function globalSetup() {
  const outputs = ['Code.js', 'Sidebar.html', 'appsscript.json'].map((f) => path.join(root, 'build', f));
  const inputs = ['src', 'appsscript.json', 'package.json', 'webpack.config.js', 'build-tools'].map((f) => path.join(root, f));
  const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0;
  if (built < Math.max(...inputs.map(newestMtime))) {
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
};
