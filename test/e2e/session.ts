import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
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
  /** Calls the API with the page's session (cookie plus the CSRF token /me hands out); expects 200. */
  api: <T = Record<string, unknown>>(
    page: Page,
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
  ) => Promise<T>;
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
    api: async <T>(page: Page, method: 'POST' | 'PUT', path: string, body: unknown) => {
      const base = started(harness).baseUrl;
      const me = (await (await page.request.get(`${base}/api/auth/me`)).json()) as { csrfToken: string };
      const response = await page.request.fetch(`${base}${path}`, {
        method,
        headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
        data: JSON.stringify(body),
      });
      expect(response.status(), await response.text()).toBe(200);
      return response.json() as Promise<T>;
    },
    signIn: async (login, viewport) => {
      const page = await newPage(viewport);
      await page.goto(`${started(harness).baseUrl}/login`);
      await fillLogin(page, login, started(harness).admin.password);
      await page.getByText(/你好/).waitFor();
      return page;
    },
  };
};
