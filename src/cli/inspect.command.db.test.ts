import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { textHash } from '../store/metrics.repository.js';
import { kefu, prepareShopDatabase } from './cli.test-utils.js';

describe('kefu inspect', () => {
  let dataDir = '';
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ dataDir, cleanUp } = await prepareShopDatabase({
      prefix: 'kefu-inspect-',
      platform: 'tmall',
      seed: async ({ db, organizationId, shopId }) => {
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
      },
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
