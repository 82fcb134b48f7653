import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fetchStatus, horizontalOverflow, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Shop-local days: the dashboard's default period (近7天) ends yesterday.
const day = (daysAgo: number) =>
  new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
const asked = day(3);

// tb_late asks three days ago and pays yesterday: converted only under a window of 3 natural days
// or more (天猫's default is the same/next day).
const chats = [
  'shop,platform,buyer,agent,sender,time,text,kind',
  `天猫旗舰店,tmall,tb_late,旗舰店:小美,buyer,${asked} 10:00:00,这款沙发还有灰色吗,human`,
  `天猫旗舰店,tmall,tb_late,旗舰店:小美,agent,${asked} 10:00:40,亲，灰色有现货的,human`,
].join('\n');
const orders = [
  'shop,order,buyer,created,paid,amount,items,status,refund',
  `天猫旗舰店,T900,tb_late,${day(1)} 09:00:00,${day(1)} 09:01:00,1299.00,1,paid,0`,
].join('\n');

/** Imports through the API as the supervisor, as a script would (cookie + CSRF token). */
const importFiles = async () => {
  const base = session.harness.baseUrl;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'zhuguan', password: session.harness.admin.password }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  for (const [kind, text] of [
    ['messages', chats],
    ['orders', orders],
  ] as const) {
    const response = await fetch(`${base}/api/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        kind,
        filename: `${kind}.csv`,
        contentBase64: Buffer.from(text).toString('base64'),
      }),
    });
    expect(response.status).toBe(200);
  }
};

const signIn = session.signIn;

const shot = screenshot;

const pickShop = async (page: Page) => {
  await page.getByLabel('店铺', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '天猫旗舰店' }).click();
};

describe('绩效设置', () => {
  test('a supervisor widens the attribution window of a shop from a day, and the conversion follows', async () => {
    await importFiles();
    const page = await signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/metrics/dashboard`);
    await expect(page.getByTestId('kpi-conversion').textContent()).resolves.toContain('0.0%');

    await page.getByRole('tab', { name: '绩效设置' }).click();
    await page.waitForURL(/\/metrics\/settings$/);
    await page.getByText('请选择一个店铺').waitFor();
    await pickShop(page);
    const current = page.getByTestId('metrics-settings-current');
    await current.getByText('全部沿用默认设置').waitFor();
    await expect(current.textContent()).resolves.toContain('2 个自然日（含咨询当天）');
    await page.getByText('还没有店铺自己的设置版本').waitFor();
    await shot(page, 'metrics-settings-01-defaults');

    // A regular expression that does not compile is refused, and the message names the field.
    await page.getByLabel('广告识别规则（正则）', { exact: true }).fill('刷单\n([');
    await page.getByRole('button', { name: /保存为新版本/ }).click();
    await page
      .locator('.ant-message-error')
      .filter({ hasText: '广告识别规则（正则）：不是有效的正则表达式' })
      .waitFor();
    const form = page.getByTestId('metrics-settings-form');
    await form.getByText('不是有效的正则表达式').waitFor();
    await page.getByLabel('广告识别规则（正则）', { exact: true }).fill('刷单\n推广');
    await form.getByText('不是有效的正则表达式').waitFor({ state: 'detached' });

    await page.getByLabel('归属窗口 天', { exact: true }).fill('3');
    await page.getByLabel('响应超时阈值', { exact: true }).fill('30');
    await page.getByLabel('生效日期').click();
    await page.getByLabel('生效日期').fill(asked);
    await page.getByLabel('生效日期').press('Enter');
    await page.getByRole('button', { name: /保存为新版本/ }).click();
    await page.getByText(`已保存：自 ${asked} 起生效`).waitFor();

    const versions = page.getByTestId('metrics-settings-versions');
    await versions.getByText(asked).waitFor();
    const changes = await versions.locator(`tbody tr[data-row-key="${asked}"]`).textContent();
    expect(changes).toContain('归属窗口：3 个自然日（含咨询当天）');
    expect(changes).toContain('响应超时阈值：30 秒');
    expect(changes).toContain('广告识别规则（正则）：刷单、推广');
    // Values left as the presets are not saved as the shop's own.
    expect(changes).not.toContain('落实方式');
    expect(changes).toContain('李主管');
    await expect(current.textContent()).resolves.toContain(`来自 ${asked} 起的版本`);
    await shot(page, 'metrics-settings-02-saved');

    // The saved version restates the stored day: the dashboard reads it again.
    await page.getByRole('tab', { name: '绩效看板' }).click();
    await page.getByTestId('kpi-conversion').getByText('100.0%').waitFor();
    await page.context().close();
  });

  test('platform hours, targets and teams are edited in the form; a backwards time range is refused at the field', async () => {
    const page = await signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/metrics/settings`);
    await pickShop(page);
    const form = page.getByTestId('metrics-settings-form');
    await form.getByText('平台考核').waitFor();
    await page.getByLabel('拼多多考核时段 开始', { exact: true }).fill('23:00');
    await page.getByLabel('拼多多考核时段 结束', { exact: true }).fill('08:00');
    await page.getByRole('button', { name: /保存为新版本/ }).click();
    await form.getByText('开始时间须早于结束时间').waitFor();
    await page.getByLabel('拼多多考核时段 开始', { exact: true }).fill('09:00');
    await page.getByLabel('拼多多考核时段 结束', { exact: true }).fill('22:00');
    await page.getByLabel('拼多多 30 秒应答率目标', { exact: true }).fill('85');
    await page.getByRole('button', { name: /添加分配/ }).click();
    await page.getByLabel('子账号 1', { exact: true }).fill('旗舰店:小美');
    await page.getByLabel('班组 1', { exact: true }).fill('售前一组（大促期间负责天猫旗舰店全部咨询）');
    await shot(page, 'metrics-settings-04-platform-teams');
    await page.getByRole('button', { name: /保存为新版本/ }).click();
    await page.getByText(/已保存：自 .* 起生效/).waitFor();
    const versions = page.getByTestId('metrics-settings-versions');
    await shot(page, 'metrics-settings-05-platform-saved');
    const latest = versions
      .locator('tbody tr[data-row-key]')
      .filter({ hasText: '拼多多考核时段：09:00–22:00' });
    await latest.waitFor();
    const changes = await latest.textContent();
    expect(changes).toContain('拼多多 30 秒应答率目标：85%');
    expect(changes).toContain('班组分配：旗舰店:小美 → 售前一组（大促期间负责天猫旗舰店全部咨询）');
    expect(changes).not.toContain('抖音考核时段');
    await page.context().close();
  });

  test('on a phone the settings fit the screen', async () => {
    const page = await signIn('zhuguan', phone);
    await page.goto(`${session.harness.baseUrl}/metrics/settings`);
    await pickShop(page);
    await page.getByTestId('metrics-settings-form').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'metrics-settings-03-phone');
    await page.context().close();
  });

  test('an agent has no 绩效设置 tab and the API refuses them', async () => {
    const page = await signIn('xiaomei');
    await page.goto(`${session.harness.baseUrl}/metrics/dashboard`);
    await page.getByRole('tab', { name: '绩效看板' }).waitFor();
    await expect(page.getByRole('tab', { name: '绩效设置' }).count()).resolves.toBe(0);
    await expect(
      fetchStatus(page, '/api/metrics/settings/00000000-0000-4000-8000-000000000000'),
    ).resolves.toBe(403);
    await page.context().close();
  });
});
