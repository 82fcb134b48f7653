import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { saveShopRuleSettings } from '../inspection/inspection.settings.js';
import { createInspectionFixture, type InspectionFixture } from '../inspection/inspection.test-utils.js';
import { checkReply } from './compliance.usecases.js';

describe('live check with shop rule settings', () => {
  let database: DatabaseHandle;
  let fixture: InspectionFixture;
  let now = new Date('2026-03-02T02:00:00Z');
  const clock = { now: () => now };

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await createInspectionFixture(database.db);
  });
  afterAll(() => database.close());

  const rules = async (text: string, shopId?: string) =>
    (await checkReply({ db: database.db, clock, actor: fixture.agentA, text, shopId })).findings
      .map((finding) => `${finding.rule}:${finding.points}`)
      .sort();

  test("the shop's settings in force today apply when a shop is named, and a new version takes over on its day", async () => {
    const text = '我们全网最低价，加我微信 abc_123';
    expect(await rules(text, fixture.shopId)).toEqual(['offsite_contact:6']);
    await saveShopRuleSettings({
      db: database.db,
      clock,
      actor: fixture.supervisor,
      shopId: fixture.shopId,
      effectiveFrom: '2026-03-01',
      rules: { offsite_contact: { points: 9 } },
      custom: [{ id: 'shop_lowest', title: '禁说全网最低', points: 2, words: ['全网最低'] }],
    });
    expect(await rules(text, fixture.shopId)).toEqual(['offsite_contact:9', 'shop_lowest:2']);
    expect(await rules(text)).toEqual(['offsite_contact:6']);
    await saveShopRuleSettings({
      db: database.db,
      clock,
      actor: fixture.supervisor,
      shopId: fixture.shopId,
      effectiveFrom: '2026-03-05',
      rules: { offsite_contact: { enabled: false } },
      custom: [],
    });
    expect(await rules(text, fixture.shopId)).toEqual(['offsite_contact:9', 'shop_lowest:2']);
    now = new Date('2026-03-05T02:00:00Z');
    expect(await rules(text, fixture.shopId)).toEqual([]);
  });

  test('a custom pattern that does not compile is refused with its field', async () => {
    await expect(
      saveShopRuleSettings({
        db: database.db,
        clock,
        actor: fixture.supervisor,
        shopId: fixture.shopId,
        effectiveFrom: '2026-03-01',
        rules: { no_such_rule: { enabled: false } },
        custom: [{ id: 'broken', title: '坏', words: ['坏词'], patterns: ['好的', '(未闭合'] }],
      }),
    ).rejects.toMatchObject({
      code: 'validation.failed',
      details: [
        { path: 'body.rules.no_such_rule' },
        { path: 'body.custom[0].patterns[1]', message: expect.stringContaining('正则表达式无效') },
      ],
    });
    await expect(
      saveShopRuleSettings({
        db: database.db,
        clock,
        actor: fixture.agentA,
        shopId: fixture.shopId,
        effectiveFrom: '2026-03-01',
        rules: {},
        custom: [],
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
