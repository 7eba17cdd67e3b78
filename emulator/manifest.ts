import fs from 'node:fs';
import path from 'node:path';

/** The fields of appsscript.json the emulator reads (https://developers.google.com/apps-script/manifest). */
export interface Manifest {
  timeZone?: string;
  urlFetchWhitelist?: string[];
  oauthScopes?: string[];
}

/** `<buildDir>/appsscript.json` (what clasp pushes), or an empty manifest when the build has none. */
export function readManifest(buildDir: string): Manifest {
  const file = path.join(buildDir, 'appsscript.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest) : {};
}
