// `npm run use-script -- <script ID or editor URL> [--prod] [--force]`: writes .clasp.json (or, with --prod,
// .clasp.prod.json) so that `npm run deploy` (or deploy:prod) pushes build/ to that Apps Script project.
// The ID is in the Apps Script editor: Project Settings > IDs > Script ID.
const fs = require('node:fs');
const path = require('node:path');
const { PROJECT_FILES, ProjectFileError, checkProjectFile, scriptIdFrom } = require('./clasp-project');

const USAGE = 'Usage: npm run use-script -- <script ID or Apps Script editor URL> [--prod] [--force]';
const root = path.resolve(__dirname, '..');

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const positional = args.filter((a) => !a.startsWith('--'));
const unknown = [...flags].filter((f) => f !== '--prod' && f !== '--force');
if (positional.length !== 1 || unknown.length > 0) fail(USAGE, 2);

const scriptId = scriptIdFrom(positional[0]);
if (!scriptId) {
  fail(
    `"${positional[0]}" is not an Apps Script script ID: copy it from the Apps Script editor, ` +
      'Project Settings > IDs > Script ID (a long string of letters, digits, "-" and "_").',
  );
}

const file = flags.has('--prod') ? PROJECT_FILES.prod : PROJECT_FILES.test;
const target = path.join(root, file);
let existing = {};
try {
  existing = JSON.parse(fs.readFileSync(target, 'utf8'));
} catch {
  // Missing or unreadable: written anew.
}
const previous = scriptIdFrom(existing?.scriptId ?? '');
if (previous && previous !== scriptId && !flags.has('--force')) {
  fail(`${file} already points at script ${previous}; add --force to replace it with ${scriptId}.`);
}

// The same script: its other settings (parentId, projectId... written by clasp) stay. Another script: a new file.
const config = previous === scriptId ? { ...existing, scriptId, rootDir: 'build' } : { scriptId, rootDir: 'build' };
delete config.srcDir;
fs.writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`);
try {
  checkProjectFile(root, file);
} catch (error) {
  if (!(error instanceof ProjectFileError)) throw error;
  fail(error.message);
}
const deploy = flags.has('--prod') ? 'npm run deploy:prod' : 'npm run deploy';
console.log(`${file} now pushes build/ to script ${scriptId}; next: \`${deploy}\`.`);
