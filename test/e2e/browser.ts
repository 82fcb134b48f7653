import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

// Browser downloads are impossible here: drive the system Chromium (KEFU_CHROMIUM overrides the path).
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export const screenshotDir = resolve(import.meta.dirname, '../../test-results/screenshots');

/** Saves a full-page PNG to test-results/screenshots/<name>.png for people to look at. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(screenshotDir, { recursive: true });
  const path = resolve(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
};

/** The HTTP status of a same-origin fetch made from inside the page, with the page's cookies. */
export const fetchStatus = (page: Page, path: string): Promise<number> =>
  page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, path);

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/** How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
