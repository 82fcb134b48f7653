import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, shopIdOf, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;

const messages = [
  'shop,platform,buyer,agent,sender,time,text,kind',
  '天猫旗舰店,tmall,tb_lily,旗舰店:小美,buyer,2026-03-01 10:00:00,这款有现货吗,human',
  '天猫旗舰店,tmall,tb_lily,旗舰店:小美,agent,2026-03-01 10:00:30,亲，有现货的,human',
  '天猫旗舰店,tmall,tb_night,旗舰店:阿慧,buyer,2026-03-01 11:00:00,能便宜点吗,human',
  '天猫旗舰店,tmall,tb_night,旗舰店:阿慧,agent,2026-03-01 11:02:00,亲，已经是活动价了,human',
].join('\n');
const orders = [
  'order,buyer,created,paid,amount,items,status,refund',
  'T1,tb_lily,2026-03-01 10:10:00,2026-03-01 10:11:00,199.00,1,paid,0',
].join('\n');

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('metrics API (绩效)', () => {
  let server: TestServer;
  let supervisor: Session;
  let agent: Session;

  const post = (session: Session, url: string, payload: object) =>
    server.app.inject({ method: 'POST', url, headers: session.headers, payload });
  const get = (session: Session, url: string) =>
    server.app.inject({ method: 'GET', url, headers: session.headers });

  beforeAll(async () => {
    server = await createTestServer();
    supervisor = await signIn(server.app, 'zhuguan');
    agent = await signIn(server.app, 'xiaomei');
  });
  afterAll(() => server.close());

  test('a supervisor imports chats and orders and reads each agent’s numbers', async () => {
    const chat = await post(supervisor, '/api/imports', {
      kind: 'messages',
      filename: 'chats.csv',
      contentBase64: base64(messages),
      mode: 'reject',
      wait: true,
    });
    expect(chat.statusCode).toBe(200);
    expect(chat.json().job).toMatchObject({ status: 'done', rowsRead: 4, rowsInserted: 4 });
    const shopId = await shopIdOf(server.app, supervisor);
    const order = await post(supervisor, '/api/imports', {
      kind: 'orders',
      filename: 'orders.csv',
      contentBase64: base64(orders),
      shopId,
      wait: true,
    });
    expect(order.json().job).toMatchObject({ status: 'done', rowsInserted: 1 });
    const response = await get(supervisor, '/api/metrics?from=2026-03-01&to=2026-03-01&by=agent');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const xiaomei = body.rows.find((row: { agent: string }) => row.agent === '旗舰店:小美');
    expect(xiaomei).toMatchObject({
      consulted: 1,
      served: 1,
      inquiries: 1,
      inquiriesPaid: 1,
      sales: 199,
      displayName: '小美',
    });
    expect(body.provisionalDays).toEqual(['2026-03-01']);
    const jobs = (await get(supervisor, '/api/imports')).json().jobs;
    expect(jobs).toHaveLength(2);
  });

  test('a file with a bad row in reject mode returns the line and field and stores nothing', async () => {
    const bad = `${messages}\n天猫旗舰店,tmall,tb_x,旗舰店:小美,buyer,bad-time,在吗,human`;
    const response = await post(supervisor, '/api/imports', {
      kind: 'messages',
      filename: 'bad.csv',
      contentBase64: base64(bad),
      mode: 'reject',
      wait: true,
    });
    expect(response.json().job).toMatchObject({ status: 'rejected', rowsInserted: 0 });
    expect(response.json().job.issues[0].at).toMatchObject({ line: 6, field: 'time' });
  });

  test('the drill-down lists the buyer behind a conversion with the chat', async () => {
    const response = await get(
      supervisor,
      '/api/metrics/explain?metric=conversion&agent=旗舰店:小美&day=2026-03-01',
    );
    expect(response.statusCode).toBe(200);
    const buyers = response.json().buyers;
    expect(buyers).toHaveLength(1);
    expect(buyers[0]).toMatchObject({ buyer: 'tb_lily', shop: '天猫旗舰店', hit: true });
    expect(buyers[0].messages.map((m: { text: string }) => m.text)).toEqual(['这款有现货吗', '亲，有现货的']);
  });

  test('an agent reads only their own rows, and cannot import or drill into a colleague', async () => {
    const own = (await get(agent, '/api/metrics?from=2026-03-01&to=2026-03-01')).json();
    expect(own.rows.map((row: { agent: string }) => row.agent)).toEqual(['旗舰店:小美']);
    expect((await get(agent, '/api/metrics?from=2026-03-01&to=2026-03-01&by=team')).statusCode).toBe(403);
    expect(
      (await get(agent, '/api/metrics/explain?metric=consulted&agent=旗舰店:阿慧&day=2026-03-01')).statusCode,
    ).toBe(403);
    expect((await get(agent, '/api/imports')).statusCode).toBe(403);
    const upload = await post(agent, '/api/imports', {
      kind: 'orders',
      filename: 'o.csv',
      contentBase64: base64(orders),
    });
    expect(upload.statusCode).toBe(403);
  });

  test('a later payment restates the reported day, and the 重述记录 lists it for managers only', async () => {
    const before = (await get(supervisor, '/api/metrics?from=2026-03-01&to=2026-03-01&by=agent')).json();
    const hui = (rows: { agent: string; sales: number }[]) => rows.find((row) => row.agent === '旗舰店:阿慧');
    expect(hui(before.rows)?.sales).toBe(0);
    const late = [
      'order,buyer,created,paid,amount,items,status,refund',
      'T9,tb_night,2026-03-01 11:05:00,2026-03-01 11:06:00,59.00,1,paid,0',
    ];
    const shop = (await get(supervisor, '/api/shops'))
      .json()
      .shops.find((one: { name: string }) => one.name === '天猫旗舰店');
    const upload = await post(supervisor, '/api/imports', {
      kind: 'orders',
      filename: 'late.csv',
      shopId: shop.id,
      contentBase64: base64(late.join('\n')),
      wait: true,
    });
    expect(upload.statusCode).toBe(200);
    const after = (await get(supervisor, '/api/metrics?from=2026-03-01&to=2026-03-01&by=agent')).json();
    expect(hui(after.rows)?.sales).toBe(59);
    const log = await get(supervisor, '/api/metrics/restatements?from=2026-03-01&to=2026-03-01');
    expect(log.statusCode).toBe(200);
    expect(log.json().restatements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          shop: '天猫旗舰店',
          day: '2026-03-01',
          agent: '旗舰店:阿慧',
          metric: 'sales',
          before: 0,
          after: 59,
        }),
      ]),
    );
    expect((await get(agent, '/api/metrics/restatements')).statusCode).toBe(403);
  });

  test('a supervisor rules who is credited with an order; the numbers follow, the ruling is audited and can be lifted', async () => {
    const byAgent = async () =>
      (await get(supervisor, '/api/metrics?from=2026-03-01&to=2026-03-01&by=agent')).json().rows as {
        agent: string;
        sales: number;
      }[];
    const sales = (rows: { agent: string; sales: number }[], agent: string) =>
      rows.find((row) => row.agent === agent)?.sales;
    const put = (payload: object) =>
      server.app.inject({
        method: 'PUT',
        url: '/api/metrics/credit-rulings',
        headers: supervisor.headers,
        payload,
      });
    const before = await byAgent();
    expect(sales(before, '旗舰店:小美')).toBe(199);

    // 阿慧 never chatted with tb_lily: refused, naming the field.
    const refused = await put({ shop: '天猫旗舰店', order: 'T1', agent: '旗舰店:阿慧', reason: '她跟进的' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('body.agent');
    expect((await put({ shop: '天猫旗舰店', order: 'NOPE', agent: null, reason: 'x' })).statusCode).toBe(404);
    expect((await put({ shop: '天猫旗舰店', order: 'T1', agent: null, reason: ' ' })).statusCode).toBe(400);

    expect(
      (await put({ shop: '天猫旗舰店', order: 'T1', agent: null, reason: '刷单订单，不计业绩' })).statusCode,
    ).toBe(204);
    expect(sales(await byAgent(), '旗舰店:小美')).toBe(0);
    const rulings = (await get(supervisor, '/api/metrics/credit-rulings')).json().rulings;
    expect(rulings).toEqual([
      expect.objectContaining({ shop: '天猫旗舰店', order: 'T1', agent: null, reason: '刷单订单，不计业绩' }),
    ]);
    const audit = await server.db
      .selectFrom('auditLog')
      .select(['action', 'target'])
      .where('action', '=', 'metrics.credit_ruled')
      .execute();
    expect(audit).toEqual([{ action: 'metrics.credit_ruled', target: '天猫旗舰店/T1' }]);

    const lifted = await server.app.inject({
      method: 'DELETE',
      url: `/api/metrics/credit-rulings?shop=${encodeURIComponent('天猫旗舰店')}&order=T1`,
      headers: supervisor.headers,
    });
    expect(lifted.statusCode).toBe(204);
    expect(sales(await byAgent(), '旗舰店:小美')).toBe(199);
    expect((await get(agent, '/api/metrics/credit-rulings')).statusCode).toBe(403);
  });

  test('the Excel export is a workbook and is written to the audit log', async () => {
    const response = await get(supervisor, '/api/metrics/export.xlsx?from=2026-03-01&to=2026-03-01');
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await server.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'metrics.exported')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
