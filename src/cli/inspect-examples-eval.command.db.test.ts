import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { saveShopSettings } from '../store/inspection-settings.repository.js';
import { kefu, prepareShopDatabase } from './cli.test-utils.js';

describe('kefu inspect examples eval (样本评测)', () => {
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ cleanUp } = await prepareShopDatabase({
      prefix: 'kefu-examples-eval-',
      platform: 'tmall',
      // The shop forbids its own words.
      seed: async ({ db, organizationId, shopId }) => {
        await saveShopSettings({
          db,
          settings: {
            organizationId,
            shopId,
            effectiveFrom: '2020-01-01',
            rules: {},
            custom: [{ id: 'shop_cheapest', title: '店铺禁用词', words: ['全网最低'] }],
            createdBy: null,
            createdAt: new Date('2020-01-01T00:00:00Z'),
          },
        });
      },
    }));
  });
  afterAll(() => cleanUp());

  const add = async (...args: string[]) => {
    const added = await kefu('inspect', 'examples', 'add', ...args);
    expect(added.code, added.stderr).toBe(0);
  };

  test('no examples: says so', async () => {
    const empty = await kefu('inspect', 'examples', 'eval');
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain('（无标注样本）');
  });

  test("scores the shop's library, its own rule included, as a table and as JSON", async () => {
    await add('--shop', '旗舰店', '--agent', '亲，我们是全网最低价', '--rules', 'shop_cheapest');
    await add('--agent', '可以微信转账给我', '--rules', 'offsite_payment');
    // Compliant, but the shop's own words catch it: a false alarm for the shop only.
    await add('--agent', '全网最低价格以页面为准');

    const table = await kefu('inspect', 'examples', 'eval', '--shop', '旗舰店');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('样本评测：旗舰店 · 3 条样本，1 条合规');
    expect(table.stdout).toMatch(
      /offsite_payment\s+线下交易 \/ 站外支付\s+100\.0%\s+100\.0%\s+100\.0%\s+1\s+1\s+0\s+0/,
    );
    // tp 1, fp 1: P 50%, R 100%, F1 66.7%.
    expect(table.stdout).toMatch(
      /shop_cheapest\s+店铺禁用词（店铺自定义）\s+50\.0%\s+100\.0%\s+66\.7%\s+1\s+1\s+1\s+0/,
    );
    // tp 2, fp 1, fn 0: micro-F1 4/5.
    expect(table.stdout).toContain('micro-F1 80.0% · 误报率 100.0%（1/1）');
    expect(table.stdout).toMatch(/✗ \S+ 标注 \[\] 引擎 \[shop_cheapest\] 全网最低价格以页面为准/);

    const json = JSON.parse((await kefu('inspect', 'examples', 'eval', '--format', 'json')).stdout);
    // Without a shop: the built-in library on the organisation-wide examples.
    expect(json).toMatchObject({ shopId: null, examples: 2, compliant: 1, falseAlarms: 0 });
    expect(json.micro).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });

    const unknown = await kefu('inspect', 'examples', 'eval', '--shop', '无此店');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no shop named "无此店"');
  });
});
