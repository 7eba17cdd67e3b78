// The clasp project files: .clasp.json (your test script) and .clasp.prod.json (the production script). Both are
// git-ignored; the repository tracks .clasp.json.example and .clasp.prod.json.example, whose script ID is a
// placeholder. `npm run use-script` writes them, `npm run deploy` checks them before anything runs.
// What is checked follows how clasp 3.4.1 reads the file (node_modules/@google/clasp/build/src/core/clasp.js,
// initClaspInstance and readFileExtensions): the pushed folder is `srcDir || rootDir || '.'`, relative to the
// file's folder, and only files whose extension is in scriptExtensions/htmlExtensions/jsonExtensions are pushed.
const fs = require('node:fs');
const path = require('node:path');

const PROJECT_FILES = { test: '.clasp.json', prod: '.clasp.prod.json' };

// Apps Script script IDs are long base64url strings (Project Settings > IDs). Anything else, such as the example
// files' "<your Apps Script script ID>", is not one.
const SCRIPT_ID = /^[A-Za-z0-9_-]{25,120}$/;

// The files `npm run build` writes into build/ and the extensions clasp must accept for each.
const PUSHED_EXTENSIONS = { scriptExtensions: '.js', htmlExtensions: '.html', jsonExtensions: '.json' };

const CREATE_HELP =
  'create a script with `npx clasp create-script --type sheets --title "AODocs Jobs" --rootDir build`, or use an ' +
  'existing one with `npm run use-script -- <script ID>` (README, "Use it in your own Sheet")';

class ProjectFileError extends Error {}

/** The script ID in `input`: a bare ID, or the address of its Apps Script editor or settings page. */
function scriptIdFrom(input) {
  const text = String(input).trim();
  const fromUrl = /^https:\/\/script\.google\.com\/.*?\/(?:d|projects)\/([^/?#]+)/.exec(text);
  const id = fromUrl ? fromUrl[1] : text;
  return SCRIPT_ID.test(id) ? id : undefined;
}

/** clasp's list of extensions for one kind of file, normalised as clasp does (lower case, leading dot). */
function extensions(value, fallback) {
  if (value === undefined) return [fallback];
  return [value]
    .flat()
    .map((ext) => String(ext).toLowerCase().trim())
    .map((ext) => (ext.startsWith('.') ? ext : `.${ext}`));
}

/**
 * Reads and checks a project file. Returns its script ID; throws a ProjectFileError with a sentence for a person
 * when the file is missing, is not JSON, still holds the placeholder, or would push something other than build/.
 */
function checkProjectFile(root, file) {
  const where = path.join(root, file);
  if (!fs.existsSync(where)) {
    throw new ProjectFileError(`${file} is missing, so there is no Apps Script project to push to: ${CREATE_HELP}.`);
  }
  let config;
  try {
    config = JSON.parse(fs.readFileSync(where, 'utf8'));
  } catch (error) {
    throw new ProjectFileError(`${file} is not valid JSON (${error.message}): ${CREATE_HELP}.`);
  }
  if (typeof config !== 'object' || config === null || !SCRIPT_ID.test(config.scriptId ?? '')) {
    const shown = JSON.stringify(config?.scriptId ?? null);
    throw new ProjectFileError(`${file} holds no script ID (scriptId is ${shown}, a placeholder): ${CREATE_HELP}.`);
  }
  const pushed = config.srcDir || config.rootDir || '.';
  if (path.resolve(root, pushed) !== path.join(root, 'build')) {
    throw new ProjectFileError(
      `${file} would push "${pushed}", not build/: set "rootDir": "build" (and no "srcDir"), or run ` +
        '`npm run use-script -- <script ID>` to rewrite it.',
    );
  }
  for (const [key, needed] of Object.entries(PUSHED_EXTENSIONS)) {
    if (!extensions(config[key], needed).includes(needed)) {
      throw new ProjectFileError(`${file} has ${key} without "${needed}": clasp would leave build/*${needed} out.`);
    }
  }
  return config.scriptId;
}

module.exports = { PROJECT_FILES, ProjectFileError, checkProjectFile, scriptIdFrom };
