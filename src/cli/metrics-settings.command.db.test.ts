import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kefu, prepareShopDatabase } from './cli.test-utils.js';

describe('kefu metrics-settings', () => {
  let dataDir = '';
  const file = (name: string, content: string) => {
    const path = join(dataDir, name);
    writeFileSync(path, content);
    return path;
  };
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ dataDir, cleanUp } = await prepareShopDatabase({ prefix: 'kefu-metrics-settings-', platform: 'pdd' }));
  });
  afterAll(() => cleanUp());

  test('show lists no version yet and every value as the default, the platform preset included', async () => {
    const result = await kefu('metrics-settings', 'show', '--shop', '旗舰店');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('没有店铺设置');
    expect(result.stdout).toMatch(/slowThresholdSec\s+默认\s+60\n/);
    expect(result.stdout).toMatch(/attribution\s+默认\s+\{"kind":"days","days":3\}\n/);
  });

  test('set saves a version from a day; show then marks the shop’s own values', async () => {
    const overrides = file('shop.json', '{ "slowThresholdSec": 30, "credit": { "mode": "payment" } }');
    const saved = await kefu(
      'metrics-settings',
      'set',
      '--shop',
      '旗舰店',
      '--from',
      '2024-01-01',
      '--file',
      overrides,
    );
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('已保存：旗舰店 自 2024-01-01 起');
    // jsonb keeps keys in its own order.
    expect(saved.stdout).toMatch(/2024-01-01\s+credit\.mode=payment, slowThresholdSec=30\s+kefu-cli/);
    const shown = await kefu('metrics-settings', 'show', '--shop', '旗舰店', '--format', 'json');
    const view = JSON.parse(shown.stdout);
    expect(view.current).toMatchObject({
      effectiveFrom: '2024-01-01',
      settings: { slowThresholdSec: 30, credit: { mode: 'payment', pick: 'last' } },
    });
    const table = await kefu('metrics-settings', 'show', '--shop', '旗舰店');
    expect(table.stdout).toMatch(/slowThresholdSec\s+店铺\s+30\n/);
    expect(table.stdout).toMatch(/credit\.pick\s+默认\s+last\n/);
  });

  test('a bad file is refused naming the file and each field; nothing is saved', async () => {
    const bad = file('bad.json', '{ "slowThresholdSec": -1, "lookback": 7 }');
    const refused = await kefu(
      'metrics-settings',
      'set',
      '--shop',
      '旗舰店',
      '--from',
      '2025-01-01',
      '--file',
      bad,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}.slowThresholdSec`);
    expect(refused.stderr).toContain(`${bad}.lookback: lookback：没有这个设置项`);
    expect(refused.stderr).toContain('响应超时阈值：须大于 0 秒');
    const broken = await kefu(
      'metrics-settings',
      'set',
      '--shop',
      '旗舰店',
      '--from',
      '2025-01-01',
      '--file',
      file('broken.json', '{ slowThresholdSec: 30 }'),
    );
    expect(broken.stderr).toContain('broken.json: not valid JSON');
    const good = file('good.json', '{ "lookBackDays": 7 }');
    const wrongDay = await kefu(
      'metrics-settings',
      'set',
      '--shop',
      '旗舰店',
      '--from',
      '2025-02-30',
      '--file',
      good,
    );
    expect(wrongDay.stderr).toContain('--from: 生效日期：「2025-02-30」不是 YYYY-MM-DD 日期');
    const view = JSON.parse(
      (await kefu('metrics-settings', 'show', '--shop', '旗舰店', '--format', 'json')).stdout,
    );
    expect(view.versions).toHaveLength(1);
  });

  test('an unknown shop is named; missing options are a usage error', async () => {
    const unknown = await kefu('metrics-settings', 'show', '--shop', '无此店');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no shop named "无此店"');
    expect((await kefu('metrics-settings', 'set', '--shop', '旗舰店', '--file', 'x.json')).code).toBe(2);
  });
});
