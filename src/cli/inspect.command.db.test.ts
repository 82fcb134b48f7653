import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kefu, prepareShopDatabase, storeInspectionChats } from './cli.test-utils.js';

describe('kefu inspect', () => {
  let dataDir = '';
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ dataDir, cleanUp } = await prepareShopDatabase({
      prefix: 'kefu-inspect-',
      platform: 'tmall',
      seed: storeInspectionChats,
    }));
  });
  afterAll(() => cleanUp());

  test('inspects a period and prints findings by rule and agent with the speed', async () => {
    const result = await kefu('inspect', '--from', '2026-03-02', '--to', '2026-03-02');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/offsite_contact\s+1/);
    expect(result.stdout).toMatch(/no_greeting\s+1/);
    expect(result.stdout).toMatch(/旗舰店:小美\s+2\s+7/);
    expect(result.stdout).toContain('检查 4 条消息，发现 2 条问题');
  });

  test('missing dates are a usage error; an unknown shop is named', async () => {
    expect((await kefu('inspect', '--from', '2026-03-02')).code).toBe(2);
    const unknown = await kefu('inspect', '--from', '2026-03-02', '--to', '2026-03-02', '--shop', '无此店');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no shop named "无此店"');
    const backwards = await kefu('inspect', '--from', '2026-03-05', '--to', '2026-03-02');
    expect(backwards.stderr).toContain('body.to: 结束日期早于开始日期');
  });

  test('export writes reviewed findings as eval lines (none reviewed yet: an empty file)', async () => {
    const out = join(dataDir, 'reviewed.jsonl');
    const result = await kefu('inspect', 'export', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已导出 0 条');
    expect(readFileSync(out, 'utf8')).toBe('');
  });
});
