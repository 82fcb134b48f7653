import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { desktop, launchBrowser } from './browser.js';
import { type Harness, startHarness } from './harness.js';

export type BrowserSession = {
  readonly harness: Harness;
  readonly browser: Browser;
  /** A fresh zh-CN browser context (no cookies) at `viewport`, and a page in it. */
  newPage: (viewport?: { width: number; height: number }) => Promise<Page>;
  /** Fills the login form of `page` and presses 登录. */
  fillLogin: (page: Page, login: string, password: string) => Promise<void>;
  /** A new page signed in as the demo user `login` (every demo user shares one password), at 工作台. */
  signIn: (login: string, viewport?: { width: number; height: number }) => Promise<Page>;
};

/**
 * Starts the real server on a fresh database and one Chromium for the calling test file, and
 * closes both after it; each browser test file calls this once at the top.
 */
export const startBrowserSession = (): BrowserSession => {
  let harness: Harness | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser session starts in beforeAll');
    return value;
  };
  const fillLogin = async (page: Page, login: string, password: string) => {
    await page.getByLabel('账号', { exact: true }).fill(login);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };
  const newPage = async (viewport = desktop) => {
    const context = await started(browser).newContext({ viewport, locale: 'zh-CN' });
    return context.newPage();
  };
  return {
    get harness() {
      return started(harness);
    },
    get browser() {
      return started(browser);
    },
    newPage,
    fillLogin,
    signIn: async (login, viewport) => {
      const page = await newPage(viewport);
      await page.goto(`${started(harness).baseUrl}/login`);
      await fillLogin(page, login, started(harness).admin.password);
      await page.getByText(/你好/).waitFor();
      return page;
    },
  };
};
