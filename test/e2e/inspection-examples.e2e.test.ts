import { describe, expect, test } from 'vitest';
import { fetchStatus, horizontalOverflow, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

const longReply =
  '亲亲，您好，这款沙发目前有现货的，今天下午四点前付款当天就能安排发出，物流大概三到五天送到，拍下后如需开具发票，请在订单备注里写明抬头和税号，我们按实付金额开具电子普通发票';

describe('标注样本', () => {
  test('a supervisor labels replies and sees where the engine agrees and where it does not', async () => {
    const page = await session.signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/inspection/examples`);
    await page.getByText('还没有标注样本').waitFor();
    await screenshot(page, 'examples-01-empty');

    // A violation the engine catches.
    await page
      .getByRole('button', { name: /添加样本/ })
      .first()
      .click();
    const form = page.getByTestId('example-form');
    await form.getByLabel('客服回复').fill('可以微信转账给我，我给您便宜点');
    await form.getByLabel('违反的规则').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'offsite_payment' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    const table = page.getByTestId('examples-table');
    await table.locator('tr').filter({ hasText: '可以微信转账给我' }).filter({ hasText: '一致' }).waitFor();

    // A long compliant reply labelled wrongly as a violation: the engine disagrees.
    await page
      .getByRole('button', { name: /添加样本/ })
      .first()
      .click();
    await form.getByLabel('客服回复').fill(longReply);
    await form.getByLabel('买家消息').fill('能开发票吗');
    await form.getByLabel('违反的规则').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '（invoice）' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const wrong = table.locator('tr').filter({ hasText: '请在订单备注里写明抬头' });
    await wrong.filter({ hasText: '不一致' }).waitFor();
    await page
      .getByTestId('examples-summary')
      .filter({ hasText: '共 2 条 · 本页 1 条与引擎不一致' })
      .waitFor();
    await screenshot(page, 'examples-02-list');

    // Relabelled compliant, it agrees.
    await wrong.getByRole('button', { name: /修改/ }).click();
    await expect(form.getByLabel('买家消息').inputValue()).resolves.toBe('能开发票吗');
    // Picking the selected rule again takes it off.
    await form.getByLabel('违反的规则').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '（invoice）' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached' });
    await wrong.filter({ hasNotText: '不一致' }).filter({ hasText: '一致' }).waitFor();
    await page.getByText('只看合规').click();
    await expect(table.locator('tbody tr[data-row-key]').count()).resolves.toBe(1);
    await page.context().close();
  });

  test('an empty reply is refused at the field; the page fits a phone', async () => {
    const page = await session.signIn('zhuguan', phone);
    await page.goto(`${session.harness.baseUrl}/inspection/examples`);
    await page
      .getByRole('button', { name: /添加样本/ })
      .first()
      .click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('example-form').getByText('请填写客服回复').waitFor();
    await screenshot(page, 'examples-03-phone-error');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await expect(horizontalOverflow(page)).resolves.toBe(0);
    await page.context().close();
  });

  test('agents have no 标注样本 tab and the API refuses them', async () => {
    const page = await session.signIn('xiaomei');
    await page.goto(`${session.harness.baseUrl}/inspection/examples`);
    await page
      .getByText(/页面不存在|找不到/)
      .first()
      .waitFor();
    await expect(fetchStatus(page, '/api/inspection/examples')).resolves.toBe(403);
    await page.context().close();
  });
});
