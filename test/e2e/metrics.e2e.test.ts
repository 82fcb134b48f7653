import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, horizontalOverflow, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Yesterday in the shops' zone, so the dashboard's default period (近7天) shows the import.
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

const chats = [
  'shop,platform,buyer,agent,sender,time,text,kind',
  `天猫旗舰店,tmall,tb_lily,旗舰店:小美,buyer,${yesterday} 10:00:00,这款沙发有现货吗,human`,
  `天猫旗舰店,tmall,tb_lily,旗舰店:小美,agent,${yesterday} 10:00:40,亲，有现货的，今天下单明天发,human`,
  `天猫旗舰店,tmall,tb_night,旗舰店:阿慧,buyer,${yesterday} 11:00:00,能便宜点吗,human`,
  `天猫旗舰店,tmall,tb_night,旗舰店:阿慧,agent,${yesterday} 11:01:30,亲，已经是活动价了,human`,
  `天猫旗舰店,tmall,tb_x,旗舰店:小美,robot,${yesterday} 12:00:00,在吗,human`,
].join('\n');
const orders = [
  'shop,order,buyer,created,paid,amount,items,status,refund',
  `天猫旗舰店,T100,tb_lily,${yesterday} 10:20:00,${yesterday} 10:21:00,1299.00,1,paid,0`,
].join('\n');

const signIn = (viewport: { width: number; height: number }): Promise<Page> =>
  session.signIn('zhuguan', viewport);

const upload = async (page: Page, kind: string, name: string, text: string, mode: 'reject' | 'skip') => {
  await page.getByLabel('数据类型').click();
  await page.locator('.ant-select-item-option').filter({ hasText: kind }).click();
  await page.getByRole('radio', { name: mode === 'reject' ? /整份拒绝/ : /跳过错误行/ }).check();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page
    .getByRole('button', { name: '校 验' })
    .or(page.getByRole('button', { name: '校验' }))
    .click();
  await page.getByTestId('import-preview').waitFor();
};

/** 确认导入 starts the job: its bar (or, when quick, its end) shows, then the result and the 导入记录 row. */
const confirmImport = async (page: Page, file: string) => {
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('import-progress').or(page.getByTestId('import-done')).first().waitFor();
  await page.getByTestId('import-done').waitFor();
  await page.getByRole('row').filter({ hasText: file }).filter({ hasText: '完成' }).first().waitFor();
};

describe('绩效 dashboard', () => {
  test('a supervisor imports a small CSV, sees the numbers and the conversations behind a conversion', async () => {
    const page = await signIn(desktop);
    await page.goto(`${session.harness.baseUrl}/metrics`);
    await page.getByTestId('metrics-empty').waitFor();
    await screenshot(page, 'metrics-01-empty');

    await page.getByRole('button', { name: '去导入数据' }).click();
    await page.waitForURL(/\/metrics\/import$/);
    // Reject mode: the bad line is shown with its line and field, and nothing can be confirmed.
    await upload(page, '聊天记录', 'chats.csv', chats, 'reject');
    await expect(page.getByTestId('import-preview').textContent()).resolves.toContain('整份文件不会导入');
    const issues = page.getByTestId('import-issues');
    await expect(issues.textContent()).resolves.toMatch(/6.*sender/);
    await screenshot(page, 'metrics-02-import-rejected');
    // Skip mode: the good rows can be imported.
    await upload(page, '聊天记录', 'chats.csv', chats, 'skip');
    await expect(page.getByTestId('import-preview').textContent()).resolves.toContain('共 5 行');
    await confirmImport(page, 'chats.csv');
    await upload(page, '订单', 'orders.csv', orders, 'reject');
    await confirmImport(page, 'orders.csv');
    await screenshot(page, 'metrics-03-imported');

    await page.getByRole('tab', { name: '绩效看板' }).click();
    await page.getByTestId('kpi-consulted').getByText('2', { exact: true }).waitFor();
    await expect(page.getByTestId('kpi-conversion').textContent()).resolves.toContain('50.0%');
    await expect(page.getByTestId('kpi-sales').textContent()).resolves.toContain('1,299');
    await page.waitForTimeout(500);
    await screenshot(page, 'metrics-04-dashboard-1280');

    await page.getByRole('button', { name: '小美 询单转化率' }).click();
    const buyers = page.getByTestId('explain-buyers');
    await buyers.getByText('tb_lily').first().waitFor();
    await buyers.getByText('亲，有现货的，今天下单明天发').waitFor();
    await screenshot(page, 'metrics-05-drill-down');

    // 落实客服改判: from the sale behind 小美's 销售额 the supervisor credits the order to nobody.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '小美 销售额' }).click();
    await buyers.getByText('订单 T100').waitFor();
    await page.getByRole('button', { name: '改判落实客服', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: /改判订单 T100/ });
    await dialog.getByLabel('落实给').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '不计入任何客服' }).click();
    await dialog.getByLabel(/改判原因/).fill('买家是店员的亲戚，不计业绩');
    await screenshot(page, 'metrics-07-credit-ruling');
    // The dialog zooms in; a click during the animation can miss the button on a busy machine.
    await expect
      .poll(() =>
        page
          .locator('.ant-modal')
          .last()
          .evaluate(
            (modal) => (modal as unknown as { getAnimations: () => unknown[] }).getAnimations().length,
          ),
      )
      .toBe(0);
    const ruled = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/metrics/credit-rulings') && response.request().method() === 'PUT',
    );
    await dialog.getByRole('button', { name: '确认改判' }).click();
    expect((await ruled).status()).toBe(204);
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => page.getByTestId('kpi-sales').textContent(), { timeout: 10_000 })
      .toContain('¥0');
  });

  test('on a phone the dashboard stacks its cards and the ranking scrolls sideways', async () => {
    const page = await signIn(phone);
    await page.goto(`${session.harness.baseUrl}/metrics/dashboard`);
    await page.getByTestId('kpi-consulted').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'metrics-06-dashboard-390');
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
