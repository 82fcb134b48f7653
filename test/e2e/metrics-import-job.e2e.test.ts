import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Yesterday in the shops' zone, so the dashboard's default period (近7天) holds the import.
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

// Large enough to take seconds on the embedded database: orders of buyers who never chatted, so
// each one adds a 静默买家 to the shop.
const orderCount = 300_000;
/** As the import panel writes it, with thousands separators. */
const shown = '300,000';
const orders = () => {
  const lines = ['order,buyer,created,paid,amount,items,status,refund'];
  for (let i = 0; i < orderCount; i += 1)
    lines.push(`JOB${i},job_buyer_${i},${yesterday} 10:20:00,${yesterday} 10:21:00,9.90,1,paid,0`);
  return `${lines.join('\n')}\n`;
};

// Two chats, so the dashboard has agents and shows the shop's numbers before the big import.
const chats = [
  'shop,platform,buyer,agent,sender,time,text,kind',
  `天猫旗舰店,tmall,tb_lily,旗舰店:小美,buyer,${yesterday} 10:00:00,这款沙发有现货吗,human`,
  `天猫旗舰店,tmall,tb_lily,旗舰店:小美,agent,${yesterday} 10:00:40,亲，有现货的，今天下单明天发,human`,
].join('\n');

const choose = async (page: Page, label: string, option: string) => {
  await page.getByLabel(label, { exact: true }).click();
  const open = page.locator('.ant-select-dropdown:visible');
  await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect.poll(() => open.count(), { timeout: 5_000 }).toBe(0);
};

/** The rows read that a progress line shows (已读取 N 行 …), or undefined without one. */
const rowsShown = async (page: Page) => {
  const text = await page
    .getByTestId('import-progress')
    .first()
    .textContent({ timeout: 1_000 })
    .catch(() => null);
  const rows = text ? /已读取 ([\d,]+) 行/.exec(text)?.[1] : undefined;
  return rows === undefined ? undefined : Number(rows.replaceAll(',', ''));
};

/** The shop's 静默买家 on the dashboard (its default period, every shop). */
const silentBuyers = async (page: Page) => {
  const strip = page.getByTestId('metrics-shop-strip');
  await strip.waitFor({ timeout: 60_000 });
  const text =
    (await page
      .getByRole('button', { name: /静默买家/ })
      .first()
      .textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
};

describe('绩效 import job (导入任务) followed across pages', () => {
  test('a supervisor starts a large import, leaves the page while it runs, comes back to its progress and sees it end on the dashboard', {
    timeout: 600_000,
  }, async () => {
    const page = await session.signIn('zhuguan', desktop);
    await session.api(page, 'POST', '/api/imports', {
      kind: 'messages',
      filename: 'chats.csv',
      contentBase64: Buffer.from(chats).toString('base64'),
      wait: true,
    });
    await page.goto(`${session.harness.baseUrl}/metrics/dashboard`);
    const before = await silentBuyers(page);

    await page.getByRole('tab', { name: '导入数据' }).click();
    await choose(page, '数据类型', '订单');
    await choose(page, '归入店铺', '天猫旗舰店');
    const file = orders();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'big-orders.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByTestId('import-mapping').getByRole('table').waitFor();
    await page
      .getByRole('button', { name: '校 验' })
      .or(page.getByRole('button', { name: '校验' }))
      .click();
    await page.getByTestId('import-preview').waitFor({ timeout: 300_000 });
    await expect(page.getByTestId('import-preview').textContent()).resolves.toContain(`共 ${shown} 行`);

    await page.getByRole('button', { name: '确认导入' }).click();
    // The bar moves while the job runs: some rows read, not all.
    await expect.poll(() => rowsShown(page), { timeout: 120_000, interval: 100 }).toBeGreaterThan(0);
    const first = (await rowsShown(page)) ?? 0;
    expect(first).toBeLessThan(orderCount);

    // Away to 工作台, then back (the browser's back button) to 导入数据: the running job shows
    // again, further on. (The 绩效 menu would open the dashboard first, whose recomputation of
    // stale days writes, so it may wait for the import on the embedded database.)
    await page.getByRole('menuitem', { name: /工作台/ }).click();
    await page.getByRole('heading', { name: /你好/ }).waitFor();
    await expect(page.getByTestId('import-progress').count()).resolves.toBe(0);
    await page.goBack();
    await page.waitForURL(/\/metrics\/import$/);
    const running = page.getByRole('row').filter({ hasText: 'big-orders.csv' }).filter({ hasText: '导入中' });
    await running.first().waitFor({ timeout: 30_000 });
    await expect.poll(() => rowsShown(page), { timeout: 60_000, interval: 100 }).toBeGreaterThan(first);
    const back = (await rowsShown(page)) ?? 0;
    expect(back).toBeLessThan(orderCount);
    await screenshot(page, 'metrics-import-job-02-back-while-running');

    // Its end: done with every row counted, in the panel and in 导入记录.
    await page.getByTestId('import-done').waitFor({ timeout: 300_000 });
    await expect(page.getByTestId('import-done').textContent()).resolves.toContain(shown);
    await page
      .getByRole('row')
      .filter({ hasText: 'big-orders.csv' })
      .filter({ hasText: '完成' })
      .filter({ hasText: `${shown} / ${shown} / 0` })
      .first()
      .waitFor();
    await screenshot(page, 'metrics-import-job-03-done');

    await page.getByRole('tab', { name: '绩效看板' }).click();
    await expect.poll(() => silentBuyers(page), { timeout: 60_000 }).toBe(before + orderCount);
    await screenshot(page, 'metrics-import-job-04-dashboard');
  });
});
