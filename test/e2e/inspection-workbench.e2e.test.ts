import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { horizontalOverflow, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Yesterday in the shops' zone: inside the workbench's default period (the last 30 days).
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

const longReply =
  '亲亲您好，非常抱歉让您久等了，这款实木沙发目前仓库里还有少量现货，颜色和尺寸都和详情页一致，' +
  '如果您今天下单我们会尽快安排打包，另外想要更多优惠的话可以加我微信 kefu_8866 单独给您申请一个内部价，' +
  '安装师傅的联系方式也会一起发给您，有任何问题随时找我哦。';

const row = (buyer: string, agent: string, sender: string, time: string, text: string) =>
  `天猫旗舰店,tmall,c-${buyer},${buyer},${agent},${sender},${yesterday} ${time},${text},human`;

// Two agents; every line an agent writes here breaks a rule the run must find.
const chats = [
  'shop,platform,conversation,buyer,agent,sender,time,text,kind',
  row('tb_wx', '旗舰店:小美', 'buyer', '10:00:00', '能便宜点吗'),
  row('tb_wx', '旗舰店:小美', 'agent', '10:00:30', '亲，加我微信 abc12345 给您优惠'),
  row('tb_fp', '旗舰店:小美', 'buyer', '11:00:00', '能开发票吗'),
  row('tb_fp', '旗舰店:小美', 'agent', '11:00:20', '特价商品不开发票的哦'),
  row('tb_long', '旗舰店:阿慧', 'buyer', '12:00:00', '沙发有现货吗'),
  row('tb_long', '旗舰店:阿慧', 'agent', '12:00:40', `"${longReply}"`),
].join('\n');

const signIn = session.signIn;

const api = session.api;

/** Imports `chats` (again: an import updates the same rows, so each test may call it). */
const importChats = (page: Page) =>
  api(page, 'POST', '/api/imports', {
    kind: 'messages',
    filename: 'chats.csv',
    contentBase64: Buffer.from(chats).toString('base64'),
    mode: 'reject',
    dryRun: false,
    wait: true,
  });

const table = (page: Page) => page.getByTestId('findings-table');
const findingRow = (page: Page, text: string) => table(page).locator('tbody tr').filter({ hasText: text });

describe('质检工作台', () => {
  test('a supervisor runs inspection, opens a finding in its conversation, confirms one and dismisses another', async () => {
    const page = await signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/inspection/workbench`);
    await page.getByText('还没有质检任务').waitFor();
    await page.getByText('没有符合条件的质检结果。').waitFor();
    await screenshot(page, 'inspection-workbench-01-empty');

    await importChats(page);
    await page.getByRole('button', { name: /开始质检/ }).click();
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor();
    await expect(page.getByTestId('run-status').textContent()).resolves.toMatch(
      /检查 \d+ 条消息，发现 \d+ 处问题/,
    );
    const wechat = findingRow(page, '引导站外联系').filter({ hasText: '小美' });
    await wechat.waitFor();
    await expect(page.getByTestId('findings-summary').textContent()).resolves.toContain('引导站外联系');
    await screenshot(page, 'inspection-workbench-02-findings');

    // In context: the conversation with the violating words marked, and the rule explained.
    await wechat.click();
    const detail = page.getByTestId('finding-detail');
    await detail.getByRole('heading', { name: '引导站外联系' }).waitFor();
    await detail.getByText('规则说明').waitFor();
    const current = detail.getByTestId('conversation').locator('mark[data-current]');
    await expect(current.textContent()).resolves.toMatch(/微信|abc12345/);
    await detail.getByText('能便宜点吗').waitFor();
    await screenshot(page, 'inspection-workbench-03-drawer');

    await detail.getByRole('button', { name: /确\s*认/ }).click();
    await wechat.getByTestId('row-status').filter({ hasText: '已确认' }).waitFor();
    await detail.getByTestId('finding-status').filter({ hasText: '已确认' }).waitFor();
    await page.keyboard.press('Escape');

    // Keyboard review: select the invoice finding with j/k, press d, and a reason is required.
    const invoice = findingRow(page, '发票规范');
    await invoice.click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog', { name: '标记为误报' });
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText('请写明原因').waitFor();
    await dialog.getByLabel('误报原因').fill('买家问能否开票，客服说明特价商品开票规则，未拒开');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await invoice.getByTestId('row-status').filter({ hasText: '误报' }).waitFor();
    await expect(wechat.getByTestId('row-status').textContent()).resolves.toBe('已确认');

    // The learning-loop export carries the reviewed findings: the confirmed one as a violation.
    const exported = await page.request.get(
      `${session.harness.baseUrl}${await page.getByRole('link', { name: /导出复核结果/ }).getAttribute('href')}`,
    );
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain('"offsite_contact"');

    // The status filter narrows the table to the dismissed one.
    await page.getByLabel('状态').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '误报' }).click();
    await page.getByText('共 1 条').waitFor();
    await screenshot(page, 'inspection-workbench-04-dismissed');
    await page.context().close();
  });

  test('the agent sees only their own findings and appeals a confirmed one; the supervisor decides it', async () => {
    const agent = await signIn('xiaomei');
    await agent.goto(`${session.harness.baseUrl}/inspection/workbench`);
    await agent.getByRole('tab', { name: '我的质检' }).waitFor();
    const wechat = findingRow(agent, '引导站外联系');
    await wechat.waitFor();
    // 阿慧's long reply is not 小美's to see.
    await expect(table(agent).textContent()).resolves.not.toContain('kefu_8866');
    await expect(agent.getByRole('button', { name: /开始质检/ }).count()).resolves.toBe(0);
    await wechat.click();
    await agent
      .getByTestId('finding-detail')
      .getByRole('button', { name: /申\s*诉/ })
      .click();
    const dialog = agent.getByRole('dialog', { name: '提出申诉' });
    await dialog.getByLabel('申诉理由').fill('买家先发来微信号，我是在提醒不能站外沟通');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await wechat.getByTestId('row-status').filter({ hasText: '申诉中' }).waitFor();
    await agent.setViewportSize(phone);
    await screenshot(agent, 'inspection-workbench-05-mine-390');
    expect(await horizontalOverflow(agent)).toBeLessThanOrEqual(0);
    await agent.context().close();

    const supervisor = await signIn('zhuguan');
    await supervisor.goto(`${session.harness.baseUrl}/inspection/workbench`);
    const appealed = findingRow(supervisor, '申诉中');
    await appealed.click();
    const detail = supervisor.getByTestId('finding-detail');
    await detail.getByText('买家先发来微信号').waitFor();
    await detail.getByRole('button', { name: '申诉处理' }).click();
    const decide = supervisor.getByRole('dialog', { name: '处理申诉' });
    await decide.getByText('申诉成立（不扣分）').click();
    await decide.getByLabel('处理意见').fill('核对聊天记录，买家先发微信号，申诉成立');
    await decide.getByRole('button', { name: /提\s*交/ }).click();
    await findingRow(supervisor, '引导站外联系')
      .getByTestId('row-status')
      .filter({ hasText: '申诉成立' })
      .waitFor();
    await supervisor.context().close();
  });

  test('long Chinese text and the phone layout: the drawer shows the whole reply, nothing scrolls sideways', async () => {
    const page = await signIn('zhuguan', phone);
    await page.goto(`${session.harness.baseUrl}/inspection/workbench`);
    // A phone shows time, rule and status; 阿慧's reply was at 12:00.
    const long = findingRow(page, '12:00').filter({ hasText: '引导站外联系' });
    await long.click();
    const detail = page.getByTestId('finding-detail');
    await detail.getByText(/安装师傅的联系方式/).waitFor();
    await screenshot(page, 'inspection-workbench-06-drawer-390');
    await page.keyboard.press('Escape');
    await screenshot(page, 'inspection-workbench-07-table-390');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  test('抽检 draws conversations and scores one against the sheet; 质检得分 shows the agents', async () => {
    const page = await signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/inspection/sampling`);
    await page.getByText('这个周期还没有抽检记录').waitFor();
    await importChats(page);
    await api(page, 'POST', '/api/inspection/score-sheets', {
      title: '客服质检评分表',
      items: [
        { label: '问候与礼貌', points: 20 },
        { label: '解答准确', points: 40 },
        { label: '平台规则合规', points: 40 },
      ],
    });
    await page.reload();
    await page.getByText('客服质检评分表 v1').waitFor();
    await page.getByRole('button', { name: /抽取会话/ }).click();
    const samples = page.getByTestId('samples-table');
    await samples.locator('tbody tr').filter({ hasText: '未评分' }).first().waitFor();
    await samples
      .getByRole('button', { name: /^评\s*分$/ })
      .first()
      .click();
    await page.getByLabel('平台规则合规').fill('10');
    await page.getByTestId('sample-sum').filter({ hasText: '合计 70 / 100 分' }).waitFor();
    await screenshot(page, 'inspection-workbench-08-sample');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await samples.getByText('70', { exact: true }).waitFor();

    await page.getByRole('tab', { name: '质检得分' }).click();
    const scores = page.getByTestId('scores-table');
    await scores.getByText('旗舰店:小美').waitFor();
    await screenshot(page, 'inspection-workbench-09-scores');
    await page.context().close();
  });

  test('1,200 findings: a 200-row page renders and j moves the selection row by row across it', async () => {
    const page = await signIn('zhuguan');
    // 1,200 conversations of 甜甜 (another shop), each offering a WeChat id.
    const many = ['shop,platform,conversation,buyer,agent,sender,time,text,kind'];
    for (let index = 0; index < 1_200; index++) {
      const time = `${yesterday} ${String(8 + Math.floor(index / 100)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}:00`;
      many.push(
        `淘宝企业店,taobao,bulk-${index},buyer_${index},企业店:甜甜,agent,${time},亲，加我微信 wx${index} 给您优惠,human`,
      );
    }
    await api(page, 'POST', '/api/imports', {
      kind: 'messages',
      filename: 'many.csv',
      contentBase64: Buffer.from(many.join('\n')).toString('base64'),
      mode: 'reject',
      dryRun: false,
      wait: true,
    });
    await page.goto(`${session.harness.baseUrl}/inspection/workbench`);
    await page.getByRole('button', { name: /开始质检/ }).click();
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor();
    await page.getByLabel('客服', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '企业店:甜甜' }).click();
    await page.getByText(/共 \d{4} 条/).waitFor();

    const pageSize = page.locator('.ant-pagination-options .ant-select');
    await pageSize.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '200 条/页' }).click();
    await table(page).locator('tbody tr[data-row-key]').nth(199).waitFor();

    // Focus leaves the page-size box (keys typed into a field are not shortcuts).
    await page.getByText(/共 \d{4} 条/).click();
    for (let step = 0; step < 50; step++) await page.keyboard.press('j');
    await table(page).locator('tbody tr[aria-selected="true"]').filter({ hasText: '甜甜' }).waitFor();
    const rows = table(page).locator('tbody tr[data-row-key]');
    await expect(rows.nth(50).getAttribute('aria-selected')).resolves.toBe('true');
    await page.context().close();
  });

  test('规则库: a supervisor turns a rule off for one shop, changes points and adds its own forbidden word; 话术检查 for that shop applies them', async () => {
    const page = await signIn('zhuguan');
    await page.goto(`${session.harness.baseUrl}/inspection/rules`);
    await page.getByText('店铺质检设置').click();
    await page.getByLabel('设置店铺').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '天猫旗舰店' }).click();
    await page.getByText('这家店还没有自定义设置').waitFor();
    await page.getByLabel('缺少问候 启用').click();
    await page.getByLabel('发票规范 本店扣分').fill('3');
    await page.getByRole('button', { name: /添加自定义规则/ }).click();
    await page.getByLabel('名称').fill('本店禁用词');
    await page.getByLabel('规则 id').fill('shop_words');
    await page.getByLabel('禁用词（每行一个）').fill('最便宜\n全网最低');
    // A pattern that does not compile is refused, and the message says which.
    await page.getByLabel('正则表达式（每行一个）').fill('([');
    await page.getByRole('button', { name: /保存为新版本/ }).click();
    await page.locator('.ant-message-error').filter({ hasText: '：' }).waitFor();
    await screenshot(page, 'inspection-workbench-11-bad-pattern');
    await page.getByLabel('正则表达式（每行一个）').fill('');
    await page.getByRole('button', { name: /保存为新版本/ }).click();
    await page.getByText(/已保存，自 \d{4}-\d{2}-\d{2} 起生效/).waitFor();
    await page.getByText(/当前版本：\d{4}-\d{2}-\d{2} 起生效/).waitFor();
    await expect(page.getByLabel('缺少问候 启用').getAttribute('aria-checked')).resolves.toBe('false');
    await expect(page.getByLabel('发票规范 本店扣分').inputValue()).resolves.toBe('3');
    await screenshot(page, 'inspection-workbench-10-shop-settings');

    // The live check of that shop uses the new version at once: its points and its own words.
    await page.goto(`${session.harness.baseUrl}/inspection/check`);
    await page.getByLabel('适用店铺').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '天猫旗舰店' }).click();
    await page.getByLabel('客服回复').fill('亲，特价商品不开发票的哦，我们家全网最低');
    const invoice = page.getByTestId('finding').filter({ hasText: '发票规范' });
    await invoice.getByText('扣 3 分').waitFor();
    await page.getByTestId('finding').filter({ hasText: '本店禁用词' }).waitFor();
    await page.context().close();
  });
});
