import { describe, expect, test } from 'vitest';
import { desktop, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

describe('考试 across a server restart', () => {
  test('an attempt survives a restart mid-exam: saved answers come back and the exam goes on', async () => {
    const page = await session.newPage(desktop);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${session.harness.baseUrl}/login`);
    await session.fillLogin(page, 'ahui', session.harness.admin.password);
    await page.getByText(/你好/).waitFor();
    await page.goto(`${session.harness.baseUrl}/exams/mine`);
    const card = page.getByTestId('my-exam').filter({ hasText: '客服上岗考试' });
    await card.getByRole('button', { name: /开始考试/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /开始考试/ })
      .click();
    await page.getByTestId('attempt-sitting').waitFor();

    const navigator = page.getByTestId('question-navigator');
    const answerShown = async () => {
      const question = page.getByTestId('attempt-question').first();
      const type = (await question.getAttribute('data-type')) ?? '';
      if (type === 'single' || type === 'multiple')
        await question.locator('.ant-radio-wrapper, .ant-checkbox-wrapper').first().click();
      else if (type === 'true_false') await question.getByText('正确（√）').click();
      else if (type === 'fill_blank')
        for (const input of await question.locator('input').all()) await input.fill('48');
      else await question.locator('textarea').first().fill('亲，您好，我马上为您核实。');
    };
    const allSaved = () =>
      expect
        .poll(() => page.getByTestId('save-status').getAttribute('data-unsaved'), { timeout: 15_000 })
        .toBe('0');

    await answerShown();
    await page.getByRole('button', { name: /下一题/ }).click();
    await answerShown();
    await allSaved();

    await session.harness.restart();

    await page.reload();
    await page.getByTestId('attempt-sitting').waitFor();
    for (const number of [1, 2])
      await expect(
        navigator
          .getByRole('button')
          .nth(number - 1)
          .getAttribute('data-state'),
      ).resolves.toBe('complete');
    // The same attempt goes on after the restart: a new answer is saved, then the exam is submitted.
    await navigator.getByRole('button').nth(2).click();
    await answerShown();
    await allSaved();
    await expect(navigator.getByRole('button').nth(2).getAttribute('data-state')).resolves.toBe('complete');
    await screenshot(page, 'exam-restart-01-after-restart');
    await page.getByTestId('submit-attempt').click();
    await page.getByRole('button', { name: '确定交卷' }).click();
    await page.getByTestId('attempt-result').waitFor();
    await page.context().close();
  });
});
