// The sidebar's time to interactive in Chromium: build/Sidebar.html opened by openSidebarPage, its
// google.script.run answered by the real bundle in the emulator (getSidebarState), until the first button
// "Cancel selected jobs…" is visible. Several openings; the first is cold (Chromium starting its renderer).
// openSidebarPage reads the live build/Sidebar.html, so this runs first, right after the build snapshot.
import { launchChromium, findChromium } from '../test/support/chromium';
import { openSidebarPage } from '../test/support/sidebar-page';
import { createAppsScriptEnvironment } from '../emulator/environment';
import { loadBundle } from '../emulator/bundle-loader';
import { DEMO_ADMIN_EMAIL } from '../simulator/demo-seed';

export interface SidebarTiming {
  openings: number;
  /** From asking for a new page to the button being visible (page creation, load, one server call, render). */
  medianFromNewPageMs: number;
  /** The page's own clock (ms since its navigation started) when the button was seen visible. */
  medianFromNavigationMs: number;
  coldFromNewPageMs: number;
}

const BUTTON = 'Cancel selected jobs…';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Undefined when Chromium is not installed (the report says so). */
export async function measureSidebar(buildDir: string, openings = 7): Promise<SidebarTiming | undefined> {
  if (!findChromium()) return undefined;
  const env = createAppsScriptEnvironment({ userEmail: DEMO_ADMIN_EMAIL, buildDir });
  const bundle = loadBundle(env);
  const browser = await launchChromium();
  try {
    const fromNewPage: number[] = [];
    const fromNavigation: number[] = [];
    for (let i = 0; i < openings; i++) {
      const started = performance.now();
      const page = await openSidebarPage(browser, (name, args) => bundle.callFromClient(name, ...args));
      await page.getByRole('button', { name: BUTTON }).waitFor({ state: 'visible' });
      fromNewPage.push(performance.now() - started);
      fromNavigation.push(await page.evaluate(() => performance.now()));
      await page.context().close();
    }
    return {
      openings,
      medianFromNewPageMs: median(fromNewPage.slice(1)),
      medianFromNavigationMs: median(fromNavigation.slice(1)),
      coldFromNewPageMs: fromNewPage[0],
    };
  } finally {
    await browser.close();
    env.close();
  }
}
