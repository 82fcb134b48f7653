import { describe, expect, test } from 'vitest';
import { fetchStatus, phone, screenshot } from './browser.js';
import { startBrowserSession } from './session.js';

const session = startBrowserSession();

const newPage = session.newPage;

const signIn = session.fillLogin;

const agent = { login: 'zhouxiaowen', displayName: '周晓雯' };

describe('signing in, managing users and role-based access', () => {
  let agentPassword = '';

  test('a visitor is sent to the login page, and a wrong password is refused in Chinese', async () => {
    const page = await newPage();
    await page.goto(`${session.harness.baseUrl}/settings/users`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByText('登录 Kefu').waitFor();
    await screenshot(page, '01-login-page');

    const refused = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
    await signIn(page, session.harness.admin.login, 'not-the-password');
    expect((await refused).status()).toBe(401);
    await page.getByText('账号或密码错误').waitFor();
    await screenshot(page, '02-login-error');
    await page.context().close();
  });

  test('the admin signs in, lands where they were going and creates an agent with a one-time password', async () => {
    const page = await newPage();
    await page.goto(`${session.harness.baseUrl}/settings/users`);
    await page.waitForURL(/\/login/);
    await signIn(page, session.harness.admin.login, session.harness.admin.password);
    await page.waitForURL(/\/settings\/users$/);
    await page.getByRole('cell', { name: session.harness.admin.login, exact: true }).waitFor();
    await screenshot(page, '04-users-table');

    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('账号', { exact: true }).fill(agent.login);
    await dialog.getByLabel('姓名', { exact: true }).fill(agent.displayName);
    await screenshot(page, '05-create-user-dialog');
    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/users') && response.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await created).status()).toBe(200);

    const secret = page.getByTestId('one-time-secret');
    await page.getByText('初始密码（只显示这一次）').waitFor();
    agentPassword = (await secret.textContent())?.trim() ?? '';
    expect(agentPassword.length).toBeGreaterThanOrEqual(8);
    await screenshot(page, '06-initial-password');
    // The footer button (AntD spaces two-character labels), not the × in the corner named 关闭.
    await page.getByRole('button', { name: /^关 闭$/ }).click();
    await page.getByRole('cell', { name: agent.login, exact: true }).waitFor();

    await page.goto(`${session.harness.baseUrl}/`);
    await page.getByText(/你好/).waitFor();
    await screenshot(page, '03-dashboard');

    await page.setViewportSize(phone);
    await page.goto(`${session.harness.baseUrl}/settings/users`);
    await page.getByRole('cell', { name: agent.login, exact: true }).waitFor();
    // On a phone the side menu is folded away behind the hamburger button.
    await expect(page.getByRole('menuitem', { name: /训练/ }).count()).resolves.toBe(0);
    await screenshot(page, '08-mobile-users-390');
    await page.getByLabel('打开导航').click();
    await page.getByRole('menuitem', { name: /设置/ }).waitFor();
    await screenshot(page, '09-mobile-drawer-390');
    await page.context().close();
  });

  test('the agent signs in, replaces the one-time password, gets 无权访问 on the users page and 403 from /api/users, and logout ends the session', async () => {
    expect(agentPassword).not.toBe('');
    const page = await newPage();
    await page.goto(`${session.harness.baseUrl}/login`);
    await signIn(page, agent.login, agentPassword);
    // A one-time password opens only the profile page until it is replaced.
    await page.waitForURL(/\/profile$/);
    await page.getByText(/请先修改密码/).waitFor();
    await screenshot(page, '07a-must-change-password');
    const ownPassword = '我自己的密码abc123';
    await page.getByLabel('当前密码').fill(agentPassword);
    await page.getByLabel('新密码', { exact: true }).fill(ownPassword);
    await page.getByLabel('确认新密码').fill(ownPassword);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();
    await page.goto(`${session.harness.baseUrl}/`);
    await page.getByText(`你好，${agent.displayName}`).waitFor();
    await expect(page.getByRole('menuitem', { name: /设置/ }).count()).resolves.toBe(0);

    const apiCalls: string[] = [];
    page.on('request', (request) => apiCalls.push(new URL(request.url()).pathname));
    await page.goto(`${session.harness.baseUrl}/settings/users`);
    await page.getByText('无权访问').waitFor();
    // The client-side role guard answers before the page asks the API for the user list.
    expect(apiCalls.filter((path) => path.startsWith('/api/users'))).toEqual([]);
    await screenshot(page, '07-forbidden-403');
    expect(await fetchStatus(page, '/api/users')).toBe(403);
    expect(await fetchStatus(page, '/api/auth/me')).toBe(200);

    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);
    await page.reload();
    await page.getByText('登录 Kefu').waitFor();
    expect(await fetchStatus(page, '/api/auth/me')).toBe(401);
    await screenshot(page, '10-after-logout');
    await page.context().close();
  });

  test('when the API answers 403 to a page the role may open, the page shows 无权访问', async () => {
    const page = await newPage();
    await page.goto(`${session.harness.baseUrl}/login`);
    await signIn(page, session.harness.admin.login, session.harness.admin.password);
    await page.getByText(/你好/).waitFor();
    await page.route('**/api/teams', (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'auth.forbidden', message: '无权访问' } }),
      }),
    );
    await page.goto(`${session.harness.baseUrl}/settings/teams`);
    await page.getByText('你的账号没有权限查看此页面。如需访问，请联系管理员。').waitFor();
    await page.context().close();
  });
});
