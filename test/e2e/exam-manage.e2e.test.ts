import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Demo users; every demo user shares the harness password.
const supervisorLogin = 'zhuguan';
const agentLogin = 'xiaomei';
const paperTitle = '售后规则抽测（主管组卷）';
const examTitle = '十一月售后规则抽测';
const shortAnswer = '先安抚买家情绪，再核实订单并说明退款时效';

const signedInPage = async (login: string, viewport = desktop): Promise<Page> => {
  const page = await session.newPage(viewport);
  await page.goto(`${session.harness.baseUrl}/login`);
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
  await session.fillLogin(page, login, session.harness.admin.password);
  expect((await answered).status()).toBe(200);
  await page.getByText(/你好/).waitFor();
  return page;
};

type Json = Record<string, unknown>;

/** The agent's side through the API (the candidate pages have their own browser test). */
const agentApi = async () => {
  const context = await session.browser.newContext({ baseURL: session.harness.baseUrl });
  const api: APIRequestContext = context.request;
  const login = await api.post('/api/auth/login', {
    data: { login: agentLogin, password: session.harness.admin.password },
  });
  expect(login.status()).toBe(200);
  const headers = { 'x-csrf-token': String(((await login.json()) as Json).csrfToken) };
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) => {
    const response = await api.fetch(url, { method, headers, ...(data === undefined ? {} : { data }) });
    expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
    return response.status() === 204 ? null : ((await response.json()) as Json);
  };
  return { call, close: () => context.close() };
};

/** xiaomei sits the exam: option A of every choice, the short answer, one 切屏, then submits. */
const sitExam = async (examId: string) => {
  const agent = await agentApi();
  const attempt = (await agent.call('POST', `/api/my/exams/${examId}/attempts`)) as {
    id: string;
    questions: { key: string; type: string }[];
  };
  for (const question of attempt.questions) {
    const answer = question.type === 'short_answer' ? shortAnswer : [0];
    await agent.call('PUT', `/api/attempts/${attempt.id}/answers/${question.key}`, { answer, revision: 1 });
  }
  await agent.call('POST', `/api/attempts/${attempt.id}/events`, { kind: 'blur' });
  await agent.call('POST', `/api/attempts/${attempt.id}/events`, { kind: 'focus' });
  await agent.call('POST', `/api/attempts/${attempt.id}/submit`);
  await agent.close();
};

/** Ticks the first `count` rows of the bank picker and confirms. */
const pickQuestions = async (page: Page, section: number, count: number) => {
  const card = page.getByTestId('paper-section').nth(section);
  await card.getByRole('button', { name: /从题库选题/ }).click();
  const picker = page.getByTestId('question-picker');
  await picker.locator('.ant-table-row').first().waitFor();
  for (let row = 0; row < count; row++) await picker.locator('.ant-table-row').nth(row).click();
  await page.getByRole('button', { name: `确定（${count} 题）` }).click();
  await picker.waitFor({ state: 'detached' });
};

describe('考试 for managers: 组卷, 考试安排, results, 试题分析 and 阅卷', () => {
  test('the 试卷 tab lists the built-in 上岗考试 and the composer previews a paper by section', async () => {
    const page = await signedInPage(supervisorLogin);
    await page.goto(`${session.harness.baseUrl}/exams/papers`);
    const papers = page.getByTestId('paper-table');
    await papers.getByText('上岗').first().waitFor();
    await screenshot(page, 'exam-manage-01-papers');

    await page.getByRole('button', { name: '新建试卷' }).click();
    await page.getByLabel('试卷名称').fill(paperTitle);
    const first = page.getByTestId('paper-section').first();
    await first.getByText('固定题目').click();
    await pickQuestions(page, 0, 3);
    await page.getByRole('button', { name: '添加一部分' }).click();
    const second = page.getByTestId('paper-section').nth(1);
    await second.getByLabel('题型').click();
    await page.locator('.ant-select-dropdown:visible').getByText('简答', { exact: true }).click();
    await second.getByText('固定题目').click();
    await pickQuestions(page, 1, 1);

    // The default pass mark (60) is above this paper's 8 points: the preview says so.
    const preview = page.getByTestId('paper-preview');
    await preview.getByTestId('preview-issues').getByText('试卷设置').waitFor();
    await screenshot(page, 'exam-manage-02-composer-issue');
    await page.getByLabel('及格分').fill('2');
    await page.getByLabel('通过即上岗（上岗考试）').click();
    await preview.getByText('题库可以按这些规则出卷').waitFor();
    await expect(preview.locator('.ant-list-item').count()).resolves.toBe(4);
    await screenshot(page, 'exam-manage-03-composer');
    await page.getByRole('button', { name: '保存试卷' }).click();
    await page.getByText('试卷已保存').waitFor();
    await papers.getByText(paperTitle).waitFor();
    await page.context().close();
  });

  test('a supervisor creates an exam for xiaomei, sees her results, grades her short answer and regrades', async () => {
    const page = await signedInPage(supervisorLogin);
    await page.goto(`${session.harness.baseUrl}/exams/sessions`);
    // The demo organisation comes with an open exam for 售前组.
    await page.getByTestId('exam-table').locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'exam-manage-04-sessions');

    await page.getByRole('button', { name: '发起考试' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('试卷').click();
    await page.locator('.ant-select-dropdown:visible').getByText(paperTitle).click();
    await expect(dialog.getByLabel('考试名称').inputValue()).resolves.toBe(paperTitle);
    await dialog.getByLabel('考试名称').fill(examTitle);
    await dialog.getByLabel('考生（客服）').fill(agentLogin);
    await page.locator('.ant-select-dropdown:visible').getByText(`小美（${agentLogin}）`).click();
    await dialog.locator('.ant-modal-title').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await screenshot(page, 'exam-manage-05-create');
    await dialog.getByRole('button', { name: /发\s*起/ }).click();
    await page.getByTestId('exam-results').waitFor();
    const examId = new URL(page.url()).searchParams.get('exam');
    expect(examId).toBeTruthy();

    await sitExam(examId ?? '');
    await page.reload();
    const candidates = page.getByTestId('candidate-table');
    await candidates.getByText('待阅卷').waitFor();
    await expect(candidates.locator('.ant-table-row').count()).resolves.toBe(1);
    await screenshot(page, 'exam-manage-06-results-pending');

    // 阅卷: the answer next to the reference, suggested score prefilled, confirm → queue empty.
    await page.goto(`${session.harness.baseUrl}/exams/grading`);
    const item = page.getByTestId('grading-item');
    await item.getByTestId('grading-answer').getByText(shortAnswer).waitFor();
    await item.getByText('参考答案').waitFor();
    expect(await item.getByLabel('得分').inputValue()).not.toBe('');
    await screenshot(page, 'exam-manage-07-grading');
    await item.getByRole('button', { name: '查看整份答卷' }).click();
    const report = page.getByTestId('attempt-report');
    await report.getByTestId('report-question').nth(3).waitFor();
    await expect(report.getByTestId('report-question').count()).resolves.toBe(4);
    await report.getByText(/切屏 1 次/).waitFor();
    await screenshot(page, 'exam-manage-07b-report');
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'detached' });
    await item.getByLabel('得分').fill('2');
    await item.getByLabel('评语（选填，考生可见）').fill('要点齐全');
    await item.getByRole('button', { name: '确认并下一题' }).click();
    await page.getByTestId('grading-empty').waitFor();

    // Results: graded now, with a distribution, a pass rate and the item analysis.
    await page.goto(`${session.harness.baseUrl}/exams/sessions?exam=${examId}`);
    await page.getByTestId('score-distribution').locator('canvas').waitFor();
    await expect(page.getByTestId('pass-rate').getByText('100%').count()).resolves.toBe(1);
    await candidates.getByText('通过', { exact: true }).waitFor();
    await screenshot(page, 'exam-manage-08-results');
    // The candidate's graded attempt opens from the results as well.
    await candidates.getByRole('button', { name: '查看答卷' }).click();
    await page.getByTestId('attempt-report').getByTestId('report-question').nth(3).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('attempt-report').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '试题分析' }).click();
    const analysis = page.getByTestId('item-analysis');
    await analysis.getByText(/Cronbach/).waitFor();
    await analysis.getByText(/少于 10 份/).waitFor();
    await expect(analysis.locator('.ant-table-row').count()).resolves.toBe(4);
    await screenshot(page, 'exam-manage-09-analysis');

    // 更正答案并重新判分 on a single-choice question: another option becomes the key → regraded.
    await analysis
      .locator('.ant-table-row')
      .filter({ hasText: '单选' })
      .first()
      .getByRole('button', { name: '更正答案并重新判分' })
      .click();
    const editor = page.getByTestId('key-editor');
    await editor.locator('.ant-radio-wrapper:not(.ant-radio-wrapper-checked)').first().click();
    await page.getByRole('button', { name: '保存并重新判分' }).click();
    await page
      .getByTestId('regrade-result')
      .getByText(/已重新判分 1 份答卷/)
      .waitFor();
    await screenshot(page, 'exam-manage-10-regrade');
    await page.keyboard.press('Escape');

    // 调整考试: a late agent is added to the sitting.
    await page.getByRole('button', { name: '调整考试' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('追加考生（客服）').fill('ahui');
    const option = page.locator('.ant-select-dropdown:visible').getByText('阿慧（ahui）');
    await option.waitFor();
    // The open dropdown never counts as "stable" on a loaded machine (it keeps re-measuring), so the
    // click is dispatched to the option directly.
    await option.dispatchEvent('click');
    await edit.locator('.ant-modal-title').click();
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存，现有 2 名考生').waitFor();
    await page.getByRole('tab', { name: '考生（2）' }).waitFor();
    await page.context().close();
  });

  test('the users list and the profile show 上岗 once xiaomei passed the certifying exam', async () => {
    const page = await signedInPage(supervisorLogin);
    await page.goto(`${session.harness.baseUrl}/settings/users`);
    const row = page.locator('.ant-table-row').filter({ hasText: agentLogin });
    await row.getByText(/\d{4}-\d{2}-\d{2}/).waitFor();
    await expect(page.getByText('未上岗').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'exam-manage-11-users');
    await page.context().close();

    const agent = await signedInPage(agentLogin);
    await agent.goto(`${session.harness.baseUrl}/profile`);
    await agent.getByTestId('certified-badge').waitFor();
    await agent.context().close();
  });

  test('on a phone the results page and the grading queue fit the screen', async () => {
    const page = await signedInPage(supervisorLogin, phone);
    await page.goto(`${session.harness.baseUrl}/exams/sessions`);
    await page.getByTestId('exam-table').locator('.ant-table-row').first().click();
    await page.getByTestId('exam-results').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      phone.width,
    );
    await screenshot(page, 'exam-manage-12-phone-results');
    await page.goto(`${session.harness.baseUrl}/exams/grading`);
    await page.getByTestId('grading-empty').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      phone.width,
    );
    await page.context().close();
  });
});
