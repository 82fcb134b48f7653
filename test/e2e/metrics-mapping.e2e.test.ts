import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Yesterday in the shops' zone, so the dashboard's default period (近7天) shows the import.
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

// The shop's own 千牛 export: 买家昵称 and 客服账号 are headers Kefu knows, the next three are not,
// and there is no shop or platform column (the chosen shop gives them). Its 会话 column holds the
// shop's own labels, not conversation ids, though Kefu knows the header as the conversation.
const chats = (buyer: string) =>
  [
    '买家昵称,客服账号,说话方,会话时间,聊天记录,会话',
    `${buyer},旗舰店:小美,buyer,${yesterday} 10:00:00,这款沙发有现货吗,售前`,
    `${buyer},旗舰店:小美,agent,${yesterday} 10:00:40,亲，有现货的，今天下单明天发,售前`,
    `tb_night,旗舰店:阿慧,buyer,${yesterday} 11:00:00,能便宜点吗,售前`,
    `tb_night,旗舰店:阿慧,agent,${yesterday} 11:01:30,亲，已经是活动价了,售前`,
  ].join('\n');
const orders = [
  'order,buyer,created,paid,amount,items,status,refund',
  `T200,tb_own,${yesterday} 10:20:00,${yesterday} 10:21:00,1299.00,1,paid,0`,
].join('\n');

const shopIdOf = async (page: Page, name = '天猫旗舰店') => {
  const response = await page.request.get(new URL('/api/shops', page.url()).toString());
  const { shops } = (await response.json()) as { shops: { id: string; name: string }[] };
  return shops.find((shop) => shop.name === name)?.id;
};

const choose = async (page: Page, label: string, option: string) => {
  await page.getByLabel(label, { exact: true }).click();
  const open = page.locator('.ant-select-dropdown:visible');
  await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  // Every list holds the file's headers: wait for this one to close before opening the next (its
  // closing animation took over a second on a busy machine).
  await expect.poll(() => open.count(), { timeout: 5_000 }).toBe(0);
};

const pick = async (page: Page, name: string, text: string) => {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('import-mapping').getByRole('table').waitFor();
};

const check = async (page: Page) => {
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

describe('绩效 import with a column mapping (列映射)', () => {
  test('a supervisor maps a shop’s own headers, imports, and drills into an agent’s conversion', async () => {
    const page = await session.signIn('zhuguan', desktop);
    await page.goto(`${session.harness.baseUrl}/metrics/import`);
    await choose(page, '数据类型', '聊天记录');
    await choose(page, '归入店铺', '天猫旗舰店');
    await pick(page, 'qianniu.csv', chats('tb_own'));
    const mapping = page.getByTestId('import-mapping');
    // The known headers are suggested; the unknown ones leave required fields to choose.
    await expect(mapping.textContent()).resolves.toContain(
      '必填字段「发送方、时间、消息内容」还没有对应的列',
    );
    await expect(page.getByRole('button', { name: '校 验' }).isDisabled()).resolves.toBe(true);
    await choose(page, '文件中的列：sender', '说话方');
    await choose(page, '文件中的列：time', '会话时间');
    await choose(page, '文件中的列：text', '聊天记录');
    await expect(mapping.textContent()).resolves.not.toContain('还没有对应的列');
    // 会话 is taken for the conversation by its name; the supervisor leaves it out.
    const conversation = mapping
      .getByRole('row')
      .filter({ has: page.getByLabel('文件中的列：conversation', { exact: true }) });
    await expect(conversation.textContent()).resolves.toContain('会话（例：售前）');
    await choose(page, '文件中的列：conversation', '（不导入）');
    await expect(page.getByTestId('import-mapping-skipped-conversation').textContent()).resolves.toBe(
      '文件中的「会话」列不导入',
    );
    await expect(mapping.getByRole('checkbox', { name: '保存为本店预设' }).isChecked()).resolves.toBe(true);
    const shot = await screenshot(page, 'metrics-mapping-01-step');
    mkdirSync('/tmp/kefu/shots', { recursive: true });
    copyFileSync(shot, '/tmp/kefu/shots/mapping.png');

    await check(page);
    await expect(page.getByTestId('import-preview').textContent()).resolves.toContain('共 4 行');
    await confirmImport(page, 'qianniu.csv');

    await choose(page, '数据类型', '订单');
    await pick(page, 'orders.csv', orders);
    await check(page);
    await confirmImport(page, 'orders.csv');

    // The next export of the shop starts from its saved preset: nothing is left to choose.
    await choose(page, '数据类型', '聊天记录');
    await pick(page, 'qianniu-2.csv', chats('tb_next'));
    await expect(page.getByTestId('import-mapping').textContent()).resolves.toContain(
      '已按本店保存的预设填好',
    );
    await expect(page.getByTestId('import-mapping').textContent()).resolves.not.toContain('还没有对应的列');
    await page.getByTestId('import-mapping-skipped-conversation').waitFor();
    const { preview } = await session.api<{ preview: { preset: Record<string, string> } }>(
      page,
      'POST',
      '/api/imports/preview',
      {
        kind: 'messages',
        filename: 'qianniu-2.csv',
        contentBase64: Buffer.from(chats('tb_next')).toString('base64'),
        shopId: await shopIdOf(page),
      },
    );
    expect(preview.preset).toMatchObject({ conversation: '' });
    await screenshot(page, 'metrics-mapping-02-preset-skips');

    await page.getByRole('tab', { name: '绩效看板' }).click();
    await page.getByTestId('kpi-consulted').getByText('2', { exact: true }).waitFor();
    await expect(page.getByTestId('kpi-conversion').textContent()).resolves.toContain('50.0%');
    await page.getByRole('button', { name: '小美 询单转化率' }).click();
    const buyers = page.getByTestId('explain-buyers');
    await buyers.getByText('tb_own').first().waitFor();
    await buyers.getByText('亲，有现货的，今天下单明天发').waitFor();
    await screenshot(page, 'metrics-mapping-03-drill-down');
  });
});
