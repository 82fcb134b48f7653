import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { overrideConfig } from './config.test-utils.js';

describe('loadConfig', () => {
  test('when nothing is set, every key takes its documented default', () => {
    const config = loadConfig({ env: {} });
    expect(config.server).toEqual({
      port: 3000,
      host: '0.0.0.0',
      cookieSecure: false,
      trustProxy: false,
      logLevel: 'info',
    });
    expect(config.store).toEqual({ dataDir: './.kefu-data', databaseUrl: undefined });
    expect(config.auth).toEqual({ sessionTtlHours: 12, loginMaxFailures: 5, loginLockoutMinutes: 15 });
  });

  test('when variables are set, their values are parsed into typed settings', () => {
    const config = loadConfig({
      env: { PORT: '8080', KEFU_COOKIE_SECURE: '1', DATABASE_URL: 'memory://', KEFU_LOGIN_MAX_FAILURES: '3' },
    });
    expect(config.server.port).toBe(8080);
    expect(config.server.cookieSecure).toBe(true);
    expect(config.store.databaseUrl).toBe('memory://');
    expect(config.auth.loginMaxFailures).toBe(3);
  });

  test('when values are invalid, the error names every bad variable', () => {
    const attempt = () => loadConfig({ env: { PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' } });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT="abc"/);
    expect(attempt).toThrow(/LOG_LEVEL="loud"/);
    expect(attempt).toThrow(/DATABASE_URL="mysql:\/\/x"/);
  });
});

describe('overrideConfig', () => {
  test('when a test overrides one key, the other keys keep their defaults', () => {
    const config = overrideConfig({ auth: { loginMaxFailures: 2 } });
    expect(config.auth).toEqual({ sessionTtlHours: 12, loginMaxFailures: 2, loginLockoutMinutes: 15 });
  });
});
