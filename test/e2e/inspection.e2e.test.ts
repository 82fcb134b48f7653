import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, horizontalOverflow, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// A demo agent; every demo user shares the harness password.
const agentLogin = 'xiaomei';

const signedInPage = async (viewport = desktop, login = agentLogin): Promise<Page> => {
  const page = await session.newPage(viewport);
  await page.goto(`${session.harness.baseUrl}/login`);
  await page.getByLabel('账号', { exact: true }).fill(login);
  await page.getByLabel('密码', { exact: true }).fill(session.harness.admin.password);
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
  await page.getByRole('button', { name: /登\s*录/ }).click();
  expect((await answered).status()).toBe(200);
  await page.getByText(/你好/).waitFor();
  return page;
};

const reply = (page: Page) => page.getByLabel('客服回复');

describe('质检 → 话术检查 and 规则库', () => {
  test('an agent types a reply offering a WeChat id, sees it marked and explained, then a compliant reply passes', async () => {
    const page = await signedInPage();
    await page.getByRole('menuitem', { name: /质检/ }).click();
    await page.waitForURL(/\/inspection\/check$/);
    await page.getByRole('tab', { name: '话术检查' }).waitFor();

    const violating = '亲，加我薇信 abc12345 给您优惠';
    let checks = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/check')) checks++;
    });
    await reply(page).pressSequentially(violating, { delay: 20 });
    const finding = page.getByTestId('finding').filter({ hasText: '引导站外联系' });
    await finding.waitFor();
    const marks = page.getByTestId('highlighted-reply').locator('mark');
    await expect(marks.count()).resolves.toBeGreaterThan(0);
    const marked = (await marks.allTextContents()).join('');
    expect(violating).toContain(marked);
    expect(marked).toMatch(/abc12345|薇信/);
    await expect(finding.getByText('扣 6 分').count()).resolves.toBe(1);
    // Typing 20 characters quickly is checked once it pauses, not once per key.
    expect(checks).toBeLessThanOrEqual(2);
    await screenshot(page, 'inspection-01-violation');

    await reply(page).fill('亲，您好，这款现在有货，今天下单明天就能发货哦。');
    await page.getByText('未发现违规').waitFor();
    await expect(page.getByTestId('finding').count()).resolves.toBe(0);
    await screenshot(page, 'inspection-02-clean');
    await page.context().close();
  });

  test('adopting 建议改写 replaces the offending sentences, keeps the rest, and the reply then passes', async () => {
    const page = await signedInPage();
    await page.goto(`${session.harness.baseUrl}/inspection/check`);
    await reply(page).fill('亲，这款有现货的。特价商品不开发票的哦。');
    const rewrite = page.getByTestId('rewrite');
    await rewrite.getByText('发票是可以开的').waitFor();
    await rewrite.getByRole('button', { name: '采用改写' }).click();
    await page.getByText('未发现违规').waitFor();
    const text = await reply(page).inputValue();
    expect(text.startsWith('亲，这款有现货的。')).toBe(true);
    expect(text).not.toContain('不开发票');
    await page.context().close();
  });

  test('a long reply with several violations lists each rule and marks each span, on a phone too', async () => {
    const page = await signedInPage();
    await page.goto(`${session.harness.baseUrl}/inspection/check`);
    await page.getByLabel('买家消息（可选）').fill('能开发票吗？可以直接银行转账吗？');
    await reply(page).fill(
      '亲，特价商品不开发票的哦。要优惠的话加我微信 kefu_8866 聊，也可以直接银行转账给我，便宜二十。\n' +
        '这边已经帮您备注了，明天一定发货，没问题的。',
    );
    await page.getByText(/发现 \d+ 处问题/).waitFor();
    await expect(page.getByTestId('finding').count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(
      page.getByTestId('highlighted-reply').locator('mark').count(),
    ).resolves.toBeGreaterThanOrEqual(3);
    await screenshot(page, 'inspection-03-several-1280');
    await page.setViewportSize(phone);
    await screenshot(page, 'inspection-04-several-390');
    // A string, because the test build has no DOM types.
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  test('markup typed into a reply stays text, and a failed check shows why', async () => {
    const page = await signedInPage();
    await page.goto(`${session.harness.baseUrl}/inspection/check`);
    await reply(page).fill('<img src=x onerror="window.hacked=1"><b>加我微信 abc12345</b>');
    await page.getByTestId('finding').first().waitFor();
    const highlighted = page.getByTestId('highlighted-reply');
    await expect(highlighted.locator('img, b').count()).resolves.toBe(0);
    expect(await highlighted.textContent()).toContain('<b>加我微信');
    await expect(page.evaluate<unknown>('window.hacked')).resolves.toBeUndefined();

    await page.route('**/api/check', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal.error', message: '服务器内部错误' } }),
      }),
    );
    await reply(page).fill('亲，还有什么可以帮您？');
    await page.getByText('检查失败').waitFor();
    await page.getByText('服务器出错了，请稍后再试').waitFor();
    await screenshot(page, 'inspection-08-error');
    await page.context().close();
  });

  test("a manager who picks a shop gets only that shop's platform rules", async () => {
    const page = await signedInPage(desktop, session.harness.admin.login);
    await page.goto(`${session.harness.baseUrl}/inspection/check`);
    await reply(page).fill('亲，这单我直接给您关闭交易了');
    await page.getByTestId('finding').filter({ hasText: '擅自关闭交易' }).waitFor();
    await page.getByLabel('适用店铺').click();
    await page.getByTitle('京东自营店（京东）').click();
    await page.getByText('未发现违规').waitFor();
    await page.context().close();
  });

  test('the rule library is searchable and a row opens to its wrong and right examples', async () => {
    const page = await signedInPage(phone);
    await page.goto(`${session.harness.baseUrl}/inspection/rules`);
    await page.getByText(/共 \d+ 条规则/).waitFor();
    await page.getByLabel('搜索规则、说明或示例').fill('微信');
    await page.getByRole('cell', { name: '引导站外联系' }).click();
    await page.getByText('错误说法').waitFor();
    await page.getByText('正确说法').waitFor();
    await screenshot(page, 'inspection-05-rules-390');
    await page.setViewportSize(desktop);
    await page.getByLabel('搜索规则、说明或示例').fill('');
    await page.getByRole('columnheader', { name: '适用平台' }).waitFor();
    await screenshot(page, 'inspection-06-rules-1280');

    // An agent's third tab is their own findings; this one has none before any run.
    await page.getByRole('tab', { name: '我的质检' }).click();
    await page.getByText('你目前没有质检结果，继续保持。').waitFor();
    await screenshot(page, 'inspection-07-mine');
    await page.context().close();
  });
});
