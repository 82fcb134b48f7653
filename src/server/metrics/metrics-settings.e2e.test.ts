import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, shopIdOf, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;

// 小美 answers after 40 s: slow only when the shop's threshold is below 40 s.
const messages = [
  'shop,platform,buyer,agent,sender,time,text,kind',
  '天猫旗舰店,tmall,tb_lily,旗舰店:小美,buyer,2026-03-01 10:00:00,这款有现货吗,human',
  '天猫旗舰店,tmall,tb_lily,旗舰店:小美,agent,2026-03-01 10:00:40,亲，有现货的,human',
].join('\n');

describe('shop metric settings API (店铺绩效设置)', () => {
  let server: TestServer;
  let supervisor: Session;
  let agent: Session;
  let shopId: string;

  const request = (session: Session, method: 'GET' | 'PUT', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const slowTurns = async () => {
    const response = await request(supervisor, 'GET', '/api/metrics?from=2026-03-01&to=2026-03-01');
    expect(response.statusCode).toBe(200);
    return response.json().rows.find((row: { agent: string }) => row.agent === '旗舰店:小美')?.slowTurns;
  };

  beforeAll(async () => {
    server = await createTestServer();
    supervisor = await signIn(server.app, 'zhuguan');
    agent = await signIn(server.app, 'xiaomei');
    shopId = await shopIdOf(server.app, supervisor);
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: supervisor.headers,
      payload: {
        kind: 'messages',
        filename: 'chats.csv',
        contentBase64: Buffer.from(messages).toString('base64'),
        wait: true,
      },
    });
    expect(imported.json().job).toMatchObject({ status: 'done', rowsInserted: 2 });
  });
  afterAll(() => server.close());

  test('a supervisor saves a lower slow-reply threshold and the stored KPI follows it; audited', async () => {
    expect(await slowTurns()).toBe(0);
    const empty = await request(supervisor, 'GET', `/api/metrics/settings/${shopId}`);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({
      shop: { id: shopId, name: '天猫旗舰店', platform: 'tmall' },
      versions: [],
      current: { effectiveFrom: null, settings: { slowThresholdSec: 60 } },
    });
    const saved = await request(supervisor, 'PUT', `/api/metrics/settings/${shopId}`, {
      effectiveFrom: '2026-03-01',
      overrides: { slowThresholdSec: 30, credit: { mode: 'payment' } },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().versions).toMatchObject([
      {
        effectiveFrom: '2026-03-01',
        overrides: { slowThresholdSec: 30, credit: { mode: 'payment' } },
        settings: { slowThresholdSec: 30, credit: { mode: 'payment', pick: 'last' } },
        createdByName: '李主管',
      },
    ]);
    expect(await slowTurns()).toBe(1);
    const audit = await server.db
      .selectFrom('auditLog')
      .select(['action', 'target', 'actorId'])
      .where('action', '=', 'metrics.settings_saved')
      .execute();
    expect(audit).toEqual([{ action: 'metrics.settings_saved', target: shopId, actorId: supervisor.userId }]);
  });

  test('bad values are refused with 400 naming each field, and nothing is saved', async () => {
    const response = await request(supervisor, 'PUT', `/api/metrics/settings/${shopId}`, {
      effectiveFrom: '2026-03-02',
      overrides: { slowThresholdSec: 0, credit: { mode: 'whoever' }, lookbackDays: 7 },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation.failed');
    expect(error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      'body.overrides.credit.mode',
      'body.overrides.lookbackDays',
      'body.overrides.slowThresholdSec',
    ]);
    // Every message is in Chinese and names the field by its label, for the form and the CLI.
    const messages = new Map(
      error.details.map((detail: { path: string; message: string }) => [detail.path, detail.message]),
    );
    expect(messages.get('body.overrides.credit.mode')).toBe('落实方式：只能是：order、payment、orderFirst');
    expect(messages.get('body.overrides.lookbackDays')).toBe('lookbackDays：没有这个设置项');
    expect(messages.get('body.overrides.slowThresholdSec')).toBe('响应超时阈值：须大于 0 秒');
    expect(error.message).toBe(
      '绩效设置有误：响应超时阈值：须大于 0 秒；落实方式：只能是：order、payment、orderFirst；lookbackDays：没有这个设置项',
    );
    const platform = await request(supervisor, 'PUT', `/api/metrics/settings/${shopId}`, {
      effectiveFrom: '2026-03-02',
      overrides: {
        hours: { pdd: { from: '23:00', to: '08:00' }, douyin: { from: '8:00', to: '23:00' } },
        pdd: { reply30sTarget: 85 },
        jd: {
          tiers: [
            { min: 80, name: '达标', passed: true, penalty: 0 },
            { min: 90, name: ' ', passed: false, penalty: 100 },
          ],
        },
        teams: { '旗舰店:小美': '售前一组', '旗舰店:阿慧': '' },
      },
    });
    expect(platform.statusCode).toBe(400);
    expect(platform.json().error.details).toEqual([
      { path: 'body.overrides.hours.pdd', message: '拼多多考核时段：开始时间须早于结束时间' },
      {
        path: 'body.overrides.hours.douyin.from',
        message: '抖音考核时段的开始时间：时间格式应为 HH:MM（00:00 到 24:00），例如 08:00',
      },
      {
        path: 'body.overrides.pdd.reply30sTarget',
        message: '拼多多应答率目标：须在 0 到 1 之间（比例，0.85 即 85%）',
      },
      { path: 'body.overrides.jd.tiers.1.name', message: '京东售后服务分档位第 2 档的名称：不能为空' },
      {
        path: 'body.overrides.jd.tiers.1.min',
        message: '京东售后服务分档位第 2 档的最低分：须低于第 1 档的 80 分（从高分到低分排列）',
      },
      { path: 'body.overrides.teams.旗舰店:阿慧', message: '班组：子账号「旗舰店:阿慧」的班组名不能为空' },
    ]);
    const badDay = await request(supervisor, 'PUT', `/api/metrics/settings/${shopId}`, {
      effectiveFrom: '2026-3-2',
      overrides: {},
    });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().error.details[0].path).toBe('body.effectiveFrom');
    const view = (await request(supervisor, 'GET', `/api/metrics/settings/${shopId}`)).json();
    expect(view.versions.map((version: { effectiveFrom: string }) => version.effectiveFrom)).toEqual([
      '2026-03-01',
    ]);
  });

  test('agents get 403; a save without the CSRF token is refused; an unknown shop is 404', async () => {
    expect((await request(agent, 'GET', `/api/metrics/settings/${shopId}`)).statusCode).toBe(403);
    const body = { effectiveFrom: '2026-03-01', overrides: { slowThresholdSec: 5 } };
    expect((await request(agent, 'PUT', `/api/metrics/settings/${shopId}`, body)).statusCode).toBe(403);
    const noCsrf = await server.app.inject({
      method: 'PUT',
      url: `/api/metrics/settings/${shopId}`,
      headers: { cookie: supervisor.headers.cookie },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('auth.csrf_invalid');
    const unknown = await request(
      supervisor,
      'GET',
      '/api/metrics/settings/00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);
    expect(await slowTurns()).toBe(1);
  });

  test('PDD shop targets (店铺目标) are saved as a version, cleared with null, and bad ones named', async () => {
    const url = `/api/metrics/settings/${shopId}`;
    const bad = await request(supervisor, 'PUT', url, {
      effectiveFrom: '2026-03-05',
      overrides: {
        pdd: { avgResponseSecTarget: 0, conversionTarget: 35, aovTarget: '199', itemsPerBuyerTarget: -1 },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      {
        path: 'body.overrides.pdd.avgResponseSecTarget',
        message: '拼多多平均人工响应时长目标：不能小于 1 秒',
      },
      {
        path: 'body.overrides.pdd.conversionTarget',
        message: '拼多多询单转化率目标：须在 0 到 1 之间（比例，0.85 即 85%）',
      },
      { path: 'body.overrides.pdd.aovTarget', message: '拼多多客单价目标：应为数字，不设目标为 null' },
      { path: 'body.overrides.pdd.itemsPerBuyerTarget', message: '拼多多客件数目标：不能小于 0.01 件' },
    ]);
    const saved = await request(supervisor, 'PUT', url, {
      effectiveFrom: '2026-03-05',
      overrides: { pdd: { avgResponseSecTarget: 25, aovTarget: 199.5 } },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().versions.at(-1).settings.pdd).toEqual({
      replyWithinSec: 30,
      reply30sTarget: 0.8,
      avgResponseSecTarget: 25,
      conversionTarget: null,
      aovTarget: 199.5,
      itemsPerBuyerTarget: null,
    });
    const cleared = await request(supervisor, 'PUT', url, {
      effectiveFrom: '2026-03-06',
      overrides: { pdd: { avgResponseSecTarget: null } },
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().versions.at(-1).settings.pdd).toMatchObject({
      avgResponseSecTarget: null,
      aovTarget: null,
    });
    expect(cleared.json().preset.pdd).toMatchObject({ avgResponseSecTarget: null, conversionTarget: null });
  });
});
