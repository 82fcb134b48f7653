import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { insertShop } from '../../store/shops.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { evaluateInspectionExamples } from './inspection.evaluation.js';
import { addInspectionExamples } from './inspection.examples.js';
import { saveShopRuleSettings } from './inspection.settings.js';
import { createInspectionFixture, type InspectionFixture } from './inspection.test-utils.js';

const clock = { now: () => new Date('2026-03-10T02:00:00Z') };
const earlier = { now: () => new Date('2026-03-09T02:00:00Z') };

describe('样本评测 (a shop’s library scored on its 标注样本)', () => {
  let database: DatabaseHandle;
  let fixture: InspectionFixture;

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await createInspectionFixture(database.db);
    const deps = { db: database.db, clock, actor: fixture.supervisor };
    // The shop switches 承诺 off and forbids its own words.
    await saveShopRuleSettings({
      ...deps,
      shopId: fixture.shopId,
      effectiveFrom: '2026-01-01',
      rules: { promise: { enabled: false } },
      custom: [{ id: 'shop_cheapest', title: '店铺禁用词', words: ['全网最低'] }],
    });
    // Organisation-wide, labelled before the shop's own label of the same text.
    await addInspectionExamples({
      ...deps,
      clock: earlier,
      examples: [{ agent: '亲，我们是全网最低价', rules: [] }],
    });
    await addInspectionExamples({
      ...deps,
      examples: [
        { agent: '可以微信转账给我', rules: ['offsite_payment'] },
        { agent: '发票可以开的，按实付金额开具', rules: [] },
        // The engine takes the rebate for 站外付款 and misses the 改价.
        { agent: '亲，拍下后我私下给您返二十', buyer: '能便宜吗', rules: ['price_change'] },
      ],
    });
    await addInspectionExamples({
      ...deps,
      examples: [
        { shopId: fixture.shopId, agent: '亲，我们是全网最低价', rules: ['shop_cheapest'] },
        // The engine also finds the WeChat id the label leaves out.
        { shopId: fixture.shopId, agent: '全网最低，加我微信 abc12345', rules: ['shop_cheapest'] },
        // A rule the shop switched off: not a miss.
        { shopId: fixture.shopId, agent: '保证明天一定到货', rules: ['promise'] },
      ],
    });
    const other = await insertShop({
      db: database.db,
      shop: {
        organizationId: fixture.organizationId,
        name: '专营店',
        platform: 'tmall',
        createdAt: clock.now(),
      },
    });
    await addInspectionExamples({
      ...deps,
      examples: [{ shopId: other.id, agent: '爱买不买', rules: [] }],
    });
  });
  afterAll(() => database.close());

  const evaluate = (shopId?: string) =>
    evaluateInspectionExamples({ db: database.db, clock, actor: fixture.supervisor, shopId });

  test("the shop's library on its examples and the organisation-wide ones, worked out by hand", async () => {
    const result = await evaluate(fixture.shopId);
    // 6 texts (the shop's label of 全网最低价 counts), 1 compliant and clean.
    expect(result).toMatchObject({
      shopId: fixture.shopId,
      examples: 6,
      compliant: 1,
      falseAlarms: 0,
      falseAlarmRate: 0,
    });
    expect(result.rules).toEqual([
      expect.objectContaining({ rule: 'offsite_contact', tp: 0, fp: 1, fn: 0, precision: 0, support: 0 }),
      expect.objectContaining({
        rule: 'offsite_payment',
        tp: 1,
        fp: 1,
        fn: 0,
        precision: 0.5,
        custom: false,
      }),
      expect.objectContaining({ rule: 'price_change', tp: 0, fp: 0, fn: 1, recall: 0, support: 1 }),
      expect.objectContaining({
        rule: 'shop_cheapest',
        tp: 2,
        fp: 0,
        fn: 0,
        f1: 1,
        support: 2,
        custom: true,
      }),
    ]);
    // tp 3, fp 2, fn 1: P 3/5, R 3/4, F1 6/9.
    expect(result.micro).toMatchObject({ tp: 3, fp: 2, fn: 1, precision: 0.6, recall: 0.75 });
    expect(result.micro.f1).toBeCloseTo(2 / 3);
    expect(result.unscored).toEqual([{ rule: 'promise', count: 1 }]);
    expect(result.disagreements).toEqual([
      expect.objectContaining({
        shopId: fixture.shopId,
        agent: '全网最低，加我微信 abc12345',
        engine: ['offsite_contact', 'shop_cheapest'],
        missed: [],
        extra: ['offsite_contact'],
      }),
      expect.objectContaining({
        shopId: null,
        buyer: '能便宜吗',
        missed: ['price_change'],
        extra: ['offsite_payment'],
      }),
    ]);
    expect(result.conflicts).toEqual([expect.objectContaining({ rules: [], firstRules: ['shop_cheapest'] })]);
    expect(result.titles).toMatchObject({ shop_cheapest: '店铺禁用词', promise: expect.any(String) });
    expect(result.titles.promise).not.toBe('promise');
  });

  test('without a shop: the organisation-wide examples with the built-in library', async () => {
    const result = await evaluate();
    expect(result).toMatchObject({ shopId: null, examples: 4, compliant: 2, falseAlarms: 0, unscored: [] });
    expect(result.rules.map((entry) => [entry.rule, entry.tp, entry.fp, entry.fn])).toEqual([
      ['offsite_payment', 1, 1, 0],
      ['price_change', 0, 0, 1],
    ]);
    // tp 1, fp 1, fn 1.
    expect(result.micro.f1).toBe(0.5);
    expect(result.conflicts).toEqual([]);
  });

  test('agents are refused; an unknown shop names the field', async () => {
    await expect(
      evaluateInspectionExamples({ db: database.db, clock, actor: fixture.agentA }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(evaluate('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      details: [{ path: 'query.shopId' }],
    });
  });
});
