// Finds and launches Debian's Chromium for Playwright (playwright-core downloads no browser of its own).
import fs from 'node:fs';
import { Browser, chromium } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(): string | undefined {
  return CANDIDATES.find((p): p is string => !!p && fs.existsSync(p));
}

export const INSTALL_HINT = 'install it with `apt-get install -y chromium` (or set CHROMIUM_PATH)';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium not found: ${INSTALL_HINT}`);
  return chromium.launch({
    executablePath,
    // Running as root needs --no-sandbox; the background-networking flags stop Chromium from calling Google
    // hosts, which this machine's closed network refuses.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
