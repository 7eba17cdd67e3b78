// What the playground serves besides JSON: the page (bundled from playground/page with esbuild), and the
// add-on's real build/Sidebar.html with a google.script.run bridge to this server put in front of its code.
import fs from 'node:fs';
import path from 'node:path';
import esbuild from 'esbuild';
import type { PlaygroundInfo } from './playground-info';

const PAGE_DIR = path.resolve(__dirname, '../page');
const BRIDGE = fs.readFileSync(path.resolve(__dirname, '../page/google-script-bridge.js'), 'utf8');
const HINTS = fs.readFileSync(path.resolve(__dirname, '../page/sidebar-hints.js'), 'utf8');

/**
 * Runs in the sidebar's frame: google.script.run calls become POST /api/script-run, each after the page's
 * pending changes (a cell just clicked) reached the server; the page is told after each.
 */
const HOST_SCRIPT = `
window.__gasCall = function (name, args) {
  var changesSent = new Promise(function (resolve) {
    // A parent of another origin (or none of ours) throws or has no hook: then nothing to wait for.
    var hook = window.parent !== window && window.parent.__playgroundChangesSent;
    resolve(hook ? hook() : undefined);
  });
  return changesSent
    .catch(function () { return undefined; })
    .then(function () { return fetch('/api/script-run', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: name, args: args }) }); })
    .then(function (r) { return r.json(); })
    .finally(function () { window.parent.postMessage({ type: 'aodocs-playground:server-call-finished' }, '*'); });
};
window.__gasHostClose = function () { window.parent.postMessage({ type: 'aodocs-playground:sidebar-closed' }, '*'); };
`;

/** JSON that can stand inside a <script> element: no "</script>", no "<!--". */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The add-on's Sidebar.html with, in front of its code, the bridge to this server and (with `info`) the
 * playground's hints: the demo library IDs in the Library ID field.
 */
export function sidebarHtml(buildDir: string, info?: PlaygroundInfo): string {
  const html = fs.readFileSync(path.join(buildDir, 'Sidebar.html'), 'utf8');
  const hints = info ? `\nwindow.__playgroundInfo = ${scriptJson(info)};\n${HINTS}` : '';
  const inject = `<script>${HOST_SCRIPT}\n${BRIDGE}${hints}</script>`;
  // The bridge must exist before the sidebar's own script runs: it goes first in <head>.
  return html.replace(/<head>/i, () => `<head>${inject}`);
}

export interface PageAssets {
  html: string;
  js: string;
  css: string;
}

export async function buildPageAssets(): Promise<PageAssets> {
  const result = await esbuild.build({
    entryPoints: [path.join(PAGE_DIR, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    tsconfig: path.join(PAGE_DIR, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return {
    html: fs.readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8'),
    js: result.outputFiles[0].text,
    css: fs.readFileSync(path.join(PAGE_DIR, 'page.css'), 'utf8'),
  };
}
