import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;

describe('样本评测 API', () => {
  let server: TestServer;
  let supervisor: Session;
  let agent: Session;
  let shopId = '';

  const get = (session: Session, url: string) =>
    server.app.inject({ method: 'GET', url, headers: session.headers });
  const post = async (payload: object) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/inspection/examples',
      headers: supervisor.headers,
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    server = await createTestServer();
    supervisor = await signIn(server.app, 'zhuguan');
    agent = await signIn(server.app, 'xiaomei');
    const shop = await server.db
      .selectFrom('shops')
      .select('id')
      .where('organizationId', '=', server.demo.organizationId)
      .where('platform', '=', 'tmall')
      .executeTakeFirstOrThrow();
    shopId = shop.id;
    const settings = await server.app.inject({
      method: 'PUT',
      url: `/api/inspection/settings/${shopId}`,
      headers: supervisor.headers,
      payload: {
        effectiveFrom: '2026-01-01',
        custom: [{ id: 'shop_cheapest', title: '店铺禁用词', words: ['全网最低'] }],
      },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    // The shop's own examples.
    await post({ shopId, agent: '亲，我们是全网最低价', rules: ['shop_cheapest'] });
    await post({ shopId, agent: '全网最低，加我微信 abc12345', rules: ['shop_cheapest', 'offsite_contact'] });
    // Organisation-wide ones.
    await post({ agent: '可以微信转账给我', rules: ['offsite_payment'] });
    await post({ agent: '发票可以开的，按实付金额开具', rules: [] });
    await post({ agent: '亲，拍下后我私下给您返二十', buyer: '能便宜吗', rules: ['price_change'] });
    await post({ agent: '全网最低价格以页面为准', rules: [] });
  });
  afterAll(() => server.close());

  test("a supervisor gets the shop's scores, its own rule included, as worked out by hand", async () => {
    const response = await get(supervisor, `/api/inspection/examples/evaluation?shopId=${shopId}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    // 6 examples; of the 2 compliant, 全网最低价格以页面为准 is caught by the shop's own words.
    expect(body).toMatchObject({ shopId, examples: 6, compliant: 2, falseAlarms: 1, falseAlarmRate: 0.5 });
    type Score = { rule: string; precision: number; f1: number };
    const byRule: Record<string, Score> = Object.fromEntries(
      (body.rules as Score[]).map((entry) => [entry.rule, entry]),
    );
    expect(Object.keys(byRule)).toEqual([
      'offsite_contact',
      'offsite_payment',
      'price_change',
      'shop_cheapest',
    ]);
    expect(byRule.offsite_contact).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1, support: 1 });
    // The rebate is taken for 站外付款: found once rightly, once wrongly.
    expect(byRule.offsite_payment).toMatchObject({ tp: 1, fp: 1, precision: 0.5, recall: 1, support: 1 });
    expect(byRule.price_change).toMatchObject({ tp: 0, fn: 1, recall: 0, f1: 0, support: 1 });
    // tp 2, fp 1: P 2/3, R 1, F1 4/5.
    expect(byRule.shop_cheapest).toMatchObject({ tp: 2, fp: 1, fn: 0, recall: 1, support: 2, custom: true });
    expect(byRule.shop_cheapest?.precision).toBeCloseTo(2 / 3);
    expect(byRule.shop_cheapest?.f1).toBeCloseTo(0.8);
    // tp 4, fp 2, fn 1: micro-F1 = 8 / 11.
    expect(body.micro).toMatchObject({ tp: 4, fp: 2, fn: 1, recall: 0.8 });
    expect(body.micro.f1).toBeCloseTo(8 / 11);
    expect(body.titles.shop_cheapest).toBe('店铺禁用词');
    expect(
      (body.disagreements as { agent: string; missed: string[]; extra: string[] }[]).map(
        ({ agent, missed, extra }) => [agent, missed, extra],
      ),
    ).toEqual(
      // Added in the same instant: in no particular order.
      expect.arrayContaining([
        ['亲，拍下后我私下给您返二十', ['price_change'], ['offsite_payment']],
        ['全网最低价格以页面为准', [], ['shop_cheapest']],
      ]),
    );
    expect(body.disagreements).toHaveLength(2);
  });

  test('without a shop the built-in library scores the organisation-wide examples only', async () => {
    const body = (await get(supervisor, '/api/inspection/examples/evaluation')).json();
    expect(body).toMatchObject({ shopId: null, examples: 4, compliant: 2, falseAlarms: 0, unscored: [] });
    expect(body.micro).toMatchObject({ tp: 1, fp: 1, fn: 1, f1: 0.5 });
  });

  test('agents are refused; bad and unknown shops name the field', async () => {
    expect((await get(agent, '/api/inspection/examples/evaluation')).statusCode).toBe(403);
    expect((await get(agent, `/api/inspection/examples/evaluation?shopId=${shopId}`)).statusCode).toBe(403);
    const bad = await get(supervisor, '/api/inspection/examples/evaluation?shopId=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'query.shopId' });
    const unknown = await get(
      supervisor,
      '/api/inspection/examples/evaluation?shopId=00000000-0000-0000-0000-000000000000',
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'query.shopId', message: '店铺不存在' }]);
  });
});
