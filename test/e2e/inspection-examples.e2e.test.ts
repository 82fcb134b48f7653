import { describe, expect, test } from 'vitest';
import { fetchStatus, horizontalOverflow, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

const longReply =
  '亲亲，您好，这款沙发目前有现货的，今天下午四点前付款当天就能安排发出，物流大概三到五天送到，拍下后如需开具发票，请在订单备注里写明抬头和税号，我们按实付金额开具电子普通发票';

// Yesterday in the shops' zone: inside the workbench's default period (the last 30 days).
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

const chats = [
  'shop,platform,conversation,buyer,agent,sender,time,text,kind',
  `天猫旗舰店,tmall,c-ex,tb_ex,旗舰店:小美,buyer,${yesterday} 10:00:00,有微信吗,human`,
  `天猫旗舰店,tmall,c-ex,tb_ex,旗舰店:小美,agent,${yesterday} 10:00:30,亲，加我微信 abc12345 给您优惠,human`,
].join('\n');

const api = session.api;

describe('标注样本', () => {
  test('a supervisor labels replies and sees where the engine agrees and where it does not', async () => {
    const page = await session.signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/inspection/examples`);
    await page.getByText('还没有标注样本').waitFor();
    const evaluation = page.getByTestId('examples-evaluation');
    await evaluation.getByText('没有可评测的标注样本').waitFor();
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
    // 样本评测: offsite_payment found (tp), invoice missed (fn): micro-F1 = 2/3; no compliant example.
    await evaluation.getByText('2 条样本（0 条合规）· 1 条与引擎不一致').waitFor();
    await evaluation.getByText('66.7%').waitFor();
    const invoiceRow = evaluation.locator('tr').filter({ hasText: '发票' });
    await expect(invoiceRow.locator('td').allTextContents()).resolves.toEqual([
      expect.stringContaining('发票'),
      '0.0%',
      '0.0%',
      '0.0%',
      '1',
    ]);
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
    await evaluation.getByText('2 条样本（1 条合规）· 0 条与引擎不一致').waitFor();
    await evaluation.getByText('100.0%').first().waitFor();
    await invoiceRow.waitFor({ state: 'detached' });
    await page.getByText('只看合规').click();
    // The previous page stays on screen until the filtered one arrives: wait for it to go.
    await table.locator('tr').filter({ hasText: '可以微信转账给我' }).waitFor({ state: 'detached' });
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

  test('a reviewer saves a finding as an example, filled from its message, and finds it in 标注样本', async () => {
    const page = await session.signIn('zhuguan');
    await api(page, 'POST', '/api/imports', {
      kind: 'messages',
      filename: 'chats.csv',
      contentBase64: Buffer.from(chats).toString('base64'),
      mode: 'reject',
      dryRun: false,
      wait: true,
    });
    await page.goto(`${session.harness.baseUrl}/inspection/workbench`);
    await page.getByRole('button', { name: /开始质检/ }).click();
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor();
    await page
      .getByTestId('findings-table')
      .locator('tbody tr')
      .filter({ hasText: '引导站外联系' })
      .first()
      .click();
    const detail = page.getByTestId('finding-detail');
    await detail.getByRole('button', { name: /存为样本/ }).click();
    const form = page.getByTestId('example-form');
    await expect(form.getByLabel('客服回复').inputValue()).resolves.toBe('亲，加我微信 abc12345 给您优惠');
    await expect(form.getByLabel('买家消息').inputValue()).resolves.toBe('有微信吗');
    await form.getByText('引导站外联系（offsite_contact）').waitFor();
    await form.getByText(/天猫旗舰店/).waitFor();
    await screenshot(page, 'examples-04-from-finding');
    await form.getByLabel('备注').fill('买家先问微信，客服给出微信号');
    // While the form is open, the workbench's review keys stay off: c does not confirm the finding.
    await page.getByRole('dialog').getByText('存为标注样本').click();
    await page.keyboard.press('c');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    await expect(detail.getByTestId('finding-status').textContent()).resolves.toBe('待审核');

    await page.goto(`${session.harness.baseUrl}/inspection/examples`);
    const saved = page.getByTestId('examples-table').locator('tr').filter({ hasText: 'abc12345' });
    await saved.filter({ hasText: '来自质检结果' }).filter({ hasText: '一致' }).waitFor();
    await saved.filter({ hasText: '天猫旗舰店' }).waitFor();
    await screenshot(page, 'examples-05-saved-from-finding');

    // A shop's own rule: offered once the shop is chosen, shown by its title, judged by the shop.
    const shops = (await (await page.request.get(`${session.harness.baseUrl}/api/shops`)).json()) as {
      shops: { id: string; name: string }[];
    };
    const shop = shops.shops.find((one) => one.name === '天猫旗舰店');
    await api(page, 'PUT', `/api/inspection/settings/${shop?.id}`, {
      effectiveFrom: '2026-01-01',
      custom: [{ id: 'shop_cheapest', title: '店铺禁用词', words: ['全网最低'] }],
    });
    await page.getByRole('button', { name: /添加样本/ }).click();
    await form.getByLabel('客服回复').fill('亲，我们是全网最低价');
    await form.getByLabel('店铺').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '天猫旗舰店' }).click();
    await form.getByLabel('违反的规则').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '店铺自定义' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const own = page.getByTestId('examples-table').locator('tr').filter({ hasText: '全网最低价' });
    await own.filter({ hasText: '店铺禁用词' }).filter({ hasText: '一致' }).waitFor();
    await screenshot(page, 'examples-06-shop-rule');

    // 样本评测 of the shop: its own rule is scored, beside the organisation-wide examples.
    const evaluation = page.getByTestId('examples-evaluation');
    await expect(evaluation.locator('tr').filter({ hasText: '店铺禁用词' }).count()).resolves.toBe(0);
    await page.getByRole('combobox', { name: '店铺' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '天猫旗舰店' }).click();
    const ownRow = evaluation.locator('tr').filter({ hasText: '店铺禁用词' });
    await ownRow.filter({ hasText: '店铺自定义' }).waitFor();
    await expect(ownRow.locator('td').allTextContents()).resolves.toEqual([
      expect.stringContaining('店铺禁用词'),
      '100.0%',
      '100.0%',
      '100.0%',
      '1',
    ]);
    await evaluation.getByText('4 条样本（1 条合规）· 0 条与引擎不一致').waitFor();
    await screenshot(page, 'examples-07-shop-evaluation');
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
