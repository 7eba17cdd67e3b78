// The manifest, bundled in at build time: Apps Script does not let a script read its own urlFetchWhitelist.
import manifest from '../../appsscript.json';

export const ALLOWED_URL_PREFIXES: string[] = manifest.urlFetchWhitelist;
