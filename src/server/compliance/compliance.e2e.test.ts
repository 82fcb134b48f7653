import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../app/demo/demo.seed.js';
import {
  createTestServer,
  demoDataWithPrefix,
  signIn,
  type TestServer,
  testPassword,
} from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;
type FindingDto = {
  rule: string;
  ruleTitle: string;
  start: number;
  end: number;
  evidence: string;
  points: number;
  suggestion: string;
};

describe('compliance API (话术检查 and 规则库)', () => {
  let server: TestServer;
  let agent: Session;
  let admin: Session;
  let otherAdmin: Session;

  const check = (session: Session, payload: Record<string, unknown>) =>
    server.app.inject({ method: 'POST', url: '/api/check', headers: session.headers, payload });
  const shopId = async (platform: string, organization = '演示店铺集团') => {
    const row = await server.db
      .selectFrom('shops')
      .innerJoin('organizations', 'organizations.id', 'shops.organizationId')
      .select('shops.id')
      .where('shops.platform', '=', platform)
      .where('organizations.name', '=', organization)
      .executeTakeFirstOrThrow();
    return row.id;
  };

  beforeAll(async () => {
    server = await createTestServer();
    await seedDemo({
      db: server.db,
      clock: server.clock,
      data: demoDataWithPrefix('b-', '乙公司'),
      password: testPassword,
    });
    agent = await signIn(server.app, 'xiaomei');
    admin = await signIn(server.app, 'admin');
    otherAdmin = await signIn(server.app, 'b-admin');
  });
  afterAll(() => server.close());

  test('an agent who offers a WeChat id gets 引导站外联系 with a span that points at the id', async () => {
    const text = '亲，加我薇信 abc12345 给您优惠';
    const response = await check(agent, { text });
    expect(response.statusCode).toBe(200);
    const findings: FindingDto[] = response.json().findings;
    const finding = findings.find((entry) => entry.rule === 'offsite_contact');
    expect(finding).toMatchObject({ ruleTitle: '引导站外联系', points: 6, kind: 'general', version: 1 });
    expect(finding?.evidence).toBe(text.slice(finding?.start, finding?.end));
    expect(finding?.evidence).toMatch(/abc12345|薇信/);
    expect(finding?.suggestion.length).toBeGreaterThan(0);
  });

  test('a compliant reply gets no findings', async () => {
    const response = await check(agent, { text: '亲，您好，这款现在有货，今天下单明天发货哦。' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ findings: [], rewrite: null });
  });

  test('the buyer message gives context: agreeing to a bank transfer is a finding only after the buyer asks', async () => {
    const reply = '可以的，没问题';
    const alone = (await check(agent, { text: reply })).json().findings as FindingDto[];
    const answered = (await check(agent, { text: reply, buyerText: '能直接银行转账给你吗？' })).json()
      .findings as FindingDto[];
    expect(alone.map((finding) => finding.rule)).not.toContain('offsite_payment');
    expect(answered.map((finding) => finding.rule)).toContain('offsite_payment');
  });

  test('a long reply with several violations gets one finding per rule, each span inside the text', async () => {
    const text =
      '亲，特价商品不开发票的哦。要优惠的话加我微信 kefu_8866 聊，也可以直接银行转账给我，便宜二十。';
    const findings: FindingDto[] = (await check(agent, { text })).json().findings;
    expect(new Set(findings.map((finding) => finding.rule))).toEqual(
      new Set(['invoice', 'offsite_contact', 'offsite_payment']),
    );
    for (const finding of findings) {
      expect(finding.start).toBeGreaterThanOrEqual(0);
      expect(finding.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(finding.start, finding.end)).toBe(finding.evidence);
    }
  });

  test("with a shop, only the rules of that shop's platform apply", async () => {
    const text = '亲，这单我直接给您关闭交易了';
    const tmall = (await check(admin, { text, shopId: await shopId('tmall') })).json()
      .findings as FindingDto[];
    const jd = (await check(admin, { text, shopId: await shopId('jd') })).json().findings as FindingDto[];
    expect(tmall.map((finding) => finding.rule)).toContain('close_order');
    expect(jd.map((finding) => finding.rule)).not.toContain('close_order');
  });

  test('a violating reply comes with 建议改写, a rewrite that passes the same check; a clean one with null', async () => {
    const text = '亲，这款有现货的。要优惠的话加我微信 kefu_8866 聊';
    const { rewrite, findings } = (await check(agent, { text })).json();
    expect(findings.length).toBeGreaterThan(0);
    expect(rewrite).toMatch(/^亲，这款有现货的。.*旺旺/);
    expect((await check(agent, { text: rewrite })).json()).toEqual({ findings: [], rewrite: null });
  });

  test('a shop may be named instead of given by id, as `kefu check --shop` does', async () => {
    const text = '亲，这单我直接给您关闭交易了';
    const { name } = await server.db
      .selectFrom('shops')
      .select('name')
      .where('id', '=', await shopId('jd'))
      .executeTakeFirstOrThrow();
    const byName = await check(admin, { text, shop: name });
    expect(byName.statusCode).toBe(200);
    expect((byName.json().findings as FindingDto[]).map((finding) => finding.rule)).not.toContain(
      'close_order',
    );
    const unknown = await check(admin, { text, shop: '没有这家店' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body.shop', message: '店铺不存在' }]);
    const both = await check(admin, { text, shop: name, shopId: await shopId('jd') });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details.map((detail: { path: string }) => detail.path)).toContain('body.shop');
  });

  test('a shop of another organisation is refused as an unknown body.shopId', async () => {
    const response = await check(otherAdmin, { text: '您好', shopId: await shopId('tmall') });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'body.shopId', message: '店铺不存在' }]);
  });

  test('empty text, 20,001 characters and unknown fields are refused with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '' }, 'body.text'],
      [{ text: '好'.repeat(20_001) }, 'body.text'],
      [{ text: '好', buyerText: '问'.repeat(20_001) }, 'body.buyerText'],
      [{ text: 42 }, 'body.text'],
      [{ text: '好', shopId: 'not-a-uuid' }, 'body.shopId'],
      [{}, 'body.text'],
    ];
    for (const [payload, path] of cases) {
      const response = await check(agent, payload);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
      expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
  });

  test('exactly 20,000 characters and binary-looking text are checked cleanly', async () => {
    expect((await check(agent, { text: '好'.repeat(20_000) })).statusCode).toBe(200);
    const binary = `\u0000\u0001\u0002\ufffd\ud800${String.fromCharCode(...Array.from({ length: 200 }, (_, i) => i))}\udfff`;
    const response = await check(agent, { text: binary, buyerText: '\u0000\ud83d' });
    expect(response.statusCode).toBe(200);
    expect(Array.isArray(response.json().findings)).toBe(true);
  });

  test('without a session the check answers 401, and without the CSRF header 403', async () => {
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/check',
      payload: { text: '您好' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('auth.unauthenticated');
    const noCsrf = await server.app.inject({
      method: 'POST',
      url: '/api/check',
      headers: { cookie: agent.headers.cookie },
      payload: { text: '您好' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('auth.csrf_invalid');
    expect((await server.app.inject({ method: 'GET', url: '/api/rules' })).statusCode).toBe(401);
  });

  test('an agent reads the rule library: every rule once, in its current version, with examples', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/rules', headers: agent.headers });
    expect(response.statusCode).toBe(200);
    const rules: { id: string; title: string; version: number; kind: string; wrongExamples: string[] }[] =
      response.json().rules;
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    const offsite = rules.find((rule) => rule.id === 'offsite_contact');
    expect(offsite).toMatchObject({
      title: '引导站外联系',
      kind: 'general',
      points: 6,
      deposit: { amountFen: 1_000_000, fromOccurrence: 2 },
      effectiveFrom: '2016-01-01',
    });
    expect(offsite?.wrongExamples.length).toBeGreaterThan(0);
    // invoice has a 2020 version; the test clock stands in 2026.
    expect(rules.find((rule) => rule.id === 'invoice')?.version).toBe(2);
  });
});
