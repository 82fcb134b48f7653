import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, fetchStatus, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Demo users; every demo user shares the harness password.
const supervisorLogin = 'zhuguan';
const agentLogin = 'xiaomei';

// Five questions; the last has no answer, and one line of site furniture cannot be read.
const paper = [
  '一、单选题(每题2分)',
  '1、买家申请退款后，卖家超时未处理，系统会怎样( B )',
  'A.关闭退款 B.自动退款给买家 C.自动确认收货 D.通知平台客服',
  '2、客服回复买家时最合适的开场白是( A )',
  'A.亲，您好，很高兴为您服务 B.干嘛 C.说 D.等着',
  '二、多选题(每题3分)',
  '3、下列哪些属于引导站外交易的行为( ABC )',
  'A.发微信号 B.发QQ号 C.引导银行转账 D.告知发货时间',
  '三、判断题(每题2分)',
  '4、买家付款后可以免费索要发票。( √ )',
  '5、客服可以在聊天中向买家索要支付宝密码。',
  '@@@@ ####',
].join('\n');

const signedInPage = async (login: string, viewport = desktop): Promise<Page> => {
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

const reviewCards = (page: Page) => page.getByTestId('review-question');
const importAll = (page: Page) => page.getByRole('button', { name: '全部导入' });

describe('考试 → 题库 and 导入试题', () => {
  test('a supervisor browses the built-in bank and opens a question with its answer marked', async () => {
    const page = await signedInPage(supervisorLogin);
    await page.getByRole('menuitem', { name: /考试/ }).click();
    await page.waitForURL(/\/exams\/bank$/);
    await page.getByText(/共 \d+ 题/).waitFor();
    expect(
      Number((await page.getByText(/共 \d+ 题/).textContent())?.match(/\d+/)?.[0]),
    ).toBeGreaterThanOrEqual(230);
    await screenshot(page, 'exams-01-bank');

    await page.locator('.ant-table-row').first().click();
    const detail = page.getByTestId('question-detail');
    await detail.waitFor();
    await expect(detail.getByText('解析').count()).resolves.toBeGreaterThan(0);
    await expect(detail.getByText(/第 1 版/).count()).resolves.toBe(1);
    await screenshot(page, 'exams-02-detail');
    await page.context().close();
  });

  test('a supervisor pastes a paper, fixes the question without an answer, imports all and finds them in 题库', async () => {
    const page = await signedInPage(supervisorLogin);
    await page.goto(`${session.harness.baseUrl}/exams/import`);
    await page.getByLabel('粘贴试卷文本').fill(paper);
    await page.getByRole('button', { name: '识别试题' }).click();
    await expect(reviewCards(page).nth(4).waitFor()).resolves.toBeUndefined();
    expect(await reviewCards(page).count()).toBe(5);

    const flagged = reviewCards(page).nth(4);
    await expect(flagged.getByTestId('review-flag').filter({ hasText: '未识别答案' }).count()).resolves.toBe(
      1,
    );
    await expect(reviewCards(page).nth(0).getByTestId('review-flag').count()).resolves.toBe(0);
    expect(await importAll(page).isDisabled()).toBe(true);
    await page.getByTestId('unread-panel').getByText('未能识别的文本（1 行）').click();
    await page.getByTestId('unread-panel').getByText('@@@@ ####').waitFor();
    await screenshot(page, 'exams-03-preview');

    await flagged.getByRole('button', { name: /修\s*改/ }).click();
    await flagged.getByTestId('review-editor').waitFor();
    await flagged.getByTestId('review-editor').getByText('错误（×）').click();
    await flagged.getByTestId('review-flag').waitFor({ state: 'detached', timeout: 5000 });
    expect(await importAll(page).isEnabled()).toBe(true);
    await screenshot(page, 'exams-04-fixed');

    await importAll(page).click();
    await page.getByText('已导入 5 题').waitFor();
    await screenshot(page, 'exams-05-imported');
    await page.getByRole('button', { name: '去题库查看' }).click();
    await page.waitForURL(/\/exams\/bank$/);
    await page.getByLabel('搜索题干、选项、答案或解析').fill('支付宝密码');
    await page.getByText('共 1 题').waitFor();
    const row = page.locator('.ant-table-row').filter({ hasText: '支付宝密码' });
    await row.click();
    await page.getByTestId('question-detail').getByText('错误（×）').waitFor();
    await screenshot(page, 'exams-06-bank-imported');
    await page.context().close();
  });

  test('the 试卷 tab lists the built-in 上岗考试 as a certifying paper of 100 points, pass mark 80', async () => {
    const page = await signedInPage(supervisorLogin);
    await page.goto(`${session.harness.baseUrl}/exams/papers`);
    const row = page.getByTestId('paper-table').getByRole('row', { name: /客服上岗考试/ });
    await row.waitFor();
    await expect(row.getByText('上岗', { exact: true }).count()).resolves.toBe(1);
    await expect(row.getByRole('cell', { name: '100', exact: true }).count()).resolves.toBe(1);
    await expect(row.getByRole('cell', { name: '80', exact: true }).count()).resolves.toBe(1);
    await screenshot(page, 'exams-07-papers');
    await page.context().close();
  });

  test('on a phone the bank and the import preview fit the screen', async () => {
    const page = await signedInPage(supervisorLogin, phone);
    await page.goto(`${session.harness.baseUrl}/exams/bank`);
    await page.getByText(/共 \d+ 题/).waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(phone.width);
    await screenshot(page, 'exams-08-phone-bank');
    await page.goto(`${session.harness.baseUrl}/exams/import`);
    await page.getByLabel('粘贴试卷文本').fill(paper);
    await page.getByRole('button', { name: '识别试题' }).click();
    await reviewCards(page).nth(4).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      phone.width,
    );
    await screenshot(page, 'exams-09-phone-import');
    await page.context().close();
  });

  test('an agent sees no question bank and the API refuses them', async () => {
    const page = await signedInPage(agentLogin);
    await page.goto(`${session.harness.baseUrl}/exams`);
    // Agents get their own exams and 错题本, never the bank.
    await page.getByRole('tab', { name: '我的考试' }).waitFor();
    await expect(page.getByRole('tab', { name: '题库' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('question-table').count()).resolves.toBe(0);
    expect(await fetchStatus(page, '/api/questions')).toBe(403);
    expect(await fetchStatus(page, '/api/questions/q-timing-001')).toBe(403);
    await page.context().close();
  });
});
