import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe('标注样本 API', () => {
  let server: TestServer;
  let supervisor: Session;
  let agent: Session;

  const call = (session: Session, method: Method, url: string, payload?: object) =>
    server.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    server = await createTestServer();
    supervisor = await signIn(server.app, 'zhuguan');
    agent = await signIn(server.app, 'xiaomei');
  });
  afterAll(() => server.close());

  test('a supervisor labels a reply, sees the engine agree or not, relabels and removes it', async () => {
    const created = await call(supervisor, 'POST', '/api/inspection/examples', {
      agent: '可以微信转账给我',
      buyer: '能不能便宜点',
      rules: ['offsite_payment'],
      note: '引导站外付款',
    });
    expect(created.statusCode, created.body).toBe(200);
    const [id] = created.json().ids as string[];
    const listed = await call(supervisor, 'GET', '/api/inspection/examples?ruleId=offsite_payment');
    expect(listed.json()).toMatchObject({
      total: 1,
      examples: [{ id, engine: ['offsite_payment'], agrees: true, createdBy: 'zhuguan' }],
    });
    const relabel = await call(supervisor, 'PUT', `/api/inspection/examples/${id}`, {
      agent: '可以微信转账给我',
      rules: [],
    });
    expect(relabel.statusCode).toBe(204);
    const after = await call(supervisor, 'GET', '/api/inspection/examples?compliant=true');
    expect(after.json().examples[0]).toMatchObject({ id, rules: [], agrees: false, buyer: null });
    expect((await call(supervisor, 'DELETE', `/api/inspection/examples/${id}`)).statusCode).toBe(204);
    expect((await call(supervisor, 'DELETE', `/api/inspection/examples/${id}`)).statusCode).toBe(404);
  });

  test('bad labels name the field; agents and requests without the CSRF token are refused', async () => {
    const unknown = await call(supervisor, 'POST', '/api/inspection/examples', {
      agent: '好的',
      rules: ['nope'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({
      path: 'body.rules',
      message: expect.stringContaining('不认识的规则「nope」'),
    });
    const badShop = await call(supervisor, 'POST', '/api/inspection/examples', {
      shopId: '00000000-0000-0000-0000-000000000000',
      agent: '好的',
      rules: [],
    });
    expect(badShop.statusCode).toBe(400);
    expect(badShop.json().error.details).toEqual([{ path: 'body.shopId', message: '店铺不存在' }]);
    const badSource = await call(supervisor, 'POST', '/api/inspection/examples', {
      agent: '好的',
      rules: [],
      source: 'guess',
    });
    expect(badSource.statusCode).toBe(400);
    expect(badSource.json().error.details[0]).toMatchObject({ path: 'body.source' });
    const empty = await call(supervisor, 'POST', '/api/inspection/examples', { agent: ' ', rules: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请填写客服回复');
    for (const [method, url, body] of [
      ['GET', '/api/inspection/examples', undefined],
      ['GET', '/api/inspection/examples/rules', undefined],
      ['PUT', '/api/inspection/examples/00000000-0000-0000-0000-000000000000', { agent: '好的', rules: [] }],
      ['POST', '/api/inspection/examples', { agent: '好的', rules: [] }],
      ['DELETE', '/api/inspection/examples/00000000-0000-0000-0000-000000000000', undefined],
    ] as const)
      expect((await call(agent, method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    const noCsrf = await server.app.inject({
      method: 'POST',
      url: '/api/inspection/examples',
      headers: { cookie: supervisor.headers.cookie },
      payload: { agent: '好的', rules: [] },
    });
    expect(noCsrf.statusCode).toBe(403);
    const noCsrfDelete = await server.app.inject({
      method: 'DELETE',
      url: '/api/inspection/examples/00000000-0000-0000-0000-000000000000',
      headers: { cookie: supervisor.headers.cookie },
    });
    expect(noCsrfDelete.statusCode).toBe(403);
  });

  test("a shop's own rule can be labelled and is judged by the shop's settings; a finding saved as an example keeps its source", async () => {
    const shop = await server.db
      .selectFrom('shops')
      .select(['id', 'name'])
      .where('organizationId', '=', server.demo.organizationId)
      .where('platform', '=', 'tmall')
      .executeTakeFirstOrThrow();
    const settings = await call(supervisor, 'PUT', `/api/inspection/settings/${shop.id}`, {
      effectiveFrom: '2026-01-01',
      custom: [{ id: 'shop_cheapest', title: '店铺禁用词', words: ['全网最低'] }],
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const rules = (await call(supervisor, 'GET', `/api/inspection/examples/rules?shopId=${shop.id}`)).json();
    expect(rules.rules).toContainEqual({ id: 'shop_cheapest', title: '店铺禁用词', custom: true });
    const created = await call(supervisor, 'POST', '/api/inspection/examples', {
      shopId: shop.id,
      agent: '亲，我们是全网最低价',
      rules: ['shop_cheapest'],
      source: 'finding',
    });
    expect(created.statusCode, created.body).toBe(200);
    const listed = await call(supervisor, 'GET', `/api/inspection/examples?shopId=${shop.id}`);
    expect(listed.json().examples).toEqual([
      expect.objectContaining({
        shopName: shop.name,
        source: 'finding',
        engine: ['shop_cheapest'],
        agrees: true,
        titles: { shop_cheapest: '店铺禁用词' },
      }),
    ]);
    // Without the shop, its own rule is not known.
    const noShop = await call(supervisor, 'POST', '/api/inspection/examples', {
      agent: '亲，我们是全网最低价',
      rules: ['shop_cheapest'],
    });
    expect(noShop.statusCode).toBe(400);
    expect(noShop.json().error.details[0]).toMatchObject({ path: 'body.rules' });
  });
});
