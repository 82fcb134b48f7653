import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { vi } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { Platform } from '../domain/shared/index.js';
import { createDatabase, type Db } from '../store/database.js';
import { insertOrganization } from '../store/organizations.repository.js';
import { insertShop } from '../store/shops.repository.js';
import { runCli } from './cli.js';

/** Runs `kefu …` in-process and returns its exit code and what it printed. */
export const kefu = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  });
  return { code, stdout, stderr };
};

/**
 * Points the CLI's configuration at a database like production does: an on-disk PGlite in
 * `dataDir`, or a fresh database on the server at KEFU_TEST_DATABASE_URL. Returns the clean-up.
 */
export const prepareEnvironment = async (dataDir: string): Promise<() => Promise<void>> => {
  const serverUrl = process.env.KEFU_TEST_DATABASE_URL;
  vi.stubEnv('KEFU_DATA_DIR', dataDir);
  if (!serverUrl) {
    vi.stubEnv('DATABASE_URL', '');
    return async () => undefined;
  }
  const name = `kefu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  vi.stubEnv('DATABASE_URL', url.toString());
  return async () => {
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  };
};

/**
 * A migrated database for CLI tests with one organisation and one shop 旗舰店 on `platform`;
 * `seed` may add rows through the open connection. Returns the clean-up for `afterAll`.
 */
export const prepareShopDatabase = async ({
  prefix,
  platform,
  seed,
}: {
  prefix: string;
  platform: Platform;
  seed?: (context: { db: Db; organizationId: string; shopId: string }) => Promise<void>;
}): Promise<{ dataDir: string; cleanUp: () => Promise<void> }> => {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const dropDatabase = await prepareEnvironment(dataDir);
  const migrated = await kefu('db', 'migrate');
  if (migrated.code !== 0) throw new Error(`kefu db migrate failed: ${migrated.stderr}`);
  const config = loadConfig({ env: process.env });
  const { db, close } = await createDatabase({
    url: config.store.databaseUrl,
    dataDir: config.store.dataDir,
  });
  const organization = await insertOrganization({ db, name: '测试', demo: false, createdAt: new Date() });
  const shop = await insertShop({
    db,
    shop: { organizationId: organization.id, name: '旗舰店', platform, createdAt: new Date() },
  });
  await seed?.({ db, organizationId: organization.id, shopId: shop.id });
  await close();
  const cleanUp = async () => {
    await dropDatabase();
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { dataDir, cleanUp };
};
