import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { insertOrganization } from '../../store/organizations.repository.js';
import { insertShop } from '../../store/shops.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import {
  addInspectionExamples,
  listInspectionExamples,
  removeInspectionExample,
  updateInspectionExample,
} from './inspection.examples.js';
import { listLabellingRules } from './inspection.examples.rules.js';
import { exportLearningLoop } from './inspection.export.js';
import { confirmFinding } from './inspection.review.js';
import { startInspectionRun } from './inspection.run.js';
import { saveShopRuleSettings } from './inspection.settings.js';
import { createInspectionFixture, type InspectionFixture, storeChat } from './inspection.test-utils.js';

const clock = { now: () => new Date('2026-03-10T02:00:00Z') };
const page = { limit: 50, offset: 0 };

describe('标注样本 (hand-labelled replies)', () => {
  let database: DatabaseHandle;
  let fixture: InspectionFixture;

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await createInspectionFixture(database.db);
  });
  afterAll(() => database.close());

  const deps = () => ({ db: database.db, clock, actor: fixture.supervisor });

  test('examples are listed with what the engine finds, and whether it agrees with the label', async () => {
    await addInspectionExamples({
      ...deps(),
      examples: [
        { agent: '亲，加我薇❤信 kefu_2024 发您实拍', rules: ['offsite_contact'], note: '站外联系' },
        // A label the engine misses: the trainer sees the disagreement.
        { agent: '亲，拍下后我私下给您返二十', buyer: '能便宜吗', rules: ['price_change'] },
        { agent: '发票可以开的，按实付金额开具', rules: [] },
      ],
    });
    const { examples, total } = await listInspectionExamples({ ...deps(), query: page });
    expect(total).toBe(3);
    const byAgent = new Map(examples.map((one) => [one.agent, one]));
    expect(byAgent.get('亲，加我薇❤信 kefu_2024 发您实拍')).toMatchObject({
      rules: ['offsite_contact'],
      engine: ['offsite_contact'],
      agrees: true,
      createdBy: fixture.supervisor.login,
    });
    expect(byAgent.get('发票可以开的，按实付金额开具')).toMatchObject({
      rules: [],
      engine: [],
      agrees: true,
    });
    const compliant = await listInspectionExamples({ ...deps(), query: { ...page, compliant: true } });
    expect(compliant.examples.map((one) => one.agent)).toEqual(['发票可以开的，按实付金额开具']);
    const byRule = await listInspectionExamples({ ...deps(), query: { ...page, ruleId: 'price_change' } });
    expect(byRule.examples.map((one) => one.buyer)).toEqual(['能便宜吗']);
    const byText = await listInspectionExamples({ ...deps(), query: { ...page, text: '薇❤信' } });
    expect(byText.total).toBe(1);
  });

  test('bad drafts are refused all together, each by its place; nothing is written', async () => {
    const before = (await listInspectionExamples({ ...deps(), query: page })).total;
    await expect(
      addInspectionExamples({
        ...deps(),
        examples: [
          { agent: '好的', rules: ['no_such_rule'] },
          { agent: '  ', rules: [], at: 'reviewed.jsonl:7' },
          { agent: '亲，在的', rules: ['no_greeting'] },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'validation.failed',
      details: [
        { path: 'body.examples[0].rules', message: expect.stringContaining('不认识的规则「no_such_rule」') },
        { path: 'reviewed.jsonl:7.agent', message: '请填写客服回复' },
        // A conversation rule cannot be judged from one message.
        { path: 'body.examples[2].rules', message: expect.stringContaining('「no_greeting」') },
      ],
    });
    expect((await listInspectionExamples({ ...deps(), query: page })).total).toBe(before);
  });

  test('an example is relabelled or removed (audited); agents may do neither, nor list them', async () => {
    const { ids } = await addInspectionExamples({ ...deps(), examples: [{ agent: '爱买不买', rules: [] }] });
    const id = ids[0] ?? '';
    await updateInspectionExample({
      ...deps(),
      id,
      example: { agent: '爱买不买', rules: ['abuse'], note: '辱骂' },
    });
    const relabelled = await listInspectionExamples({ ...deps(), query: { ...page, text: '爱买不买' } });
    expect(relabelled.examples[0]).toMatchObject({ rules: ['abuse'], note: '辱骂', agrees: true });
    const agent = { ...deps(), actor: fixture.agentA };
    await expect(listInspectionExamples({ ...agent, query: page })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(removeInspectionExample({ ...agent, id })).rejects.toMatchObject({ code: 'auth.forbidden' });
    await removeInspectionExample({ ...deps(), id });
    await expect(removeInspectionExample({ ...deps(), id })).rejects.toMatchObject({
      code: 'inspection.not_found',
    });
    const actions = (await database.db.selectFrom('auditLog').select('action').execute()).map(
      (row) => row.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'inspection.examples_added',
        'inspection.example_updated',
        'inspection.example_removed',
      ]),
    );
  });

  test('the learning-loop export holds the examples as evaluation lines, after the reviewed findings', async () => {
    await storeChat(database.db, fixture, {
      conversation: 'c1',
      buyer: 'b1',
      agent: '旗舰店:A',
      lines: [
        { at: '2026-03-02 10:00', from: 'buyer', text: '有微信吗' },
        { at: '2026-03-02 10:01', from: 'agent', text: '亲，您好，加我微信 kefu_xiaomei 发您图' },
      ],
    });
    await (await startInspectionRun({ ...deps(), from: '2026-03-02', to: '2026-03-02' })).done;
    const finding = await database.db.selectFrom('findings').select('id').executeTakeFirstOrThrow();
    await confirmFinding({ ...deps(), id: finding.id });
    const lines: string[] = [];
    for await (const line of exportLearningLoop({ ...deps() })) lines.push(line);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed).toContainEqual({
      id: expect.stringMatching(/^ex-/),
      buyer: '能便宜吗',
      agent: '亲，拍下后我私下给您返二十',
      rules: ['price_change'],
      note: '人工标注违规',
    });
    expect(parsed).toContainEqual(
      expect.objectContaining({ agent: '发票可以开的，按实付金额开具', rules: [] }),
    );
    const ids = parsed.map((line) => String(line.id));
    expect(ids[0]).toBe(`insp-${finding.id}`);
    expect(ids.slice(1).every((id) => id.startsWith('ex-'))).toBe(true);
  });

  test("a shop's examples are judged by its settings and may name its own rules; the source stays", async () => {
    const shopId = fixture.shopId;
    await saveShopRuleSettings({
      ...deps(),
      shopId,
      effectiveFrom: '2026-01-01',
      rules: { offsite_contact: { enabled: false } },
      custom: [{ id: 'shop_cheapest', title: '店铺禁用词', points: 3, words: ['全网最低'] }],
    });
    const labelling = await listLabellingRules({ ...deps(), shopId });
    expect(labelling.rules).toContainEqual({ id: 'shop_cheapest', title: '店铺禁用词', custom: true });
    expect(labelling.rules).toContainEqual(expect.objectContaining({ id: 'offsite_contact', custom: false }));
    expect((await listLabellingRules(deps())).rules.map((rule) => rule.id)).not.toContain('shop_cheapest');

    const { ids } = await addInspectionExamples({
      ...deps(),
      examples: [
        { shopId, agent: '亲，我们是全网最低价', rules: ['shop_cheapest'], source: 'finding' },
        // Switched off in this shop: the engine stays silent, so the label disagrees.
        { shopId, agent: '加我微信 kefu_2024', rules: ['offsite_contact'] },
      ],
    });
    const listed = await listInspectionExamples({ ...deps(), query: { ...page, shopId } });
    expect(listed.examples).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: ids[0],
          shopName: '旗舰店',
          source: 'finding',
          engine: ['shop_cheapest'],
          agrees: true,
          titles: { shop_cheapest: '店铺禁用词' },
        }),
        expect.objectContaining({ id: ids[1], source: 'manual', engine: [], agrees: false }),
      ]),
    );
    expect(listed.total).toBe(2);

    await updateInspectionExample({
      ...deps(),
      id: ids[0] ?? '',
      example: { shopId, agent: '亲，我们是全网最低价', rules: ['shop_cheapest'], note: '店铺禁用词' },
    });
    const relabelled = await listInspectionExamples({ ...deps(), query: { ...page, text: '全网最低价' } });
    expect(relabelled.examples[0]).toMatchObject({ source: 'finding', note: '店铺禁用词' });

    const other = await insertOrganization({
      db: database.db,
      name: '别家',
      demo: false,
      createdAt: new Date(),
    });
    const foreign = await insertShop({
      db: database.db,
      shop: { organizationId: other.id, name: '别家店', platform: 'tmall', createdAt: new Date() },
    });
    await expect(
      addInspectionExamples({
        ...deps(),
        examples: [
          { agent: '全网最低价', rules: ['shop_cheapest'] },
          { shopId: foreign.id, agent: '好的', rules: [] },
        ],
      }),
    ).rejects.toMatchObject({
      details: [
        { path: 'body.examples[0].rules', message: expect.stringContaining('不认识的规则「shop_cheapest」') },
        { path: 'body.examples[1].shopId', message: '店铺不存在' },
      ],
    });
    await expect(listLabellingRules({ ...deps(), shopId: foreign.id })).rejects.toMatchObject({
      details: [{ path: 'query.shopId' }],
    });
  });
});
