import { describe, expect, test } from 'vitest';
import {
  canManageRole,
  checkPassword,
  decideLoginThrottle,
  hasPermission,
  type LoginAttempt,
  passwordFromRandomBytes,
  permissions,
} from './index.js';

const settings = { maxFailures: 5, lockoutMinutes: 15 };
const t0 = new Date('2026-03-01T08:00:00Z');
const minutesLater = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const failure = (minutes: number, login = 'xiaomei', ip = '10.0.0.1'): LoginAttempt => ({
  login,
  ip,
  at: minutesLater(minutes),
  success: false,
});

describe('hasPermission', () => {
  test('an admin holds every permission', () => {
    expect(permissions.every((permission) => hasPermission('admin', permission))).toBe(true);
  });

  test('a supervisor reads shops and the team but cannot manage shops or read the audit log', () => {
    expect(hasPermission('supervisor', 'shops.read')).toBe(true);
    expect(hasPermission('supervisor', 'users.manage')).toBe(true);
    expect(hasPermission('supervisor', 'shops.manage')).toBe(false);
    expect(hasPermission('supervisor', 'audit.read')).toBe(false);
  });

  test('an agent acts on their own session and profile but manages and reads no organisation data', () => {
    expect(hasPermission('agent', 'self')).toBe(true);
    const accountPermissions = permissions.filter((permission) =>
      /^(shops|subAccounts|teams|users|audit)\./.test(permission),
    );
    expect(accountPermissions.filter((permission) => hasPermission('agent', permission))).toEqual([]);
  });
});

describe('canManageRole', () => {
  test('supervisors manage agents but not other supervisors or admins', () => {
    expect(canManageRole('supervisor', 'agent')).toBe(true);
    expect(canManageRole('supervisor', 'supervisor')).toBe(false);
    expect(canManageRole('supervisor', 'admin')).toBe(false);
    expect(canManageRole('admin', 'admin')).toBe(true);
    expect(canManageRole('agent', 'agent')).toBe(false);
  });
});

describe('checkPassword', () => {
  test('a password shorter than 8 characters, or equal to the login, is refused', () => {
    expect(checkPassword({ password: 'short' })).toEqual(['too_short']);
    expect(checkPassword({ password: 'Xiaomei2026', login: 'xiaomei2026' })).toEqual(['same_as_login']);
    expect(checkPassword({ password: '客服密码很安全吧', login: 'xiaomei' })).toEqual([]);
  });
});

describe('passwordFromRandomBytes', () => {
  test('builds a password of the asked length from unambiguous characters only', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, index) => (index * 37) % 256);
    const password = passwordFromRandomBytes({ randomBytes: bytes, length: 12 });
    expect(password).toHaveLength(12);
    expect(password).not.toMatch(/[0O1lI]/);
  });

  test('when the bytes run out before the length is reached, it returns nothing', () => {
    expect(
      passwordFromRandomBytes({ randomBytes: new Uint8Array([255, 255, 3]), length: 12 }),
    ).toBeUndefined();
  });
});

describe('decideLoginThrottle', () => {
  test('four failures leave the login open', () => {
    const attempts = [0, 1, 2, 3].map((minute) => failure(minute));
    expect(
      decideLoginThrottle({ login: 'xiaomei', ip: '10.0.0.1', attempts, now: minutesLater(4), settings }),
    ).toEqual({
      allowed: true,
    });
  });

  test('after five failures the login is refused until the oldest counted failure leaves the window', () => {
    const attempts = [0, 1, 2, 3, 4].map((minute) => failure(minute));
    const decision = decideLoginThrottle({
      login: 'xiaomei',
      ip: '10.9.9.9',
      attempts,
      now: minutesLater(5),
      settings,
    });
    expect(decision).toEqual({ allowed: false, retryAfterSec: 10 * 60 });
    expect(
      decideLoginThrottle({ login: 'xiaomei', ip: null, attempts, now: minutesLater(15.01), settings }),
    ).toEqual({
      allowed: true,
    });
  });

  test('five failures from one IP address lock that address for other logins too', () => {
    const attempts = ['a', 'b', 'c', 'd', 'e'].map((login, minute) => failure(minute, login));
    const decision = decideLoginThrottle({
      login: 'f',
      ip: '10.0.0.1',
      attempts,
      now: minutesLater(6),
      settings,
    });
    expect(decision.allowed).toBe(false);
    expect(
      decideLoginThrottle({ login: 'f', ip: '10.0.0.2', attempts, now: minutesLater(6), settings }).allowed,
    ).toBe(true);
  });

  test('a successful sign-in clears the earlier failures of that login', () => {
    const attempts = [
      ...[0, 1, 2, 3].map((minute) => failure(minute, 'xiaomei', '10.0.0.2')),
      { login: 'xiaomei', ip: '10.0.0.3', at: minutesLater(4), success: true },
      failure(5, 'xiaomei', '10.0.0.4'),
    ];
    expect(
      decideLoginThrottle({ login: 'xiaomei', ip: '10.0.0.5', attempts, now: minutesLater(6), settings })
        .allowed,
    ).toBe(true);
  });
});
