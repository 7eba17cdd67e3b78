// The manifest, bundled in at build time: Apps Script does not let a script read its own urlFetchWhitelist.
import manifest from '../../appsscript.json';

export const ALLOWED_URL_PREFIXES: string[] = manifest.urlFetchWhitelist;

/** The scopes the add-on asks for: every one is needed by the actions that call AODocs. */
export const MANIFEST_SCOPES: string[] = manifest.oauthScopes;
