import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, horizontalOverflow, phone, screenshot } from './browser.js';
import { pddChats } from '../fixtures/metrics/assessment.fixture.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Yesterday in the shops' zone, so the default period (近7天) holds the import.
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
const longJdShop = '京东家居生活馆华东区官方旗舰店（售后服务中心·夜间值班二组）';

// PDD: 2 of 4 buyer messages answered within 30 s (50% < 80%): 还需 2 条.
const chats = [
  'shop,platform,buyer,agent,sender,time,text,kind',
  ...pddChats(yesterday, { late: false }),
].join('\n');
const tickets = [
  'shop,ticket,agent,applied,reviewed',
  `${longJdShop},J1,京东:小京,${yesterday} 10:00:00,${yesterday} 10:10:00`,
  `${longJdShop},J2,京东:小京,${yesterday} 10:00:00,${yesterday} 11:00:00`,
].join('\n');

const pickShop = async (page: Page, name: string) => {
  await page.getByLabel('店铺').click();
  await page.locator('.ant-select-item-option').filter({ hasText: name }).click();
  // The list closes with an animation: measure the page once it has gone.
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
};

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('平台考核', () => {
  test('a supervisor sees the PDD shop’s 30秒应答率 with 未达标 and what it would take', async () => {
    const admin = await session.signIn(session.harness.admin.login);
    await session.api(admin, 'POST', '/api/shops', { name: longJdShop, platform: 'jd' });
    for (const [kind, text] of [
      ['messages', chats],
      ['tickets', tickets],
    ] as const)
      await session.api(admin, 'POST', '/api/imports', {
        kind,
        filename: `${kind}.csv`,
        contentBase64: base64(text),
        mode: 'reject',
        wait: true,
      });

    const page = await session.signIn('zhuguan', desktop);
    await page.goto(`${session.harness.baseUrl}/metrics/assessments`);
    await pickShop(page, '拼多多专营店');
    const card = page.getByTestId('assessment-card');
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain('30秒应答率');
    expect(text).toContain('未达标');
    expect(text).toContain('2 / 4');
    expect(text).toContain('还需 2 条买家消息在 30 秒内人工回复');
    expect(text).toContain('平均人工响应时长');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'metrics-assessments-pdd');

    // A JD shop with a long name: its month so far, the score and the tier.
    await pickShop(page, '夜间值班二组');
    await page.getByTestId('assessment-card').getByText('售后服务分').waitFor();
    await expect(page.getByTestId('assessment-card').textContent()).resolves.toMatch(
      /服务单审核20分钟达标率.*1 \/ 2/,
    );
    await screenshot(page, 'metrics-assessments-jd');
    expect(await horizontalOverflow(page)).toBe(0);

    // The Douyin shop has no records: the empty state says so.
    await pickShop(page, '抖音小店');
    await page.getByTestId('assessments-empty').waitFor();

    await page.setViewportSize(phone);
    await pickShop(page, '拼多多专营店');
    await page.getByTestId('assessment-card').getByText('30秒应答率').waitFor();
    await screenshot(page, 'metrics-assessments-phone');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  // On the PDD chats imported by the test above.
  test('a shop target set in 绩效设置 shows on 平台考核 as a check tagged 店铺目标', async () => {
    const page = await session.signIn('zhuguan', desktop);
    await page.goto(`${session.harness.baseUrl}/metrics/settings`);
    await page.getByLabel('店铺', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '拼多多专营店' }).click();
    const form = page.getByTestId('metrics-settings-form');
    await form.getByText('本店平台').waitFor();
    // Empty means no target; the hint says these are the shop's own lines.
    await expect(page.getByLabel('拼多多客单价目标', { exact: true }).inputValue()).resolves.toBe('');
    await form.getByText('店铺目标，非平台规则；留空表示不设目标').first().waitFor();
    await page.getByLabel('拼多多平均人工响应时长目标', { exact: true }).fill('30');
    await page.getByLabel('拼多多询单转化率目标', { exact: true }).fill('50');
    // From yesterday, so the default period (近7天, judged by its last day's settings) has them.
    await page.getByLabel('生效日期').click();
    await page.getByLabel('生效日期').fill(yesterday);
    await page.getByLabel('生效日期').press('Enter');
    await page.getByRole('button', { name: /保存为新版本/ }).click();
    await page.getByText(`已保存：自 ${yesterday} 起生效`).waitFor();
    const changes = await page
      .getByTestId('metrics-settings-versions')
      .locator(`tbody tr[data-row-key="${yesterday}"]`)
      .textContent();
    expect(changes).toContain('拼多多平均人工响应时长目标：不设目标 → 30 秒');
    expect(changes).toContain('拼多多询单转化率目标：不设目标 → 50%');
    await screenshot(page, 'metrics-assessments-shop-target-settings');

    await page.goto(`${session.harness.baseUrl}/metrics/assessments`);
    await pickShop(page, '拼多多专营店');
    const card = page.getByTestId('assessment-card');
    await card.getByText('店铺目标').first().waitFor();
    // Mean wait (20 + 60 + 60 + 10) / 4 = 37.5 s, 7.5 s over 30 s; none of the 3 inquiring buyers
    // paid: ceil(0.5 × 3) = 2 must.
    const row = (name: string) => card.locator('tbody tr').filter({ hasText: name });
    await expect(row('平均人工响应时长').textContent()).resolves.toMatch(
      /平均人工响应时长店铺目标37\.5 秒≤ 30 秒.*未达标还需每条人工回复平均快 7\.5 秒/,
    );
    await expect(row('询单转化率').textContent()).resolves.toMatch(
      /询单转化率店铺目标0\.0%≥ 50\.0%0 \/ 3未达标还需 2 位询单买家付款/,
    );
    // 客单价 and 客件数 have no target: still bare values under 其他考核指标.
    await expect(card.textContent()).resolves.toContain('其他考核指标');
    expect(await card.getByText('店铺目标', { exact: true }).count()).toBe(2);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'metrics-assessments-shop-targets');
    await page.setViewportSize(phone);
    await card.getByText('还需每条人工回复平均快 7.5 秒').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'metrics-assessments-shop-targets-phone');
    await page.context().close();
  });

  test('agents have no 平台考核 tab', async () => {
    const page = await session.signIn('dabao', desktop);
    await page.goto(`${session.harness.baseUrl}/metrics/dashboard`);
    await page.getByRole('tab', { name: '绩效看板' }).waitFor();
    expect(await page.getByRole('tab', { name: '平台考核' }).count()).toBe(0);
  });
});
