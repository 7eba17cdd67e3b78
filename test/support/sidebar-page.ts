// Opens build/Sidebar.html in a 300 px Chromium page whose google.script.run is answered by `serve`
// (a test's scripted server, or the real bundle in the Apps Script emulator).
import fs from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';

export type ServeCall = (name: string, args: unknown[]) => unknown;

const ROOT = path.resolve(__dirname, '../..');
const BRIDGE = fs.readFileSync(path.join(ROOT, 'playground/page/google-script-bridge.js'), 'utf8');
const SIDEBAR_URL = 'https://sidebar.invalid/';

export interface SidebarPage extends Page {
  /** Requests the sidebar tried to make to anything but itself (all refused). */
  outsideRequests: string[];
}

export async function openSidebarPage(browser: Browser, serve: ServeCall): Promise<SidebarPage> {
  const html = fs.readFileSync(path.join(ROOT, 'build/Sidebar.html'), 'utf8');
  const page = (await browser.newPage({ viewport: { width: 300, height: 720 } })) as SidebarPage;
  page.outsideRequests = [];
  await page.exposeFunction('__gasCall', async (name: string, args: unknown[]) => {
    try {
      return { ok: true, value: await serve(name, args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
  await page.addInitScript(BRIDGE);
  // Any request other than the sidebar itself is refused: the sidebar must need nothing from outside.
  await page.route('**/*', (route) => {
    if (route.request().url() === SIDEBAR_URL) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    page.outsideRequests.push(route.request().url());
    return route.abort();
  });
  await page.goto(SIDEBAR_URL);
  return page;
}
