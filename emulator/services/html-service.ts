import fs from 'node:fs';
import path from 'node:path';
import type { CallCounter } from '../call-counter';
import { counted } from './counted';
import type { ScriptRealm } from './script-realm';

/** HtmlService.SandboxMode: only IFRAME remains; setSandboxMode has no effect (guides/html/restrictions). */
export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });

export interface HtmlOutputState {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  sandboxMode: string;
  xFrameOptionsMode: string;
  metaTags: { name: string; content: string }[];
  faviconUrl: string | null;
}

/** The state behind each HtmlOutput handed to the script, for the playground (not counted). */
const outputs = new WeakMap<object, HtmlOutputState>();

export function htmlOutputStateOf(value: unknown): HtmlOutputState | undefined {
  return value !== null && typeof value === 'object' ? outputs.get(value) : undefined;
}

/** HtmlOutput (https://developers.google.com/apps-script/reference/html/html-output). */
function createHtmlOutput(counter: CallCounter, content: string) {
  const state: HtmlOutputState = {
    content,
    title: '',
    width: null,
    height: null,
    sandboxMode: SandboxMode.IFRAME,
    xFrameOptionsMode: XFrameOptionsMode.DEFAULT,
    metaTags: [],
    faviconUrl: null,
  };
  const output = counted(counter, 'HtmlOutput', {
    getContent: (): string => state.content,
    setContent(html: string) {
      state.content = String(html);
      return this;
    },
    append(addedContent: string) {
      state.content += String(addedContent);
      return this;
    },
    clear() {
      state.content = '';
      return this;
    },
    getTitle: (): string => state.title,
    setTitle(title: string) {
      state.title = String(title);
      return this;
    },
    getWidth: (): number | null => state.width,
    setWidth(width: number) {
      state.width = Number(width);
      return this;
    },
    getHeight: (): number | null => state.height,
    setHeight(height: number) {
      state.height = Number(height);
      return this;
    },
    setSandboxMode(_mode: string) {
      return this;
    },
    setXFrameOptionsMode(mode: string) {
      state.xFrameOptionsMode = String(mode);
      return this;
    },
    addMetaTag(name: string, content: string) {
      state.metaTags.push({ name: String(name), content: String(content) });
      return this;
    },
    setFaviconUrl(iconUrl: string) {
      state.faviconUrl = String(iconUrl);
      return this;
    },
    getFaviconUrl: (): string | null => state.faviconUrl,
  });
  outputs.set(output, state);
  return output;
}

export type HtmlOutput = ReturnType<typeof createHtmlOutput>;

/**
 * HtmlService (https://developers.google.com/apps-script/reference/html/html-service). Project HTML files are the
 * `<name>.html` files of the build directory, the folder clasp pushes.
 */
export function createHtmlService(counter: CallCounter, realm: ScriptRealm, buildDir: string) {
  return counted(counter, 'HtmlService', {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput: (html?: string): HtmlOutput => createHtmlOutput(counter, html === undefined ? '' : String(html)),
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      // The editor names files without ".html"; a name given with the extension is read as the same file.
      const name = String(filename).replace(/\.html$/, '');
      const file = path.join(buildDir, `${name}.html`);
      if (name.includes('/') || name.includes('\\') || !fs.existsSync(file)) {
        throw realm.exception(`No HTML file named ${String(filename)} was found.`);
      }
      return createHtmlOutput(counter, fs.readFileSync(file, 'utf8'));
    },
  });
}
