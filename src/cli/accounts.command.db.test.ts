import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { verifyPassword } from '../app/accounts/accounts.crypto.js';
import { createDatabase } from '../store/database.js';
import { kefu, prepareEnvironment } from './cli.test-utils.js';

// Each command opens the database afresh; a first on-disk PGlite start takes long on a busy machine.
describe('kefu db, demo and user commands', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-cli-'));
  let dropDatabase: () => Promise<void>;
  beforeAll(async () => {
    dropDatabase = await prepareEnvironment(dataDir);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('db migrate applies the migrations once, then reports the database up to date', async () => {
    const first = await kefu('db', 'migrate');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('0001-accounts');
    expect((await kefu('db', 'migrate')).stdout).toContain('数据库已是最新');
  });

  test('user add before any organisation exists fails on stderr with exit code 1', async () => {
    const result = await kefu('user', 'add', '--login', 'early', '--name', '早鸟', '--role', 'agent');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no organisation yet');
  });

  test('demo seeds the demo organisation and prints a password for every user', async () => {
    const result = await kefu('demo');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/admin\s+admin\s+[A-Za-z2-9]{12}/);
    expect(result.stdout).toMatch(/supervisor\s+zhuguan\s+[A-Za-z2-9]{12}/);
  });

  test('user add creates a user in a team, prints the generated password, and it is stored hashed', async () => {
    const result = await kefu(
      'user',
      'add',
      '--login',
      'xiaobai',
      '--name',
      '小白',
      '--role',
      'agent',
      '--team',
      '售前组',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const password = /初始密码（只显示这一次）：(\S+)/.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    const database = await createDatabase({
      url: process.env.DATABASE_URL || undefined,
      dataDir: process.env.KEFU_DATA_DIR ?? '',
    });
    try {
      const row = await database.db
        .selectFrom('users')
        .innerJoin('teams', 'teams.id', 'users.teamId')
        .select(['users.passwordHash', 'teams.name'])
        .where('users.login', '=', 'xiaobai')
        .executeTakeFirstOrThrow();
      expect(row.name).toBe('售前组');
      expect(await verifyPassword(password ?? '', row.passwordHash)).toBe(true);
    } finally {
      await database.close();
    }
  });

  test('user add with a taken login, an unknown team or a bad role explains what is wrong', async () => {
    const taken = await kefu('user', 'add', '--login', 'xiaobai', '--name', '又一个', '--role', 'agent');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('body.login');
    const team = await kefu(
      'user',
      'add',
      '--login',
      'x2',
      '--name',
      'x',
      '--role',
      'agent',
      '--team',
      '不存在组',
    );
    expect(team.stderr).toContain('no team named "不存在组"');
    const role = await kefu('user', 'add', '--login', 'x3', '--name', 'x', '--role', 'boss');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role must be one of admin, supervisor, agent');
  });

  test('demo run again replaces the demo organisation: the user added to it is gone', async () => {
    expect((await kefu('demo')).code).toBe(0);
    const result = await kefu(
      'user',
      'add',
      '--login',
      'xiaobai',
      '--name',
      '小白',
      '--role',
      'agent',
      '--password',
      'baibai-123',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('初始密码');
  });

  test('every command explains itself with --help', async () => {
    for (const argv of [
      ['serve', '--help'],
      ['db', 'migrate', '--help'],
      ['user', 'add', '--help'],
      ['demo', '--help'],
    ]) {
      const result = await kefu(...argv);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: kefu');
    }
  });
});
