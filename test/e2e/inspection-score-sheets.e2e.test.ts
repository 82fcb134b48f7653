import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fetchStatus, horizontalOverflow, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Yesterday in the shops' zone: inside the 抽检 tab's default period (the last 30 days).
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

const row = (buyer: string, agent: string, sender: string, time: string, text: string) =>
  `天猫旗舰店,tmall,c-${buyer},${buyer},${agent},${sender},${yesterday} ${time},${text},human`;

const chats = [
  'shop,platform,conversation,buyer,agent,sender,time,text,kind',
  row('tb_1', '旗舰店:小美', 'buyer', '10:00:00', '沙发有现货吗'),
  row('tb_1', '旗舰店:小美', 'agent', '10:00:30', '亲，您好，有现货的'),
  row('tb_2', '旗舰店:阿慧', 'buyer', '11:00:00', '什么时候发货'),
  row('tb_2', '旗舰店:阿慧', 'agent', '11:00:20', '亲，今天下单明天发'),
].join('\n');

const title = '售前客服质检评分表（2026 年 3 月版，适用于天猫旗舰店和淘宝企业店全体客服）';
const longLabel =
  '问候与礼貌：人工接待首句必须有问候语，全程使用礼貌用语，不与买家发生争执，不使用反问或命令语气';

const signIn = session.signIn;

const api = session.api;

const item = (page: Page, n: number, field: '评分项名称' | '满分' | '评分标准（选填）') =>
  page.getByLabel(`第 ${n} 项 ${field}`, { exact: true });
const editor = (page: Page) => page.getByTestId('sheet-editor');
const sheetRow = (page: Page, text: string) =>
  page.getByTestId('score-sheets-table').locator('tbody tr[data-row-key]').filter({ hasText: text });
const saveButton = (page: Page, name: RegExp) =>
  page.locator('.ant-drawer-footer').getByRole('button', { name });

describe('质检评分表', () => {
  test('a supervisor creates a sheet with 3 items, edits one, and scores a sample with it', async () => {
    const page = await signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/inspection/score-sheets`);
    await page.getByText('还没有质检评分表').waitFor();
    await screenshot(page, 'score-sheets-01-empty');

    await page.getByRole('button', { name: /新建评分表/ }).click();
    await page.getByRole('button', { name: /创\s*建/ }).click();
    await editor(page).getByText('请填写评分表名称').waitFor();
    await editor(page).getByText('第 1 项没有名称').waitFor();
    await page.getByLabel('评分表名称').fill(title);
    await item(page, 1, '评分项名称').fill(longLabel);
    await item(page, 1, '满分').fill('20');
    await item(page, 1, '评分标准（选填）').fill('首句无问候扣 5 分；出现反问、命令语气每次扣 5 分');
    await page.getByRole('button', { name: /添加评分项/ }).click();
    await item(page, 2, '评分项名称').fill('解答准确');
    await item(page, 2, '满分').fill('40');
    await page.getByRole('button', { name: /添加评分项/ }).click();
    await item(page, 3, '评分项名称').fill('解答准确');
    await item(page, 3, '满分').fill('0');
    await item(page, 3, '满分').blur();
    await editor(page).getByText('评分项「解答准确」重复').waitFor();
    await editor(page).getByText('分值须大于 0').waitFor();
    await screenshot(page, 'score-sheets-02-validation');
    // A message names the item's place, and follows it when the item moves up.
    await item(page, 3, '评分项名称').fill('');
    await editor(page).getByText('第 3 项没有名称').waitFor();
    await page.getByRole('button', { name: '第 3 项 上移' }).click();
    await editor(page).getByText('第 2 项没有名称').waitFor();
    await editor(page).getByText('第 3 项没有名称').waitFor({ state: 'detached' });
    await expect(item(page, 3, '评分项名称').inputValue()).resolves.toBe('解答准确');
    await item(page, 2, '评分项名称').fill('平台规则合规');
    await item(page, 2, '满分').fill('40');
    await page.getByTestId('sheet-total').filter({ hasText: '满分合计 100 分 · 共 3 项' }).waitFor();
    await editor(page).locator('.ant-form-item-explain-error').first().waitFor({ state: 'detached' });
    await screenshot(page, 'score-sheets-03-editor');
    await saveButton(page, /创\s*建/).click();
    await page.getByText(`已创建评分表「${title}」`).waitFor();
    const created = sheetRow(page, title);
    await created
      .filter({ hasText: '3 项' })
      .filter({ hasText: '100 分' })
      .filter({ hasText: '未使用' })
      .waitFor();

    // Edit one item: 解答准确 is renamed and worth 30 now; the total follows as it is typed.
    await page.getByRole('button', { name: `编辑 ${title}` }).click();
    await item(page, 3, '评分项名称').fill('商品与物流解答准确');
    await item(page, 3, '满分').fill('30');
    await page.getByTestId('sheet-total').filter({ hasText: '满分合计 90 分 · 共 3 项' }).waitFor();
    await page.getByText('合计不是 100 分').waitFor();
    await saveButton(page, /保存为 v2/).click();
    await page.getByText('已保存为 v2').waitFor();
    await created.filter({ hasText: 'v2' }).filter({ hasText: '90 分' }).waitFor();
    await created.locator('.ant-table-row-expand-icon').click();
    await page.getByText('商品与物流解答准确').waitFor();
    await screenshot(page, 'score-sheets-04-list');

    // 抽检 offers the sheet, and scoring a sample shows its items as edited.
    await api(page, 'POST', '/api/imports', {
      kind: 'messages',
      filename: 'chats.csv',
      contentBase64: Buffer.from(chats).toString('base64'),
      mode: 'reject',
      dryRun: false,
      wait: true,
    });
    await page.getByRole('tab', { name: '抽检' }).click();
    await page.getByLabel('评分表', { exact: true }).click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: `${title} v2` })
      .click();
    await page.getByRole('button', { name: /抽取会话/ }).click();
    const samples = page.getByTestId('samples-table');
    await samples
      .getByRole('button', { name: /^评\s*分$/ })
      .first()
      .click();
    await page.getByText('商品与物流解答准确（30 分）').waitFor();
    await page.getByText(`${longLabel}（20 分）`).waitFor();
    await page.getByLabel('商品与物流解答准确').fill('25');
    await page.getByTestId('sample-sum').filter({ hasText: '合计 85 / 90 分' }).waitFor();
    await screenshot(page, 'score-sheets-05-scoring');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await samples.getByText('85', { exact: true }).waitFor();

    // Scored: the items are fixed, the sheet cannot be deleted, its wording can still change.
    await page.getByRole('tab', { name: '评分表' }).click();
    await sheetRow(page, title).filter({ hasText: '已评 1 个' }).waitFor();
    await expect(page.getByRole('button', { name: `删除 ${title}` }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: `编辑 ${title}` }).click();
    await page.getByText(/已有 1 个抽检按这张表评了分/).waitFor();
    await expect(item(page, 1, '满分').isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /添加评分项/ }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'score-sheets-06-locked');
    await item(page, 2, '评分标准（选填）').fill('无引导站外、线下交易、拒开发票等高压线行为');
    await saveButton(page, /保存为 v3/).click();
    await page.getByText('已保存为 v3').waitFor();
    await page.context().close();
  });

  test('a save refused by the server is shown against the field; copies start unused and can be deleted', async () => {
    const page = await signIn('zhuguan');
    const sheet = await api(page, 'POST', '/api/inspection/score-sheets', {
      title: '售后评分表',
      items: [
        { label: '安抚情绪', points: 50 },
        { label: '方案明确', points: 50 },
      ],
    });
    await page.goto(`${session.harness.baseUrl}/inspection/score-sheets`);
    await page.getByRole('button', { name: '编辑 售后评分表' }).click();
    await item(page, 2, '评分项名称').waitFor();
    // Meanwhile another reviewer scores a sample on it: the editor opened before that, unlocked.
    const drawn = await api(page, 'POST', '/api/inspection/samples/draw', {
      sheetId: sheet.id,
      from: yesterday,
      to: yesterday,
      perAgent: 1,
    });
    const [sample] = drawn.samples as { id: string }[];
    await api(page, 'POST', `/api/inspection/samples/${sample?.id}/score`, { scores: [40, 45] });
    await page.getByRole('button', { name: '第 2 项 删除此项' }).click();
    await saveButton(page, /保存为 v2/).click();
    await editor(page).locator('.ant-form-item-explain-error').filter({ hasText: '已有 1 个抽检' }).waitFor();
    await page.locator('.ant-message-error').filter({ hasText: '要调整请复制为新评分表' }).waitFor();
    await screenshot(page, 'score-sheets-07-refused');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByRole('button', { name: /放弃修改/ }).click();
    await sheetRow(page, '售后评分表').filter({ hasText: '已评 1 个' }).waitFor();

    await page.getByRole('button', { name: '复制 售后评分表' }).click();
    await expect(page.getByLabel('评分表名称').inputValue()).resolves.toBe('售后评分表（副本）');
    await item(page, 2, '满分').fill('30');
    await saveButton(page, /创\s*建/).click();
    const copy = sheetRow(page, '售后评分表（副本）');
    await copy.filter({ hasText: '80 分' }).filter({ hasText: '未使用' }).waitFor();
    await page.getByRole('button', { name: '删除 售后评分表（副本）' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await page.getByText('评分表已删除').waitFor();
    await expect(copy.count()).resolves.toBe(0);
    await page.context().close();
  });

  test('the history of a sheet lists every version; an archived sheet leaves the 抽检 picker until restored', async () => {
    const page = await signIn('zhuguan');
    const sheet = await api(page, 'POST', '/api/inspection/score-sheets', {
      title: '月度抽检表',
      items: [{ label: '态度', points: 100 }],
    });
    await api(page, 'PUT', `/api/inspection/score-sheets/${sheet.id}`, {
      title: '月度抽检表',
      items: [{ label: '服务态度与礼貌用语', points: 100 }],
    });
    await page.goto(`${session.harness.baseUrl}/inspection/score-sheets`);
    await page.getByRole('button', { name: '历史版本 月度抽检表' }).click();
    await page
      .getByTestId('sheet-version-2')
      .filter({ hasText: '服务态度与礼貌用语' })
      .filter({ hasText: '当前' })
      .waitFor();
    await page
      .getByTestId('sheet-version-1')
      .filter({ hasText: '态度' })
      .filter({ hasText: '按此版评了 0 个' })
      .waitFor();
    await screenshot(page, 'score-sheets-08-history');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '归档 月度抽检表' }).click();
    await page.getByText('评分表已归档').waitFor();
    await sheetRow(page, '月度抽检表').filter({ hasText: '已归档' }).waitFor();
    await screenshot(page, 'score-sheets-09-archived');
    await page.getByRole('tab', { name: '抽检' }).click();
    await page.getByLabel('评分表', { exact: true }).click();
    await page.locator('.ant-select-dropdown').waitFor();
    await expect(
      page.locator('.ant-select-item-option').filter({ hasText: '月度抽检表' }).count(),
    ).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '评分表' }).click();
    await page.getByRole('button', { name: '恢复 月度抽检表' }).click();
    await page.getByText('评分表已恢复').waitFor();
    await page.getByRole('tab', { name: '抽检' }).click();
    await page.getByLabel('评分表', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '月度抽检表 v2' }).waitFor();
    await page.context().close();
  });

  test('the editor fits a phone: long Chinese names wrap, nothing scrolls sideways', async () => {
    const page = await signIn('zhuguan', phone);
    await page.goto(`${session.harness.baseUrl}/inspection/score-sheets`);
    await sheetRow(page, title).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'score-sheets-08-list-390');
    await page.getByRole('button', { name: `编辑 ${title}` }).click();
    await item(page, 1, '评分项名称').waitFor();
    await screenshot(page, 'score-sheets-09-editor-390');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  test('agents have no 评分表 tab, its address is not found, and the API refuses them', async () => {
    const page = await signIn('xiaomei');
    await page.goto(`${session.harness.baseUrl}/inspection/workbench`);
    await page.getByRole('tab', { name: '我的质检' }).waitFor();
    await expect(page.getByRole('tab', { name: '评分表' }).count()).resolves.toBe(0);
    await page.goto(`${session.harness.baseUrl}/inspection/score-sheets`);
    await page.getByText('页面不存在', { exact: true }).waitFor();
    expect(await fetchStatus(page, '/api/inspection/score-sheets')).toBe(403);
    await page.context().close();
  });
});
