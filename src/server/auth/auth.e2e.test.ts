import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { overrideConfig } from '../../config/config.test-utils.js';
import { createTestServer, signIn, type TestServer, testPassword } from '../server.test-utils.js';

const login = (server: TestServer, body: unknown) =>
  server.app.inject({ method: 'POST', url: '/api/auth/login', payload: body as Record<string, unknown> });

describe('POST /api/auth/login', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  test('with the right password, it answers the user and a CSRF token, and sets an httpOnly SameSite cookie', async () => {
    const response = await login(server, { login: 'admin', password: testPassword });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ login: 'admin', displayName: '王店长', role: 'admin', teamId: null });
    expect(body.csrfToken).toEqual(expect.any(String));
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^kefu_session=[^;]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
  });

  test('with a wrong password, it answers 401 auth.invalid_credentials and sets no cookie', async () => {
    const response = await login(server, { login: 'admin', password: 'not-the-password' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.invalid_credentials');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  test('an unknown login gets the same answer as a wrong password', async () => {
    const response = await login(server, { login: 'nobody', password: 'whatever1' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.invalid_credentials');
  });

  test('the users table holds an scrypt hash, never the password itself', async () => {
    const row = await server.db
      .selectFrom('users')
      .select('passwordHash')
      .where('login', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row.passwordHash).not.toContain(testPassword);
  });

  test('a body without a password answers 400 naming body.password', async () => {
    const response = await login(server, { login: 'admin' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'validation.failed',
      details: [{ path: 'body.password' }],
    });
  });

  test('sign-ins, successful and failed, are written to the audit log', async () => {
    const rows = await server.db.selectFrom('auditLog').select(['action', 'target']).orderBy('at').execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'auth.login', target: 'admin' },
        { action: 'auth.login_failed', target: 'admin' },
      ]),
    );
  });
});

describe('the session', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ config: overrideConfig({ server: { cookieSecure: true } }) });
  });
  afterAll(() => server.close());

  test('when KEFU_COOKIE_SECURE is on, the cookie is marked Secure', async () => {
    const response = await login(server, { login: 'zhuguan', password: testPassword });
    expect(String(response.headers['set-cookie'])).toContain('Secure');
  });

  test('GET /api/auth/me answers the signed-in user and the same CSRF token', async () => {
    const session = await signIn(server.app, 'xiaomei');
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      csrfToken: session.csrfToken,
      user: { login: 'xiaomei', role: 'agent', teamName: '售前组', subAccounts: [{ name: '旗舰店:小美' }] },
    });
    expect(response.json().permissions).toContain('self');
    expect(response.json().permissions).not.toContain('users.read');
  });

  test('without a cookie, /api/auth/me answers 401 auth.unauthenticated', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.unauthenticated');
  });

  test('a mutation without x-csrf-token answers 403 auth.csrf_invalid', async () => {
    const session = await signIn(server.app, 'xiaomei');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.headers.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.csrf_invalid');
    const wrong = await server.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.headers.cookie, 'x-csrf-token': 'forged' },
    });
    expect(wrong.json().error.code).toBe('auth.csrf_invalid');
  });

  test('logout ends the session: the cookie is cleared and /api/auth/me answers 401 afterwards', async () => {
    const session = await signIn(server.app, 'ahui');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(String(response.headers['set-cookie'])).toMatch(/kefu_session=;/);
    const after = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(after.statusCode).toBe(401);
  });

  test('a session expires after KEFU_SESSION_TTL_HOURS', async () => {
    const session = await signIn(server.app, 'dabao');
    server.clock.advance(12 * 3_600_000 + 1000);
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: session.headers,
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /api/auth/password', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  test('with the right current password, the new one works and the old one no longer does', async () => {
    const session = await signIn(server.app, 'xiaoyu');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { currentPassword: testPassword, newPassword: '新的密码abc123' },
    });
    expect(response.statusCode).toBe(200);
    expect((await login(server, { login: 'xiaoyu', password: '新的密码abc123' })).statusCode).toBe(200);
    expect((await login(server, { login: 'xiaoyu', password: testPassword })).statusCode).toBe(401);
  });

  test('with a wrong current password it answers 401, and a short new password 400 naming the field', async () => {
    const session = await signIn(server.app, 'chenchen');
    const wrong = await server.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { currentPassword: 'wrong-one', newPassword: 'long-enough-1' },
    });
    expect(wrong.statusCode).toBe(401);
    const short = await server.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { currentPassword: testPassword, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([expect.objectContaining({ path: 'body.newPassword' })]);
  });
});

describe('a one-time or reset password', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  test('opens only the password change until it is replaced', async () => {
    const admin = await signIn(server.app, 'admin');
    const agent = await signIn(server.app, 'xiaoyu');
    const reset = await server.app.inject({
      method: 'POST',
      url: `/api/users/${agent.userId}/reset-password`,
      headers: admin.headers,
    });
    expect(reset.statusCode).toBe(200);
    const oneTime = reset.json<{ password: string }>().password;
    const session = await signIn(server.app, 'xiaoyu', oneTime);
    const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(me.json().user.mustChangePassword).toBe(true);
    const blocked = await server.app.inject({ method: 'GET', url: '/api/rules', headers: session.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.password_change_required');
    const changed = await server.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { currentPassword: oneTime, newPassword: '自己的新密码abc123' },
    });
    expect(changed.statusCode).toBe(200);
    const open = await server.app.inject({ method: 'GET', url: '/api/rules', headers: session.headers });
    expect(open.statusCode).toBe(200);
  });
});

describe('login throttling', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  test('after 5 failures the 6th attempt answers 429 with retryAfterSec, even with the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login(server, { login: 'lingling', password: `wrong-${attempt}` })).statusCode).toBe(401);
    }
    const response = await login(server, { login: 'lingling', password: testPassword });
    expect(response.statusCode).toBe(429);
    const { error } = response.json();
    expect(error.code).toBe('auth.rate_limited');
    expect(error.details[0].retryAfterSec).toBe(15 * 60);
    expect(response.headers['retry-after']).toBe('900');
  });

  test('once the lockout window has passed, the right password works again', async () => {
    server.clock.advance(15 * 60_000 + 1000);
    expect((await login(server, { login: 'lingling', password: testPassword })).statusCode).toBe(200);
  });
});

describe('login throttling behind a reverse proxy', () => {
  const failFive = async (server: TestServer, forwardedFor: string) => {
    for (const name of ['ahui', 'dabao', 'mumu', 'tiantian', 'xiaoyu']) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { login: name, password: 'wrong-password' },
      });
      expect(response.statusCode).toBe(401);
    }
  };
  const signInFrom = (server: TestServer, forwardedFor: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { login: 'xiaomei', password: testPassword },
    });

  test('with KEFU_TRUST_PROXY, one client locked out by IP does not lock out another behind the same proxy', async () => {
    const server = await createTestServer({ config: overrideConfig({ server: { trustProxy: true } }) });
    try {
      await failFive(server, '203.0.113.7');
      expect((await signInFrom(server, '203.0.113.7')).statusCode).toBe(429);
      expect((await signInFrom(server, '198.51.100.20')).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });

  test('without it, X-Forwarded-For is ignored, so a client cannot dodge the lockout by forging it', async () => {
    const server = await createTestServer();
    try {
      await failFive(server, '203.0.113.7');
      expect((await signInFrom(server, '198.51.100.20')).statusCode).toBe(429);
    } finally {
      await server.close();
    }
  });
});
