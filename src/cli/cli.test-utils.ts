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
import { textHash } from '../store/metrics.repository.js';
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

/**
 * Two chats of 旗舰店:小美 on 2026-03-02 for the 质检 commands: c1 offers a WeChat id (offsite_contact)
 * and opens with a greeting; c2's first reply has none (no_greeting).
 */
export const storeInspectionChats = async ({
  db,
  organizationId,
  shopId,
}: {
  db: Db;
  organizationId: string;
  shopId: string;
}) => {
  const lines = [
    { sender: 'buyer', time: '2026-03-02T02:00:00Z', text: '有微信吗' },
    { sender: 'agent', time: '2026-03-02T02:01:00Z', text: '亲，您好，加我微信 kefu_xiaomei' },
    { sender: 'buyer', time: '2026-03-02T03:00:00Z', text: '在吗' },
    { sender: 'agent', time: '2026-03-02T03:01:00Z', text: 'L 码。' },
  ];
  await db
    .insertInto('messages')
    .values(
      lines.map((line, index) => ({
        organizationId,
        shopId,
        day: 20_514,
        conversation: index < 2 ? 'c1' : 'c2',
        buyer: index < 2 ? 'b1' : 'b2',
        agent: '旗舰店:小美',
        sender: line.sender,
        time: new Date(line.time),
        kind: 'human',
        text: line.text,
        textHash: textHash(line.text),
      })),
    )
    .execute();
};
