import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kefu, prepareShopDatabase } from './cli.test-utils.js';

const fixture = (name: string) => new URL(`../../test/fixtures/metrics/${name}`, import.meta.url).pathname;

describe('kefu import', () => {
  let dataDir = '';
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ dataDir, cleanUp } = await prepareShopDatabase({ prefix: 'kefu-import-', platform: 'tmall' }));
  });
  afterAll(() => cleanUp());

  test('imports a chat export and prints a summary; a second run adds nothing', async () => {
    const first = await kefu('import', 'messages', fixture('one-day.messages.csv'));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('读取 21 行，新增或更新 21 条');
    const second = await kefu('import', 'messages', fixture('one-day.messages.csv'));
    expect(second.stdout).toContain('读取 21 行，新增或更新 0 条');
  });

  test('a bad row fails with file:line (field) on stderr and a non-zero exit', async () => {
    const file = join(dataDir, 'orders.bad.csv');
    writeFileSync(
      file,
      'shop,order,buyer,created,paid,amount,items,status,refund\n旗舰店,o1,b1,yesterday,,1.00,1,created,0\n',
    );
    const result = await kefu('import', 'orders', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:2 (created)`);
    expect(result.stderr).toContain('未导入任何记录');
  });

  test('kefu credit rules who is credited with an imported order, lists and lifts rulings', async () => {
    await kefu('import', 'orders', fixture('one-day.orders.csv'));
    const usage = await kefu('credit', 'rule', '旗舰店', 'o1', '--reason', '缺少落实对象');
    expect(usage.code).toBe(2);
    const stranger = await kefu('credit', 'rule', '旗舰店', 'o1', '--agent', 'a9', '--reason', '他跟进的');
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('body.agent');
    const ruled = await kefu('credit', 'rule', '旗舰店', 'o1', '--agent', 'a1', '--reason', '主管复核');
    expect(ruled.code).toBe(0);
    const listed = JSON.parse((await kefu('credit', 'list', '--format', 'json')).stdout);
    expect(listed.rulings).toEqual([
      expect.objectContaining({ shop: '旗舰店', order: 'o1', agent: 'a1', reason: '主管复核' }),
    ]);
    expect((await kefu('credit', 'clear', '旗舰店', 'o1')).code).toBe(0);
    expect(JSON.parse((await kefu('credit', 'list', '--format', 'json')).stdout).rulings).toEqual([]);
    const restated = await kefu('restatements', '--format', 'json');
    expect(JSON.parse(restated.stdout)).toEqual({ restatements: [] });
  });

  test('an unknown kind is a usage error', async () => {
    expect((await kefu('import', 'buyers', fixture('one-day.orders.csv'))).code).toBe(2);
  });
});
