import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assessmentMessages,
  assessmentPeriod,
  assessmentTickets,
} from '../../../test/fixtures/metrics/assessment.fixture.js';
import { createTestServer, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;
type Check = {
  name: string;
  numerator: number;
  denominator: number;
  passed: boolean;
  toPass: string | null;
  shopTarget: boolean;
};
type Assessment = {
  from: string;
  to: string;
  passed: boolean;
  score?: number;
  checks: Check[];
  measures?: { name: string }[];
};

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

// The test clock stands on 2 March 2026: every cycle of the February fixture is complete.
describe('GET /api/metrics/assessments (平台考核)', () => {
  let server: TestServer;
  let supervisor: Session;
  let shopIds: Map<string, string>;

  const get = (session: Session, url: string) =>
    server.app.inject({ method: 'GET', url, headers: session.headers });
  const assess = (session: Session, shop: string, to = assessmentPeriod.to) =>
    get(
      session,
      `/api/metrics/assessments?shopId=${shopIds.get(shop)}&from=${assessmentPeriod.from}&to=${to}`,
    );

  beforeAll(async () => {
    server = await createTestServer();
    supervisor = await signIn(server.app, 'zhuguan');
    for (const [kind, text] of [
      ['messages', assessmentMessages],
      ['tickets', assessmentTickets],
    ] as const) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: supervisor.headers,
        payload: { kind, filename: `${kind}.csv`, contentBase64: base64(text), mode: 'reject', wait: true },
      });
      expect(response.json().job).toMatchObject({ status: 'done' });
    }
    const shops = (await get(supervisor, '/api/shops')).json().shops as { id: string; name: string }[];
    shopIds = new Map(shops.map((shop) => [shop.name, shop.id]));
  });
  afterAll(() => server.close());

  test('a supervisor gets each platform’s pass/fail as worked out by hand', async () => {
    const pdd = await assess(supervisor, '拼多多专营店');
    expect(pdd.statusCode).toBe(200);
    expect(pdd.json()).toMatchObject({ scope: 'shop', hasData: true, shop: { platform: 'pdd' } });
    expect(pdd.json().assessments[0].checks[0]).toMatchObject({
      name: 'pddReply30sRate',
      numerator: 2,
      denominator: 4,
      passed: false,
      toPass: '还需 2 条买家消息在 30 秒内人工回复',
    });
    const douyin = (await assess(supervisor, '抖音小店')).json().assessments as Assessment[];
    expect(douyin.map((item) => [item.from, item.to, item.passed])).toEqual([
      ['2026-02-01', '2026-02-15', true],
      ['2026-02-16', '2026-02-28', false],
    ]);
    const [jd] = (await assess(supervisor, '京东自营店')).json().assessments as Assessment[];
    expect(jd).toMatchObject({ from: '2026-02-01', to: '2026-02-28', score: 80, passed: true });
  });

  test('an agent sees the checks over their own sub-accounts only', async () => {
    const dabao = await signIn(server.app, 'dabao');
    const own = (await assess(dabao, '拼多多专营店')).json();
    expect(own.scope).toBe('own');
    expect(own.assessments[0].checks[0]).toMatchObject({ numerator: 1, denominator: 2 });
    // 大宝 has no tickets in 京东自营店: nothing of 小京's or 晨晨's reaches him.
    const jd = (await assess(dabao, '京东自营店')).json();
    expect(jd).toMatchObject({ scope: 'own', hasData: false });
    expect(jd.assessments[0].checks.every((item: Check) => item.denominator === 0)).toBe(true);
    const chenchen = await signIn(server.app, 'chenchen');
    expect((await assess(chenchen, '京东自营店')).json().assessments[0].score).toBe(100);
  });

  test('a bad or missing shop and a bad period are refused; signing in is required', async () => {
    expect((await get(supervisor, '/api/metrics/assessments')).statusCode).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await get(supervisor, `/api/metrics/assessments?shopId=${unknown}`)).statusCode).toBe(404);
    const backwards = `/api/metrics/assessments?shopId=${shopIds.get('拼多多专营店')}&from=2026-02-10&to=2026-02-01`;
    expect((await get(supervisor, backwards)).statusCode).toBe(400);
    const anonymous = await server.app.inject({
      method: 'GET',
      url: `/api/metrics/assessments?shopId=${shopIds.get('拼多多专营店')}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  test('shop targets (店铺目标) saved in 绩效设置 become checks from their effective day on', async () => {
    const shopId = shopIds.get('拼多多专营店');
    const save = (effectiveFrom: string, pdd: object) =>
      server.app.inject({
        method: 'PUT',
        url: `/api/metrics/settings/${shopId}`,
        headers: supervisor.headers,
        payload: { effectiveFrom, overrides: { pdd } },
      });
    expect((await save('2026-02-01', { avgResponseSecTarget: 30, conversionTarget: 0.5 })).statusCode).toBe(
      200,
    );
    // From 20 Feb 客单价 ≥ 100 元 too, and no conversion target any more.
    expect((await save('2026-02-20', { avgResponseSecTarget: 30, aovTarget: 100 })).statusCode).toBe(200);
    const [pdd] = (await assess(supervisor, '拼多多专营店')).json().assessments as Assessment[];
    // Mean wait (20 + 60 + 60 + 10) / 4 = 37.5 s, 7.5 s over 30 s; none of the 4 inquiring buyers
    // paid: ceil(0.5 × 4 − 0) = 2 must. The platform's verdict is still 30秒应答率's alone.
    expect(pdd?.checks).toMatchObject([
      { name: 'pddReply30sRate', shopTarget: false, passed: false },
      {
        name: 'pddAvgResponseSec',
        shopTarget: true,
        unit: 'seconds',
        atMost: true,
        value: 37.5,
        target: 30,
        numerator: 150,
        denominator: 4,
        passed: false,
        needed: 7.5,
        toPass: '还需每条人工回复平均快 7.5 秒',
      },
      {
        name: 'conversion',
        shopTarget: true,
        numerator: 0,
        denominator: 4,
        needed: 2,
        toPass: '还需 2 位询单买家付款',
      },
    ]);
    expect(pdd?.measures?.map((item) => item.name)).toEqual(['aov', 'itemsPerBuyer']);
    // A period ending on 20 Feb is judged by that day's settings: 客单价 has no buyer to judge.
    const [later] = (await assess(supervisor, '拼多多专营店', '2026-02-20')).json()
      .assessments as Assessment[];
    expect(later?.checks.map((item) => [item.name, item.passed])).toEqual([
      ['pddReply30sRate', false],
      ['pddAvgResponseSec', false],
      ['aov', true],
    ]);
    expect(later?.measures?.map((item) => item.name)).toEqual(['conversion', 'itemsPerBuyer']);
  });
});
