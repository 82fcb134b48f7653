import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { RuleData } from '../../domain/rules/index.js';
import type { DatabaseHandle } from '../../store/database.js';
import { insertRun } from '../../store/inspection.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { createRuleLibrary } from '../compliance/index.js';
import { dismissFinding } from './inspection.review.js';
import { getInspectionRun, listInspectionRuns, startInspectionRun } from './inspection.run.js';
import { saveShopRuleSettings } from './inspection.settings.js';
import {
  createInspectionFixture,
  type InspectionFixture,
  storeChat,
  storeOrder,
} from './inspection.test-utils.js';

const clock = { now: () => new Date('2026-03-10T02:00:00Z') };

describe('bulk inspection runs', () => {
  let database: DatabaseHandle;
  let fixture: InspectionFixture;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.db.deleteFrom('organizations').execute();
    fixture = await createInspectionFixture(database.db);
  });

  const run = async (
    from: string,
    to: string,
    extra: { batchSize?: number; library?: ReturnType<typeof createRuleLibrary> } = {},
  ) => {
    const started = await startInspectionRun({
      db: database.db,
      clock,
      actor: fixture.supervisor,
      from,
      to,
      ...extra,
    });
    expect(started.run.status).toBe('running');
    return started.done;
  };
  const findings = () =>
    database.db
      .selectFrom('findings')
      .select([
        'ruleId',
        'ruleVersion',
        'points',
        'agent',
        'status',
        'evidence',
        'orderId',
        'conversation',
        'start',
      ])
      .orderBy('messageTime')
      .orderBy('ruleId')
      .execute();

  const wechatChat = (conversation: string, day: string, agent = '旗舰店:A') =>
    storeChat(database.db, fixture, {
      conversation,
      buyer: `buyer-${conversation}`,
      agent,
      lines: [
        { at: `${day} 10:00`, from: 'buyer', text: '有微信吗' },
        { at: `${day} 10:01`, from: 'agent', text: '亲，您好，加我微信 kefu_xiaomei 发您图' },
        { at: `${day} 10:02`, from: 'buyer', text: '好的' },
      ],
    });

  test('finds word rules and no_greeting, counts messages and finishes done with progress', async () => {
    await wechatChat('c1', '2026-03-02');
    await storeChat(database.db, fixture, {
      conversation: 'c2',
      buyer: 'b2',
      agent: '旗舰店:B',
      lines: [
        { at: '2026-03-02 11:00', from: 'buyer', text: '在吗' },
        { at: '2026-03-02 11:00', from: 'agent', text: '欢迎光临本店', kind: 'welcome' },
        { at: '2026-03-02 11:01', from: 'agent', text: 'L 码。' },
        { at: '2026-03-02 11:02', from: 'system', text: '【系统】会话已转接' },
      ],
    });
    const done = await run('2026-03-01', '2026-03-05', { batchSize: 2 });
    expect(done).toMatchObject({ status: 'done', messagesTotal: 7, messagesChecked: 7, findingsCount: 2 });
    expect((await findings()).map((one) => [one.ruleId, one.agent])).toEqual([
      ['offsite_contact', '旗舰店:A'],
      ['no_greeting', '旗舰店:B'],
    ]);
    expect(await getInspectionRun({ db: database.db, actor: fixture.supervisor, id: done.id })).toEqual(done);
    expect((await listInspectionRuns({ db: database.db, actor: fixture.supervisor }))[0]?.id).toBe(done.id);
  });

  test('a re-run never duplicates findings and keeps a dismissed status', async () => {
    await wechatChat('c1', '2026-03-02');
    await run('2026-03-01', '2026-03-05');
    const [stored] = await database.db.selectFrom('findings').select('id').execute();
    await dismissFinding({
      db: database.db,
      clock,
      actor: fixture.supervisor,
      id: stored?.id ?? '',
      reason: '测试误报',
    });
    const again = await run('2026-03-01', '2026-03-05');
    expect(again.findingsCount).toBe(1);
    expect(await findings()).toEqual([
      expect.objectContaining({ ruleId: 'offsite_contact', status: 'dismissed' }),
    ]);
  });

  test('each message is judged by the rule version in force on its day', async () => {
    const rule: RuleData = {
      id: 'shop_word',
      versions: [
        {
          version: 1,
          effectiveFrom: '2020-01-01',
          platforms: [],
          kind: 'general',
          points: 2,
          title: '禁用词',
          explanation: '不要说',
          wrong: ['最便宜'],
          right: ['实惠'],
          suggestion: '实惠',
          detect: { op: 'keywords', any: ['最便宜'] },
        },
        { version: 2, effectiveFrom: '2026-03-03', points: 5 },
      ],
    };
    for (const [conversation, day] of [
      ['v1', '2026-03-02'],
      ['v2', '2026-03-03'],
    ] as const)
      await storeChat(database.db, fixture, {
        conversation,
        buyer: conversation,
        agent: '旗舰店:A',
        lines: [
          { at: `${day} 09:00`, from: 'buyer', text: '便宜吗' },
          { at: `${day} 09:01`, from: 'agent', text: '亲，全网最便宜' },
        ],
      });
    await run('2026-03-01', '2026-03-05', { library: createRuleLibrary({ rules: [rule] }) });
    expect((await findings()).map((one) => [one.conversation, one.ruleVersion, one.points])).toEqual([
      ['v1', 1, 2],
      ['v2', 2, 5],
    ]);
  });

  test('a shop setting switching a rule off applies from its day, and a re-run drops open findings it no longer finds', async () => {
    await wechatChat('before', '2026-03-02');
    await wechatChat('after', '2026-03-04');
    await run('2026-03-01', '2026-03-05');
    expect(await findings()).toHaveLength(2);
    await saveShopRuleSettings({
      db: database.db,
      clock,
      actor: fixture.supervisor,
      shopId: fixture.shopId,
      effectiveFrom: '2026-03-03',
      rules: { offsite_contact: { enabled: false } },
      custom: [],
    });
    await run('2026-03-01', '2026-03-05');
    expect((await findings()).map((one) => one.conversation)).toEqual(['before']);
  });

  test("a shop's custom forbidden word is found with the shop's points", async () => {
    await saveShopRuleSettings({
      db: database.db,
      clock,
      actor: fixture.supervisor,
      shopId: fixture.shopId,
      effectiveFrom: '2026-01-01',
      rules: {},
      custom: [{ id: 'shop_cheapest', title: '店铺禁用词', points: 3, words: ['全网最低'] }],
    });
    await storeChat(database.db, fixture, {
      conversation: 'custom',
      buyer: 'b',
      agent: '旗舰店:A',
      lines: [
        { at: '2026-03-02 09:00', from: 'buyer', text: '价格呢' },
        { at: '2026-03-02 09:01', from: 'agent', text: '亲，我们是全网最低价' },
      ],
    });
    await run('2026-03-02', '2026-03-02');
    expect(await findings()).toEqual([
      expect.objectContaining({ ruleId: 'shop_cheapest', points: 3, evidence: '全网最低' }),
    ]);
  });

  test('order facts: postage after 包邮 is a free_shipping finding that names the order', async () => {
    await storeChat(database.db, fixture, {
      conversation: 'ship',
      buyer: 'b-ship',
      agent: '旗舰店:A',
      lines: [
        { at: '2026-03-02 09:00', from: 'buyer', text: '运费多少' },
        { at: '2026-03-02 09:01', from: 'agent', text: '亲，您好，这款包邮的' },
      ],
    });
    await storeOrder(database.db, fixture, {
      orderId: 'T100',
      buyer: 'b-ship',
      created: '2026-03-02 09:30',
      postage: 800,
    });
    await run('2026-03-02', '2026-03-02');
    expect(await findings()).toEqual([
      expect.objectContaining({
        ruleId: 'free_shipping',
        orderId: 'T100',
        evidence: expect.stringContaining('T100'),
      }),
    ]);
  });

  test('order facts: "今天发货" and an order shipped the next morning is a late_shipping finding; one shipped that evening is not', async () => {
    for (const [buyer, shipped] of [
      ['b-late', '2026-03-03 09:15'],
      ['b-kept', '2026-03-02 21:40'],
    ] as const) {
      await storeChat(database.db, fixture, {
        conversation: `ship-${buyer}`,
        buyer,
        agent: '旗舰店:A',
        lines: [
          { at: '2026-03-02 10:00', from: 'buyer', text: '今天能发吗' },
          { at: '2026-03-02 10:01', from: 'agent', text: '亲，您好，现在付款今天发货' },
        ],
      });
      await storeOrder(database.db, fixture, {
        orderId: `T-${buyer}`,
        buyer,
        created: '2026-03-02 10:05',
        paid: '2026-03-02 10:06',
        shipped,
      });
    }
    await run('2026-03-02', '2026-03-02');
    const late = (await findings()).filter((finding) => finding.ruleId === 'late_shipping');
    expect(late).toEqual([
      expect.objectContaining({
        orderId: 'T-b-late',
        evidence: expect.stringContaining('订单 T-b-late 于 03-03 09:15 发货'),
      }),
    ]);
  });

  test('an order closed by the shop after the agent said so enriches the words finding with the order', async () => {
    await storeChat(database.db, fixture, {
      conversation: 'close',
      buyer: 'b-close',
      agent: '旗舰店:A',
      lines: [
        { at: '2026-03-02 09:00', from: 'buyer', text: '我还没想好付不付' },
        { at: '2026-03-02 09:01', from: 'agent', text: '亲，您好，您一直不付款，我这边就直接给您关掉了' },
      ],
    });
    await storeOrder(database.db, fixture, {
      orderId: 'T9',
      buyer: 'b-close',
      created: '2026-03-02 08:30',
      closedBy: 'seller',
    });
    await run('2026-03-02', '2026-03-02');
    expect(await findings()).toEqual([
      expect.objectContaining({
        ruleId: 'close_order',
        orderId: 'T9',
        evidence: expect.stringContaining('订单 T9 被店铺关闭'),
      }),
    ]);
  });

  test('a conversation begun the day before the period is context: its first reply is not judged again', async () => {
    await storeChat(database.db, fixture, {
      conversation: 'night',
      buyer: 'owl',
      agent: '旗舰店:A',
      lines: [
        { at: '2026-03-01 23:58', from: 'buyer', text: '在吗' },
        { at: '2026-03-01 23:59', from: 'agent', text: '亲，您好，在的' },
        { at: '2026-03-02 00:01', from: 'buyer', text: '这款有货吗' },
        { at: '2026-03-02 00:02', from: 'agent', text: '有货。' },
      ],
    });
    const done = await run('2026-03-02', '2026-03-02');
    expect(done.messagesChecked).toBe(2);
    expect(await findings()).toEqual([]);
  });

  test('a bad period names the field; a second run while one is running is refused', async () => {
    await expect(
      startInspectionRun({
        db: database.db,
        clock,
        actor: fixture.supervisor,
        from: '2026-03-05',
        to: '2026-03-01',
      }),
    ).rejects.toMatchObject({ code: 'validation.failed', details: [{ path: 'body.to' }] });
    const running = (startedAt: Date) =>
      insertRun({
        db: database.db,
        run: {
          organizationId: fixture.organizationId,
          shopId: null,
          fromDay: 20_000,
          toDay: 20_001,
          messagesTotal: 0,
          createdBy: null,
          startedAt,
        },
      });
    const busy = await running(new Date(clock.now().getTime() - 60_000));
    const period = { from: '2026-03-01', to: '2026-03-02' };
    await expect(
      startInspectionRun({ db: database.db, clock, actor: fixture.supervisor, ...period }),
    ).rejects.toMatchObject({ code: 'inspection.conflict' });
    // A run left running for hours belongs to a stopped process: it is marked failed, not waited for.
    await database.db
      .updateTable('inspectionRuns')
      .set({ startedAt: new Date(clock.now().getTime() - 3 * 3_600_000) })
      .where('id', '=', busy.id)
      .execute();
    await (await startInspectionRun({ db: database.db, clock, actor: fixture.supervisor, ...period })).done;
    expect(await getInspectionRun({ db: database.db, actor: fixture.supervisor, id: busy.id })).toMatchObject(
      {
        status: 'failed',
        error: expect.stringContaining('中断'),
      },
    );
    await expect(
      startInspectionRun({
        db: database.db,
        clock,
        actor: fixture.agentA,
        from: '2026-03-01',
        to: '2026-03-02',
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
