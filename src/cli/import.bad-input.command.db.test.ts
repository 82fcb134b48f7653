import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createDatabase } from '../store/database.js';
import { kefu, prepareShopDatabase } from './cli.test-utils.js';

// Bad input through `kefu import` and the database: a clear Chinese error naming file, line and
// field, and not one row stored — also when a 2 GB file turns into zeros after thousands of good
// rows, which skip mode has already written in batches before the zeros are reached.

const gib = 2 ** 30;
const header = 'shop,order,buyer,created,paid,amount,items,status,refund\n';
const row = (i: number) =>
  `旗舰店,bad-input-${i},b${i},2026-03-10 10:00:00,2026-03-10 10:01:00,19.90,1,paid,0\n`;

describe('kefu import with bad input', () => {
  let dataDir = '';
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ dataDir, cleanUp } = await prepareShopDatabase({ prefix: 'kefu-bad-input-', platform: 'tmall' }));
  });
  afterAll(() => cleanUp());

  const storedOrders = async () => {
    const config = loadConfig({ env: process.env });
    const { db, close } = await createDatabase({
      url: config.store.databaseUrl,
      dataDir: config.store.dataDir,
    });
    try {
      const { n } = await db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(n);
    } finally {
      await close();
    }
  };

  test('a negative amount is named by file, line and field in Chinese, and nothing is stored', async () => {
    const file = join(dataDir, 'orders.negative.csv');
    writeFileSync(file, `${header}${row(1)}旗舰店,o2,b2,2026-03-10 10:00:00,,-5.00,1,paid,0\n`);
    const result = await kefu('import', 'orders', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:3 (amount): amount（金额）：-5.00 不能为负数`);
    expect(await storedOrders()).toBe(0);
  });

  test('a 2 GB file that turns into NUL bytes after 5,000 rows fails at that line, storing nothing', async () => {
    const good = join(dataDir, 'orders.good.csv');
    writeFileSync(good, header + row(0));
    expect((await kefu('import', 'orders', good)).code).toBe(0);
    const before = await storedOrders();
    expect(before).toBe(1);
    const file = join(dataDir, 'orders.2gb.csv');
    writeFileSync(file, header + Array.from({ length: 5_000 }, (_, i) => row(i + 1)).join(''));
    truncateSync(file, 2 * gib);
    expect(statSync(file).size).toBe(2 * gib);
    for (const mode of ['reject', 'skip']) {
      const started = Date.now();
      const result = await kefu('import', 'orders', file, '--mode', mode);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `${file}:5002: 第 5002 行含有 NUL 字节：文件从这里起不是文本（文件已损坏，或不是导出的表格），已停止读取`,
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      // Skip mode had written the first batches before the zeros: they were rolled back.
      if (mode === 'skip') expect(result.stderr).toContain('已读取 2000 行');
      expect(await storedOrders()).toBe(before);
    }
  });
});
