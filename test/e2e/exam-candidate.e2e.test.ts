import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { desktop, horizontalOverflow, phone, screenshot, screenshotDir } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

// Demo users (every demo user shares the harness password): the demo seed assigns an open
// 上岗考试 to the 售前组 agents; xiaomei and ahui are two of them, zhuguan is a supervisor.
const demoExam = '客服上岗考试（默认卷） · 售前组';
const reply = '亲，非常理解您的心情，我这边马上为您核实订单情况，请您稍等一下哦。';

type Json = Record<string, unknown>;

/** Calls the API as `login` (a separate browser context with its own session and CSRF token). */
const apiAs = async (login: string) => {
  const context = await session.browser.newContext({ baseURL: session.harness.baseUrl });
  const api: APIRequestContext = context.request;
  const signedIn = await api.post('/api/auth/login', {
    data: { login, password: session.harness.admin.password },
  });
  expect(signedIn.status()).toBe(200);
  const headers = { 'x-csrf-token': String(((await signedIn.json()) as Json).csrfToken) };
  const call = async <T>(method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> => {
    const response = await api.fetch(url, { method, headers, ...(data === undefined ? {} : { data }) });
    expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
  return { call, close: () => context.close() };
};

/**
 * A supervisor sets a two-question single-choice exam titled `title` for `login` that releases
 * the key on submit (so the 错题本 fills at once) and closes in `closesInMs`; returns each
 * question's correct option.
 */
const setSmallExam = async (login: string, title: string, closesInMs = 86_400_000) => {
  const supervisor = await apiAs('zhuguan');
  const { questions } = await supervisor.call<{ questions: { id: string }[] }>(
    'GET',
    '/api/questions?type=single&limit=2',
  );
  const keys: number[] = [];
  for (const question of questions) {
    const detail = await supervisor.call<{ question: { answer: number[] } }>(
      'GET',
      `/api/questions/${question.id}`,
    );
    keys.push(detail.question.answer[0] ?? 0);
  }
  const paper = await supervisor.call<{ id: string }>('POST', '/api/papers', {
    title,
    description: '两道单选题',
    sections: [{ title: '单选题', type: 'single', pointsEach: 5, questionIds: questions.map((q) => q.id) }],
    passMark: 5,
    timeLimitMinutes: 10,
    attemptsAllowed: 1,
    shuffleQuestions: false,
    shuffleOptions: false,
    showScore: 'on_submit',
    showKey: 'on_submit',
    certifies: false,
  });
  const { users } = await supervisor.call<{ users: { id: string; login: string }[] }>(
    'GET',
    `/api/users?q=${login}`,
  );
  const now = Date.now();
  await supervisor.call('POST', '/api/exams', {
    paperId: paper.id,
    title,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + closesInMs).toISOString(),
    userIds: users.filter((user) => user.login === login).map((user) => user.id),
  });
  await supervisor.close();
  return keys;
};

const signedInPage = async (login: string, viewport = desktop): Promise<Page> => {
  const page = await session.newPage(viewport);
  await page.goto(`${session.harness.baseUrl}/login`);
  await session.fillLogin(page, login, session.harness.admin.password);
  await page.getByText(/你好/).waitFor();
  // Reloading with unsaved answers asks first (beforeunload); the tests reload on purpose.
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
};

/** Opens 我的考试, starts the demo exam through its confirmation and returns the attempt id. */
const startDemoExam = async (page: Page): Promise<string> => {
  await page.goto(`${session.harness.baseUrl}/exams`);
  await page.waitForURL(/\/exams\/mine$/);
  const card = page.getByTestId('my-exam').filter({ hasText: demoExam });
  await card.getByRole('button', { name: /开始考试/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /开始考试/ })
    .click();
  await page.waitForURL(/\/exams\/attempt\//);
  await page.getByTestId('attempt-sitting').waitFor();
  return page.url().split('/').at(-1) ?? '';
};

const current = (page: Page): Locator => page.getByTestId('attempt-question').first();

/** Answers the question on screen: the first option, 正确, or text in every blank/box. */
const answerShown = async (page: Page): Promise<string> => {
  const card = current(page);
  const type = (await card.getAttribute('data-type')) ?? '';
  if (type === 'single' || type === 'multiple')
    await card.locator('.ant-radio-wrapper, .ant-checkbox-wrapper').first().click();
  else if (type === 'true_false') await card.getByText('正确（√）').click();
  else if (type === 'fill_blank')
    for (const input of await card.locator('input').all()) await input.fill('48小时');
  else await card.locator('textarea').first().fill(reply);
  return type;
};

/** What the page keeps in localStorage for the attempt (unsaved answers), or null. */
const storedDrafts = (page: Page, attemptId: string) =>
  page.evaluate<string | null>(`localStorage.getItem('kefu.exam-attempt.${attemptId}')`);

/** The visible part only: the 42-question pages are too long to read as one full-page image. */
const viewShot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(screenshotDir, `${name}.png`), animations: 'disabled' });

const saveStatus = (page: Page) => page.getByTestId('save-status');
const navButton = (page: Page, number: number) =>
  page
    .getByTestId('question-navigator')
    .getByRole('button')
    .nth(number - 1);

describe('考试 for candidates: 我的考试, sitting an exam, autosave, 交卷 and the result', () => {
  test('an agent sits the demo 上岗考试, reloads mid-exam with her answers kept, submits and sees her score', async () => {
    const page = await signedInPage('xiaomei');
    const attemptId = await startDemoExam(page);
    await expect(page.getByTestId('countdown').textContent()).resolves.toMatch(/\b(59:\d\d|1:00:00)$/);

    const types: string[] = [];
    for (let number = 1; number <= 3; number++) {
      types.push(await answerShown(page));
      await page.getByRole('button', { name: /下一题/ }).click();
    }
    await page.getByRole('button', { name: /标\s*记/ }).click();
    await expect.poll(() => saveStatus(page).getAttribute('data-unsaved'), { timeout: 10_000 }).toBe('0');
    await saveStatus(page).getByText('答案已全部保存').waitFor();
    await expect(navButton(page, 1).getAttribute('data-state')).resolves.toBe('complete');
    await expect(navButton(page, 4).getAttribute('data-flagged')).resolves.toBe('true');
    await screenshot(page, 'exam-candidate-01-sitting');

    // A reload comes back to the same attempt with every answer and mark from the server.
    await page.reload();
    await page.getByTestId('attempt-sitting').waitFor();
    for (let number = 1; number <= 3; number++)
      await expect(navButton(page, number).getAttribute('data-state')).resolves.toBe('complete');
    await expect(navButton(page, 4).getAttribute('data-flagged')).resolves.toBe('true');
    await expect(navButton(page, 5).getAttribute('data-state')).resolves.toBe('empty');
    await page.getByText('显示全部', { exact: true }).click();
    await expect(page.getByTestId('attempt-question').count()).resolves.toBeGreaterThan(30);
    await viewShot(page, 'exam-candidate-02-all-questions');
    for (const type of ['fill_blank', 'scenario']) {
      const card = page.locator(`[data-testid="attempt-question"][data-type="${type}"]`).first();
      await card.screenshot({ path: resolve(screenshotDir, `exam-candidate-02-${type}.png`) });
    }
    await page.getByText('逐题作答', { exact: true }).click();

    // 交卷 lists what is unanswered; a number there jumps back to that question.
    await page.getByTestId('submit-attempt').click();
    const summary = page.getByTestId('submit-summary');
    await summary.getByText(/还有 \d+ 题未作答/).waitFor();
    // The dialog zooms in; wait for it to finish so the screenshot shows it.
    await expect
      .poll(() =>
        page
          .locator('.ant-modal')
          .evaluate(
            (modal) => (modal as unknown as { getAnimations: () => unknown[] }).getAnimations().length,
          ),
      )
      .toBe(0);
    await viewShot(page, 'exam-candidate-03-submit-confirm');
    await summary.getByRole('button', { name: '5', exact: true }).click();
    await expect(navButton(page, 5).getAttribute('aria-current')).resolves.toBe('true');
    await page.getByTestId('submit-attempt').click();
    await page.getByRole('button', { name: '确定交卷' }).click();
    const result = page.getByTestId('attempt-result');
    // The shuffled paper may have put a 话术题 among the three: a grader then has the last word.
    const graderNeeded = types.includes('scenario') || types.includes('short_answer');
    if (graderNeeded)
      await result
        .getByText(/等待主管阅卷/)
        .first()
        .waitFor();
    else {
      await result
        .getByTestId('result-score')
        .getByText(/\d+(\.\d+)? \/ 100 分/)
        .waitFor();
      await result.getByText('未通过').waitFor();
    }
    await result.getByText('答案与解析暂未公布。').waitFor();
    expect(await result.getByTestId('answer-key').count()).toBe(0);
    await viewShot(page, 'exam-candidate-04-result');

    // Submitting is final: a reload shows the result, 我的考试 counts the attempt.
    await page.goto(`${session.harness.baseUrl}/exams/attempt/${attemptId}`);
    await page.getByTestId('attempt-result').waitFor();
    await page.getByRole('button', { name: '返回我的考试' }).click();
    const card = page.getByTestId('my-exam').filter({ hasText: demoExam });
    await card.getByText('已作答 1/3 次').waitFor();
    await card.getByText(graderNeeded ? '待阅卷' : /最好成绩：[\d.]+\/100 分/).waitFor();
    await card.getByRole('button', { name: '再考一次' }).waitFor();
    await screenshot(page, 'exam-candidate-04b-mine-after');
    await page.context().close();
  });

  test('with saving blocked the page shows unsaved answers, keeps them over a reload and saves them once unblocked', async () => {
    const page = await signedInPage('ahui', phone);
    await page.goto(`${session.harness.baseUrl}/exams/mine`);
    await page.getByTestId('my-exam').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'exam-candidate-00-phone-mine');
    const attemptId = await startDemoExam(page);
    await page.route('**/api/attempts/*/answers/*', (route) => route.abort('internetdisconnected'));
    await answerShown(page);
    await saveStatus(page)
      .getByText(/未保存 1 题 · 正在重试/)
      .waitFor();
    await expect(storedDrafts(page, attemptId)).resolves.toContain('"revision"');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'exam-candidate-05-phone-unsaved');

    // The reload still cannot save, but the answer is back from this device's storage.
    await page.reload();
    await page.getByTestId('attempt-sitting').waitFor();
    await saveStatus(page)
      .getByText(/未保存 1 题/)
      .waitFor();
    await page.getByRole('button', { name: '答题卡' }).click();
    await expect(navButton(page, 1).getAttribute('data-unsaved')).resolves.toBe('true');
    await screenshot(page, 'exam-candidate-06-phone-navigator');
    await page.keyboard.press('Escape');

    await page.unroute('**/api/attempts/*/answers/*');
    await saveStatus(page).getByText('答案已全部保存').waitFor({ timeout: 20_000 });
    const stored = await page.evaluate(async (id) => {
      const response = await fetch(`/api/attempts/${id}`, { credentials: 'same-origin' });
      return (await response.json()) as { questions: { key: string }[]; answers: Record<string, unknown> };
    }, attemptId);
    expect(Object.keys(stored.answers)).toEqual([stored.questions[0]?.key]);
    await expect(storedDrafts(page, attemptId)).resolves.toBeNull();
    await page.context().close();
  });

  test('with the key released on submit, the result shows it and a wrong answer can be practised in 错题本', async () => {
    const title = '售前规则小测验（公布答案，可练习错题）';
    const keys = await setSmallExam('tiantian', title);
    const page = await signedInPage('tiantian');
    await page.goto(`${session.harness.baseUrl}/exams/mine`);
    const card = page.getByTestId('my-exam').filter({ hasText: title });
    await card.getByRole('button', { name: '开始考试' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /开始考试/ })
      .click();
    await page.getByTestId('attempt-sitting').waitFor();
    const options = await current(page).locator('.ant-radio-wrapper').count();
    const wrong = ((keys[0] ?? 0) + 1) % options;
    await current(page).locator('.ant-radio-wrapper').nth(wrong).click();
    await page.getByRole('button', { name: /下一题/ }).click();
    await current(page)
      .locator('.ant-radio-wrapper')
      .nth(keys[1] ?? 0)
      .click();
    await saveStatus(page).getByText('答案已全部保存').waitFor();
    await page.getByTestId('submit-attempt').click();
    await page.getByTestId('submit-summary').getByText('2 道题都已作答。').waitFor();
    await page.getByRole('button', { name: '确定交卷' }).click();
    const result = page.getByTestId('attempt-result');
    await result.getByTestId('result-score').getByText('5 / 10 分').waitFor();
    await result.getByText('通过', { exact: true }).waitFor();
    const first = result.getByTestId('result-item').first().locator('li');
    await expect(first.nth(wrong).getAttribute('data-chosen')).resolves.toBe('true');
    await expect(first.nth(keys[0] ?? 0).getAttribute('data-correct')).resolves.toBe('true');
    await screenshot(page, 'exam-candidate-09-result-with-key');

    await page.goto(`${session.harness.baseUrl}/exams/wrong`);
    const item = page.getByTestId('wrong-question');
    await item.first().waitFor();
    await expect(item.count()).resolves.toBe(1);
    await item.getByText(/答错 1 次/).waitFor();
    await item.getByRole('button', { name: /练\s*习/ }).click();
    await item.locator('.ant-radio-wrapper').nth(wrong).click();
    await item.getByRole('button', { name: '检查答案' }).click();
    await item.getByText(/还不对/).waitFor();
    await item.getByRole('button', { name: '再练一次' }).click();
    await item
      .locator('.ant-radio-wrapper')
      .nth(keys[0] ?? 0)
      .click();
    await item.getByRole('button', { name: '检查答案' }).click();
    await item.getByText('回答正确').waitFor();
    await screenshot(page, 'exam-candidate-10-wrong-practice');
    await page.context().close();
  });

  test('the countdown follows the server clock when the device clock is wrong, and time up shows the result', async () => {
    // The exam closes 25 s from now, so the attempt's deadline is the close, not the 10 minutes.
    const title = '限时抽查：时间到自动交卷';
    await setSmallExam('dabao', title, 25_000);
    const page = await signedInPage('dabao', phone);
    // The device runs two hours fast: a countdown from Date.now() would already be over.
    await page.clock.setSystemTime(new Date(Date.now() + 2 * 3_600_000));
    await page.goto(`${session.harness.baseUrl}/exams/mine`);
    const card = page.getByTestId('my-exam').filter({ hasText: title });
    await card.getByRole('button', { name: '开始考试' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /开始考试/ })
      .click();
    await page.getByTestId('attempt-sitting').waitFor();
    expect(await page.evaluate<number>('Date.now()')).toBeGreaterThan(Date.now() + 3_600_000);
    const shown = (await page.getByTestId('countdown').textContent())?.trim() ?? '';
    const seconds = Number(/00:(\d\d)$/.exec(shown)?.[1] ?? Number.NaN);
    expect(seconds, shown).toBeGreaterThan(5);
    expect(seconds, shown).toBeLessThanOrEqual(25);
    await current(page).locator('.ant-radio-wrapper').first().click();
    await saveStatus(page).getByText('答案已全部保存').waitFor();
    const result = page.getByTestId('attempt-result');
    await result.waitFor({ timeout: 45_000 });
    await result.getByText(/系统已自动交卷/).waitFor();
    await result
      .getByTestId('result-score')
      .getByText(/\/ 10 分/)
      .waitFor();
    await expect(
      result.getByTestId('result-item').first().locator('li[data-chosen="true"]').count(),
    ).resolves.toBe(1);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'exam-candidate-11-phone-time-up-result');
    await page.context().close();
  });

  test('the empty states: no exam for a supervisor, an empty 错题本 until a key is released', async () => {
    const page = await signedInPage('zhuguan', phone);
    await page.goto(`${session.harness.baseUrl}/exams/mine`);
    await page.getByTestId('my-exams-empty').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'exam-candidate-07-phone-mine-empty');
    await page.goto(`${session.harness.baseUrl}/exams/wrong`);
    await page.getByTestId('wrong-empty').waitFor();
    await screenshot(page, 'exam-candidate-08-phone-wrong-empty');
    await page.context().close();
  });
});
