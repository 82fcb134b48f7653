import { mkdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { desktop } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Yesterday in the shops' zone, so the dashboard's default period (近7天) holds the import.
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
const agents = 1000;
// Long Chinese sub-account names (every other agent), as shops name them, must not break the
// ranking's layout: a long name's row is as high as a short one's.
const agentName = (n: number) =>
  n % 2 === 0
    ? `千人店:售前金牌客服欢迎光临本店超长昵称测试员第${String(n).padStart(4, '0')}号`
    : `千人店:小${n}`;
const shopTime = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * One buyer per agent, two turns each. Agent n answers in ⌈n/2⌉ and ⌊n/2⌋ seconds, a mean of
 * n/2 seconds, so sorted by 平均响应 agent 1000 comes last.
 */
const chats = (): string => {
  const lines = ['shop,platform,buyer,agent,sender,time,text,kind'];
  const nine = Date.parse(`${yesterday}T09:00:00+08:00`);
  for (let n = 1; n <= agents; n++) {
    const line = (sender: string, at: number, text: string) =>
      `千人店,tmall,buyer_${n},${agentName(n)},${sender},${shopTime(at)},${text},human`;
    const asked = nine + n * 30_000;
    const answered = asked + Math.ceil(n / 2) * 1000;
    const again = answered + 5000;
    lines.push(
      line('buyer', asked, '在吗'),
      line('agent', answered, '亲，在的'),
      line('buyer', again, '今天能发货吗'),
      line('agent', again + Math.floor(n / 2) * 1000, '亲，今天下午发出'),
    );
  }
  return lines.join('\n');
};

describe('绩效 agent ranking', () => {
  test('a thousand agents: sorted by a number and scrolled to the end, the last agent is there', async () => {
    const page = await session.signIn('admin', desktop);
    const { shop } = await session.api<{ shop: { id: string } }>(page, 'POST', '/api/shops', {
      name: '千人店',
      platform: 'tmall',
    });
    const { job } = await session.api<{ job: { status: string; rowsInserted: number } }>(
      page,
      'POST',
      '/api/imports',
      {
        kind: 'messages',
        filename: 'thousand.csv',
        contentBase64: Buffer.from(chats()).toString('base64'),
        mode: 'reject',
        shopId: shop.id,
        dryRun: false,
        wait: true,
      },
    );
    expect(job).toMatchObject({ status: 'done', rowsInserted: agents * 4 });

    await page.goto(`${session.harness.baseUrl}/metrics/dashboard`);
    await page.getByLabel('店铺', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '千人店' }).click();
    // Statistic groups digits: 1,000 buyers, one per agent.
    await page.getByTestId('kpi-consulted').getByText('1,000', { exact: true }).waitFor();

    const ranking = page.getByTestId('agent-ranking');
    await ranking.getByRole('columnheader', { name: '平均响应' }).click();
    const holder = ranking.locator('.ant-table-tbody-virtual-holder');
    const rows = ranking.locator('.ant-table-row');
    // Virtual rows measure themselves as they render: scroll to the end until the end stays put,
    // reading the rendered rows in one go (the list may re-render between two separate reads).
    const lastTwo = async () => {
      await holder.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      const texts = await rows.evaluateAll((elements) =>
        elements.map((element) => element.textContent ?? ''),
      );
      return texts.slice(-2);
    };
    await expect
      .poll(lastTwo)
      .toEqual([
        expect.stringContaining(agentName(agents - 1)),
        expect.stringMatching(new RegExp(`${agentName(agents)}.*8 分 20 秒`)),
      ]);
    await expect(ranking.getByText(agentName(agents), { exact: true }).isVisible()).resolves.toBe(true);
    // Every rendered row, long name or short, keeps one height: a long name is cut short, not wrapped.
    const heights = await rows.evaluateAll((elements) =>
      elements.map((element) => Math.round(element.getBoundingClientRect().height)),
    );
    expect(new Set(heights).size).toBe(1);

    mkdirSync('/tmp/kefu/shots', { recursive: true });
    await ranking.screenshot({ path: '/tmp/kefu/shots/ranking.png', animations: 'disabled' });

    // The last agent's number still opens the buyer behind it.
    await page.getByRole('button', { name: `${agentName(agents)} 平均响应` }).click();
    await page.getByTestId('explain-buyers').getByText('buyer_1000').first().waitFor();
    // A headline number opens the buyers of every agent the shop filter keeps, and no others.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '全部客服 咨询人数' }).click();
    await page.getByText('全部客服 · 咨询人数').waitFor();
    await page.getByText('共 1000 位买家，显示前 200 位').waitFor();
  });
});
