import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { overrideConfig } from '../../config/config.test-utils.js';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { seedDemo } from '../demo/demo.seed.js';
import { authenticate, login } from './accounts.auth.js';
import { recordAudit } from './accounts.audit.js';
import { listAudit } from './accounts.audit-log.js';
import { AppError } from './accounts.errors.js';
import { createShop } from './accounts.shops.js';
import type { Actor } from './accounts.types.js';
import { createUser, getUser, resetPassword, updateUser } from './accounts.users.js';

const password = 'use-case-password';
const config = overrideConfig({ auth: { loginMaxFailures: 3, loginLockoutMinutes: 10 } });

const stepClock = () => {
  let now = new Date('2026-03-02T01:00:00Z').getTime();
  const advance = (ms: number) => {
    now += ms;
  };
  return { now: () => new Date(now), advance };
};

const errorCode = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe('accounts use-cases', () => {
  let database: DatabaseHandle;
  const clock = stepClock();
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo({ db: database.db, clock, password });
    for (const name of ['admin', 'zhuguan', 'xiaomei', 'ahui']) {
      const signedIn = await login({ db: database.db, clock, config, login: name, password, ip: '10.0.0.1' });
      const auth = await authenticate({ db: database.db, clock, token: signedIn.token, ip: '10.0.0.1' });
      if (!auth) throw new Error(`no session for ${name}`);
      actors[name] = auth.actor;
    }
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock, config });
  const actor = (name: string) => actors[name] as Actor;

  test('the throttle counts failures from one IP across logins, and lifts after the window', async () => {
    for (const name of ['dabao', 'xiaoyu', 'chenchen']) {
      expect(await errorCode(login({ ...deps(), login: name, password: 'wrong-pass', ip: '10.0.0.9' }))).toBe(
        'auth.invalid_credentials',
      );
    }
    expect(await errorCode(login({ ...deps(), login: 'lingling', password, ip: '10.0.0.9' }))).toBe(
      'auth.rate_limited',
    );
    expect(await errorCode(login({ ...deps(), login: 'lingling', password, ip: '10.0.0.8' }))).toBe(
      'no error',
    );
    clock.advance(10 * 60_000 + 1);
    expect(await errorCode(login({ ...deps(), login: 'dabao', password, ip: '10.0.0.9' }))).toBe('no error');
  });

  test('a supervisor cannot edit or reset another supervisor or an admin', async () => {
    const adminUser = await getUser({ ...deps(), actor: actor('admin'), id: actor('admin').userId ?? '' });
    expect(await errorCode(resetPassword({ ...deps(), actor: actor('zhuguan'), id: adminUser.id }))).toBe(
      'auth.forbidden',
    );
    expect(
      await errorCode(updateUser({ ...deps(), actor: actor('zhuguan'), id: adminUser.id, displayName: 'x' })),
    ).toBe('auth.forbidden');
  });

  test('an agent may read only their own profile', async () => {
    const self = await getUser({ ...deps(), actor: actor('xiaomei'), id: actor('xiaomei').userId ?? '' });
    expect(self.login).toBe('xiaomei');
    expect(
      await errorCode(getUser({ ...deps(), actor: actor('xiaomei'), id: actor('ahui').userId ?? '' })),
    ).toBe('auth.forbidden');
  });

  test('resetting a password ends the user’s sessions and forces a change at next sign-in', async () => {
    const signedIn = await login({ ...deps(), login: 'mumu', password, ip: '10.0.0.2' });
    const mumu = signedIn.user.id;
    const { password: fresh } = await resetPassword({ ...deps(), actor: actor('admin'), id: mumu });
    expect(await authenticate({ ...deps(), token: signedIn.token, ip: null })).toBeUndefined();
    const again = await login({ ...deps(), login: 'mumu', password: fresh, ip: '10.0.0.2' });
    expect(again.user.mustChangePassword).toBe(true);
  });

  test('a password shorter than the policy is refused, naming body.password', async () => {
    const attempt = createUser({
      ...deps(),
      actor: actor('admin'),
      login: 'shorty',
      displayName: '短',
      role: 'agent',
      password: 'short',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'validation.failed',
      details: [{ path: 'body.password' }],
    });
  });

  test('creating a shop, and any area’s recordAudit, appear in the audit log newest first with the actor', async () => {
    clock.advance(1000);
    const shop = await createShop({ ...deps(), actor: actor('admin'), name: '测试店', platform: 'pdd' });
    clock.advance(1000);
    await recordAudit({
      ...deps(),
      actor: actor('zhuguan'),
      action: 'exams.answer_key_viewed',
      target: 'paper-1',
      details: { reason: '阅卷' },
    });
    const entries = await listAudit({ ...deps(), actor: actor('admin'), limit: 2 });
    expect(entries.map((entry) => [entry.action, entry.actorLogin, entry.target])).toEqual([
      ['exams.answer_key_viewed', 'zhuguan', 'paper-1'],
      ['shops.created', 'admin', shop.id],
    ]);
    expect(entries[0]?.details).toEqual({ reason: '阅卷' });
    const older = await listAudit({ ...deps(), actor: actor('admin'), limit: 1, before: entries[1]?.at });
    expect(older[0]?.action).not.toBe('shops.created');
  });
});
