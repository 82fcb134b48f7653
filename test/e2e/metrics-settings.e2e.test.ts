import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fetchStatus, horizontalOverflow, phone, screenshot, screenshotDir } from './browser.js';
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
        wait: true,
      }),
    });
    expect(response.status).toBe(200);
  }
};

const signIn = session.signIn;

const shot = screenshot;

const pickShop = async (page: Page, name = '天猫旗舰店') => {
  await page.getByLabel('店铺', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: name }).click();
};

/** Types a clock range into a 考核时段 picker, start then end. */
const fillHours = async (page: Page, label: string, from: string, to: string) => {
  const picker = page.getByRole('group', { name: label, exact: true });
  await picker.getByPlaceholder('开始').click();
  await picker.getByPlaceholder('开始').fill(from);
  await picker.getByPlaceholder('开始').press('Enter');
  await picker.getByPlaceholder('结束').fill(to);
  await picker.getByPlaceholder('结束').press('Enter');
  await page.keyboard.press('Escape');
};

const save = (page: Page) => page.getByRole('button', { name: /保存为新版本/ }).click();

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

    // A regular expression that does not compile is refused at its field, naming it and the line.
    const form = page.getByTestId('metrics-settings-form');
    await page.getByLabel('广告识别规则（正则）', { exact: true }).fill('刷单\n([');
    await save(page);
    await page.locator('.ant-message-error').filter({ hasText: '有 1 处需要修改' }).waitFor();
    await form.getByText('广告识别规则（正则）：第 2 条「([」不是有效的正则表达式').waitFor();
    await page.getByLabel('广告识别规则（正则）', { exact: true }).fill('刷单\n推广');
    await form.getByText('不是有效的正则表达式').waitFor({ state: 'detached' });

    await page.getByLabel('归属窗口 天', { exact: true }).fill('3');
    await page.getByLabel('响应超时阈值', { exact: true }).fill('30');
    await page.getByLabel('生效日期').click();
    await page.getByLabel('生效日期').fill(asked);
    await page.getByLabel('生效日期').press('Enter');
    await save(page);
    await page.getByText(`已保存：自 ${asked} 起生效`).waitFor();

    const versions = page.getByTestId('metrics-settings-versions');
    await versions.getByText(asked).waitFor();
    const changes = await versions.locator(`tbody tr[data-row-key="${asked}"]`).textContent();
    // Each change as before → after, in Chinese.
    expect(changes).toContain('归属窗口：2 个自然日（含咨询当天） → 3 个自然日（含咨询当天）');
    expect(changes).toContain('响应超时阈值：60 秒 → 30 秒');
    expect(changes).toContain('广告识别规则（正则）：https?://、www\\.、刷单、推广、代运营');
    expect(changes).toContain(' → 刷单、推广');
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

  test('a supervisor changes a shop’s PDD hours, its target and its teams; a backwards range is refused at the field', async () => {
    const page = await signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/metrics/settings`);
    await pickShop(page, '拼多多专营店');
    const form = page.getByTestId('metrics-settings-form');
    await form.getByText('本店平台').waitFor();
    await page.getByText('还没有班组').waitFor();
    await shot(page, 'metrics-settings-04-pdd-presets');

    await fillHours(page, '拼多多考核时段', '23:00', '08:00');
    await save(page);
    await form.getByText('拼多多考核时段：开始时间须早于结束时间').waitFor();
    await shot(page, 'metrics-settings-05-error');
    await fillHours(page, '拼多多考核时段', '09:00', '22:00');
    await form.getByText('开始时间须早于结束时间').waitFor({ state: 'detached' });
    await page.getByLabel('拼多多应答率目标', { exact: true }).fill('85');

    // Two teams: the shop's sub-account picked from the list, another typed; long Chinese names.
    const longName = '售前一组（大促期间负责拼多多专营店全部售前咨询与催付）';
    await page.getByRole('button', { name: /添加班组/ }).click();
    await page.getByLabel('班组名称 1', { exact: true }).fill(longName);
    await page.getByLabel('成员子账号 1', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '专营店:大宝' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /添加班组/ }).click();
    await page.getByLabel('班组名称 2', { exact: true }).fill('夜班');
    await page.getByLabel('成员子账号 2', { exact: true }).fill('专营店:大宝');
    await page.getByLabel('成员子账号 2', { exact: true }).press('Enter');
    await page.keyboard.press('Escape');
    await save(page);
    await form
      .getByText(`班组：子账号「专营店:大宝」同时在班组「${longName}」和「夜班」中，只能属于一个班组`)
      .waitFor();
    await shot(page, 'metrics-settings-06-teams-error');
    await page.getByLabel('成员子账号 2', { exact: true }).press('Backspace');
    await page.getByLabel('成员子账号 2', { exact: true }).fill('专营店:夜班小王');
    await page.getByLabel('成员子账号 2', { exact: true }).press('Enter');
    await page.keyboard.press('Escape');
    await form.getByText('只能属于一个班组').waitFor({ state: 'detached' });
    await shot(page, 'metrics-settings-07-teams');
    await save(page);
    await page.getByText(/已保存：自 .* 起生效/).waitFor();

    const row = page.getByTestId('metrics-settings-versions').locator('tbody tr[data-row-key]');
    await row.filter({ hasText: '拼多多考核时段' }).waitFor();
    const changes = await row.textContent();
    expect(changes).toContain('拼多多考核时段：08:00–23:00 → 09:00–22:00');
    expect(changes).toContain('拼多多应答率目标：80% → 85%');
    expect(changes).toContain(`班组「${longName}」：（无） → 专营店:大宝`);
    expect(changes).toContain('班组「夜班」：（无） → 专营店:夜班小王');
    expect(changes).not.toContain('抖音考核时段');
    const current = await page.getByTestId('metrics-settings-current').textContent();
    expect(current).toContain('09:00–22:00');
    expect(current).toContain(`${longName}：专营店:大宝；夜班：专营店:夜班小王`);
    await shot(page, 'metrics-settings-08-saved');

    // Read again from the server: the form starts from the saved version.
    await page.reload();
    await pickShop(page, '拼多多专营店');
    await expect(page.getByLabel('班组名称 1', { exact: true }).inputValue()).resolves.toBe(longName);
    await page.context().close();
  });

  test('a JD shop edits its score tiers; a tier out of order, or a problem in a folded platform, is shown at the field', async () => {
    const page = await signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/metrics/settings`);
    await pickShop(page, '京东自营店');
    const form = page.getByTestId('metrics-settings-form');
    const tiers = page.getByTestId('metrics-settings-tiers');
    await expect(tiers.getByLabel('档位名称 1', { exact: true }).inputValue()).resolves.toBe(
      '达标（可参评年度奖项）',
    );
    await tiers.getByLabel('最低分 2', { exact: true }).fill('95');
    await save(page);
    await form
      .getByText('京东售后服务分档位：第 2 档的最低分须低于第 1 档的 90 分（从高分到低分排列）')
      .waitFor();
    await shot(page, 'metrics-settings-11-jd-tiers-error');
    await tiers.getByLabel('最低分 2', { exact: true }).fill('85');

    // Another platform's settings are folded away; a problem there unfolds them.
    const others = page.getByRole('button', { name: /其他平台的考核设置/ });
    await others.click();
    await fillHours(page, '淘宝/天猫考核时段', '22:00', '10:00');
    await others.click();
    await save(page);
    await form.getByText('淘宝/天猫考核时段：开始时间须早于结束时间').waitFor();
    await fillHours(page, '淘宝/天猫考核时段', '08:00', '23:00');
    await save(page);
    await page.getByText(/已保存：自 .* 起生效/).waitFor();
    const row = page.getByTestId('metrics-settings-versions').locator('tbody tr[data-row-key]');
    await row.waitFor();
    const changes = await row.textContent();
    expect(changes).toContain('京东售后服务分档位：90 分起：达标（可参评年度奖项）；80 分起：达标；');
    expect(changes).toContain(' → 90 分起：达标（可参评年度奖项）；85 分起：达标；');
    expect(changes).not.toContain('淘宝/天猫考核时段');
    await page.context().close();
  });

  test('on a phone the settings fit the screen', async () => {
    const page = await signIn('zhuguan', phone);
    await page.goto(`${session.harness.baseUrl}/metrics/settings`);
    await pickShop(page);
    await page.getByTestId('metrics-settings-form').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'metrics-settings-03-phone');
    // The shop with long team names (saved above) still fits; its teams and versions up close.
    await pickShop(page, '拼多多专营店');
    const teams = page.getByTestId('metrics-settings-teams');
    await expect(teams.getByLabel('班组名称 2', { exact: true }).inputValue()).resolves.toBe('夜班');
    expect(await horizontalOverflow(page)).toBe(0);
    await teams.screenshot({ path: `${screenshotDir}/metrics-settings-09-phone-teams.png` });
    await page
      .getByTestId('metrics-settings-versions')
      .screenshot({ path: `${screenshotDir}/metrics-settings-10-phone-versions.png` });
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
