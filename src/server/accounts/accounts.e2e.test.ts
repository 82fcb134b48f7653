import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../app/demo/demo.seed.js';
import {
  createTestServer,
  demoDataWithPrefix,
  signIn,
  type TestServer,
  testPassword,
} from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;

describe('accounts API', () => {
  let server: TestServer;
  let admin: Session;
  let supervisor: Session;
  let agent: Session;
  let otherAdmin: Session;

  const call = (
    session: Session,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: Record<string, unknown>,
  ) => server.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const idOf = (login: string) =>
    server.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await createTestServer();
    await seedDemo({
      db: server.db,
      clock: server.clock,
      data: demoDataWithPrefix('b-', '乙公司'),
      password: testPassword,
    });
    admin = await signIn(server.app, 'admin');
    supervisor = await signIn(server.app, 'zhuguan');
    agent = await signIn(server.app, 'xiaomei');
    otherAdmin = await signIn(server.app, 'b-admin');
  });
  afterAll(() => server.close());

  test('an admin lists the five demo shops, one per platform', async () => {
    const response = await call(admin, 'GET', '/api/shops');
    expect(response.statusCode).toBe(200);
    const shops = response.json().shops;
    expect(shops.map((shop: { platform: string }) => shop.platform).sort()).toEqual([
      'douyin',
      'jd',
      'pdd',
      'taobao',
      'tmall',
    ]);
    expect(shops[0].timeZone).toBe('Asia/Shanghai');
  });

  test('an agent gets 403 on users, shops, teams and the audit log', async () => {
    for (const url of ['/api/users', '/api/shops', '/api/teams', '/api/sub-accounts', '/api/audit']) {
      const response = await call(agent, 'GET', url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code).toBe('auth.forbidden');
    }
  });

  test('an agent may read their own user but not another agent’s', async () => {
    expect((await call(agent, 'GET', `/api/users/${agent.userId}`)).json().user.login).toBe('xiaomei');
    const other = await idOf('ahui');
    expect([403, 404]).toContain((await call(agent, 'GET', `/api/users/${other.id}`)).statusCode);
  });

  test('a supervisor reads shops and users but cannot create shops or read the audit log', async () => {
    expect((await call(supervisor, 'GET', '/api/shops')).statusCode).toBe(200);
    expect((await call(supervisor, 'GET', '/api/users')).json().users).toHaveLength(10);
    expect((await call(supervisor, 'POST', '/api/shops', { name: '新店', platform: 'jd' })).statusCode).toBe(
      403,
    );
    expect((await call(supervisor, 'GET', '/api/audit')).statusCode).toBe(403);
  });

  test('a supervisor creates agents but not admins, and cannot promote anyone to admin', async () => {
    const created = await call(supervisor, 'POST', '/api/users', {
      login: 'xinren',
      displayName: '新人',
      role: 'agent',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const newAdmin = await call(supervisor, 'POST', '/api/users', {
      login: 'boss2',
      displayName: '老板',
      role: 'admin',
    });
    expect(newAdmin.statusCode).toBe(403);
    const promote = await call(supervisor, 'PATCH', `/api/users/${created.json().user.id}`, {
      role: 'admin',
    });
    expect(promote.statusCode).toBe(403);
  });

  test('an admin creates a user with a team and sub-accounts, and the new password signs in', async () => {
    const teams = (await call(admin, 'GET', '/api/teams')).json().teams;
    const afterSale = teams.find((team: { name: string }) => team.name === '售后组');
    expect(afterSale.memberCount).toBe(4);
    const subAccounts = (await call(admin, 'GET', '/api/sub-accounts')).json().subAccounts;
    const response = await call(admin, 'POST', '/api/users', {
      login: 'xiaoqi',
      displayName: '小七',
      role: 'agent',
      teamId: afterSale.id,
      subAccountIds: [subAccounts[0].id],
      password: 'qi-password-1',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().initialPassword).toBeUndefined();
    expect(response.json().user).toMatchObject({
      teamName: '售后组',
      subAccounts: [{ id: subAccounts[0].id }],
    });
    await signIn(server.app, 'xiaoqi', 'qi-password-1');
  });

  test('a taken login answers 409 conflict naming body.login', async () => {
    const response = await call(admin, 'POST', '/api/users', {
      login: 'xiaomei',
      displayName: '重名',
      role: 'agent',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'conflict', details: [{ path: 'body.login' }] });
  });

  test('an admin changes a role, resets a password and sees both in the audit log', async () => {
    const target = await idOf('tiantian');
    const patched = await call(admin, 'PATCH', `/api/users/${target.id}`, {
      role: 'supervisor',
      displayName: '甜甜主管',
    });
    expect(patched.json().user).toMatchObject({ role: 'supervisor', displayName: '甜甜主管' });
    const reset = await call(admin, 'POST', `/api/users/${target.id}/reset-password`);
    const { password } = reset.json();
    await signIn(server.app, 'tiantian', password);
    const actions = (await call(admin, 'GET', '/api/audit?limit=50'))
      .json()
      .entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['users.role_changed', 'users.password_reset', 'users.created', 'auth.login']),
    );
  });

  test('an admin creates and renames shops and teams', async () => {
    const shop = (await call(admin, 'POST', '/api/shops', { name: '京东旗舰店', platform: 'jd' })).json()
      .shop;
    expect(shop).toMatchObject({ name: '京东旗舰店', platform: 'jd', timeZone: 'Asia/Shanghai' });
    const renamed = await call(admin, 'PATCH', `/api/shops/${shop.id}`, { name: '京东旗舰店二' });
    expect(renamed.json().shop.name).toBe('京东旗舰店二');
    const team = (await call(supervisor, 'POST', '/api/teams', { name: '夜班组' })).json().team;
    expect(team).toMatchObject({ name: '夜班组', memberCount: 0 });
    expect(
      (await call(supervisor, 'PATCH', `/api/teams/${team.id}`, { name: '晚班组' })).json().team.name,
    ).toBe('晚班组');
    const sub = await call(supervisor, 'POST', '/api/sub-accounts', { shopId: shop.id, name: '京东:小京' });
    expect(sub.json().subAccount).toMatchObject({ shopId: shop.id, name: '京东:小京' });
  });

  test('a user of another organisation cannot read or change this one’s shop, team or user by id (404)', async () => {
    const shops = (await call(admin, 'GET', '/api/shops')).json().shops;
    const teams = (await call(admin, 'GET', '/api/teams')).json().teams;
    const user = await idOf('xiaomei');
    expect((await call(otherAdmin, 'GET', `/api/users/${user.id}`)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'PATCH', `/api/users/${user.id}`, { disabled: true })).statusCode).toBe(
      404,
    );
    expect((await call(otherAdmin, 'PATCH', `/api/shops/${shops[0].id}`, { name: 'x' })).statusCode).toBe(
      404,
    );
    expect((await call(otherAdmin, 'PATCH', `/api/teams/${teams[0].id}`, { name: 'x' })).statusCode).toBe(
      404,
    );
    const ownShops = (await call(otherAdmin, 'GET', '/api/shops')).json().shops;
    expect(ownShops.map((shop: { id: string }) => shop.id)).not.toContain(shops[0].id);
    const foreignTeam = await call(otherAdmin, 'POST', '/api/users', {
      login: 'b-spy',
      displayName: '间谍',
      role: 'agent',
      teamId: teams[0].id,
    });
    expect(foreignTeam.statusCode).toBe(400);
    expect(foreignTeam.json().error.details[0].path).toBe('body.teamId');
  });

  test('every invalid body answers 400 validation.failed with the field paths', async () => {
    const cases: [string, string, Record<string, unknown>, string[]][] = [
      ['POST', '/api/shops', { name: '', platform: 'amazon' }, ['body.name', 'body.platform']],
      ['POST', '/api/shops', { name: '店', platform: 'jd', timeZone: 'Mars/Base' }, ['body.timeZone']],
      ['POST', '/api/teams', { name: 42 }, ['body.name']],
      ['POST', '/api/sub-accounts', { shopId: 'not-a-uuid', name: 'x' }, ['body.shopId']],
      ['POST', '/api/users', { login: 'a b', displayName: 'x', role: 'boss' }, ['body.login', 'body.role']],
      ['POST', '/api/users', { login: 'okay', displayName: 'x', role: 'agent', extra: 1 }, ['body']],
      ['PATCH', `/api/users/${agent.userId}`, { disabled: 'yes' }, ['body.disabled']],
    ];
    for (const [method, url, payload, paths] of cases) {
      const response = await call(admin, method as 'POST', url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('validation.failed');
      expect(error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(paths);
    }
  });

  test('a malformed id in the path or query answers 400 naming params.id or query.teamId', async () => {
    const byId = await call(admin, 'GET', '/api/users/42');
    expect(byId.json().error.details[0].path).toBe('params.id');
    const byQuery = await call(admin, 'GET', '/api/users?teamId=nope');
    expect(byQuery.json().error.details[0].path).toBe('query.teamId');
  });

  test('the user list filters by role, team and text', async () => {
    const supervisors = (await call(admin, 'GET', '/api/users?role=supervisor')).json().users;
    expect(supervisors.every((user: { role: string }) => user.role === 'supervisor')).toBe(true);
    const found = (await call(admin, 'GET', `/api/users?q=${encodeURIComponent('晨')}`)).json().users;
    expect(found.map((user: { login: string }) => user.login)).toEqual(['chenchen']);
  });

  test('a disabled user can no longer sign in, and their open sessions end', async () => {
    const session = await signIn(server.app, 'mumu');
    const target = await idOf('mumu');
    expect(
      (await call(admin, 'PATCH', `/api/users/${target.id}`, { disabled: true })).json().user.disabled,
    ).toBe(true);
    expect((await call(session, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'mumu', password: testPassword },
    });
    expect(response.statusCode).toBe(401);
  });

  test('an admin cannot change their own role or disable themselves', async () => {
    const response = await call(admin, 'PATCH', `/api/users/${admin.userId}`, { role: 'agent' });
    expect(response.statusCode).toBe(409);
  });
});
