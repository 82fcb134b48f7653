import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { textHash } from '../../store/metrics.repository.js';
import { createTestServer, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;

const shanghaiMs = 8 * 3_600_000;

describe('质检 workbench API', () => {
  let server: TestServer;
  let supervisor: Session;
  let xiaomei: Session;
  let ahui: Session;
  let shopId: string;

  const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  const storeChat = async (conversation: string, agent: string, reply: string) => {
    const organizationId = server.demo.organizationId;
    const lines = [
      { sender: 'buyer', time: new Date('2026-03-01T02:00:00Z'), text: '有微信吗' },
      { sender: 'agent', time: new Date('2026-03-01T02:01:00Z'), text: reply },
    ];
    await server.db
      .insertInto('messages')
      .values(
        lines.map((line) => ({
          organizationId,
          shopId,
          day: Math.floor((line.time.getTime() + shanghaiMs) / 86_400_000),
          conversation,
          buyer: `buyer-${conversation}`,
          agent,
          sender: line.sender,
          time: line.time,
          kind: 'human',
          text: line.text,
          textHash: textHash(line.text),
        })),
      )
      .execute();
  };

  const waitForRun = async (id: string) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const run = (await call(supervisor, 'GET', `/api/inspection/runs/${id}`)).json();
      if (run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('run did not finish');
  };

  const findingOf = async (session: Session, agent: string) => {
    const list = (await call(session, 'GET', '/api/inspection/findings?ruleId=offsite_contact')).json();
    return list.findings.find((one: { agent: string }) => one.agent === agent);
  };

  beforeAll(async () => {
    server = await createTestServer();
    const shop = await server.db
      .selectFrom('shops')
      .select('id')
      .where('organizationId', '=', server.demo.organizationId)
      .where('platform', '=', 'tmall')
      .executeTakeFirstOrThrow();
    shopId = shop.id;
    await storeChat('c-mei', '旗舰店:小美', '亲，您好，加我微信 kefu_xiaomei 发您图');
    await storeChat('c-hui', '旗舰店:阿慧', '亲，您好，加我微信 ahui_2026 发您图');
    supervisor = await signIn(server.app, 'zhuguan');
    xiaomei = await signIn(server.app, 'xiaomei');
    ahui = await signIn(server.app, 'ahui');
    const started = await call(supervisor, 'POST', '/api/inspection/runs', {
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(started.statusCode).toBe(200);
    const done = await waitForRun(started.json().id);
    expect(done).toMatchObject({ status: 'done', messagesChecked: 4, findingsCount: 2 });
  });
  afterAll(() => server.close());

  test('runs are listed; an agent may not start or list runs', async () => {
    const runs = (await call(supervisor, 'GET', '/api/inspection/runs')).json().runs;
    expect(runs[0]).toMatchObject({ from: '2026-03-01', to: '2026-03-01', status: 'done' });
    expect(
      (await call(xiaomei, 'POST', '/api/inspection/runs', { from: '2026-03-01', to: '2026-03-01' }))
        .statusCode,
    ).toBe(403);
    expect((await call(xiaomei, 'GET', '/api/inspection/runs')).statusCode).toBe(403);
  });

  test('a bad period is a 400 naming the field', async () => {
    const response = await call(supervisor, 'POST', '/api/inspection/runs', {
      from: '2026-03-05',
      to: '2026-03-01',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('body.to');
  });

  test('agents see only their own findings and conversations; others are 404', async () => {
    const all = (await call(supervisor, 'GET', '/api/inspection/findings')).json();
    expect(all.byAgent.map((row: { agent: string }) => row.agent).sort()).toEqual([
      '旗舰店:小美',
      '旗舰店:阿慧',
    ]);
    const mine = (await call(xiaomei, 'GET', '/api/inspection/findings')).json();
    expect(mine.findings.map((one: { agent: string }) => one.agent)).toEqual(['旗舰店:小美']);
    expect(mine.findings[0]).toMatchObject({
      shopName: '天猫旗舰店',
      ruleId: 'offsite_contact',
      status: 'open',
    });
    const own = await call(xiaomei, 'GET', `/api/inspection/conversations/${shopId}/c-mei`);
    expect(own.statusCode).toBe(200);
    expect(own.json().messages[1].findings[0].ruleId).toBe('offsite_contact');
    expect((await call(xiaomei, 'GET', `/api/inspection/conversations/${shopId}/c-hui`)).statusCode).toBe(
      404,
    );
    const others = await findingOf(supervisor, '旗舰店:阿慧');
    expect(
      (await call(xiaomei, 'POST', `/api/inspection/findings/${others.id}/appeal`, { text: '不是我' }))
        .statusCode,
    ).toBe(404);
  });

  test('review: CSRF is required, agents cannot confirm, wrong states are 409, the owner appeals, a reviewer decides', async () => {
    const finding = await findingOf(supervisor, '旗舰店:小美');
    const url = `/api/inspection/findings/${finding.id}`;
    const noCsrf = await server.app.inject({
      method: 'POST',
      url: `${url}/confirm`,
      headers: { cookie: supervisor.headers.cookie },
      payload: {},
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('auth.csrf_invalid');
    expect((await call(xiaomei, 'POST', `${url}/confirm`, {})).statusCode).toBe(403);
    const early = await call(xiaomei, 'POST', `${url}/appeal`, { text: '买家先要的' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('inspection.conflict');
    expect((await call(supervisor, 'POST', `${url}/confirm`, { note: '属实' })).json().status).toBe(
      'confirmed',
    );
    expect((await call(supervisor, 'POST', `${url}/dismiss`, { reason: '误报' })).statusCode).toBe(409);
    const appealed = await call(xiaomei, 'POST', `${url}/appeal`, { text: '买家先要的' });
    expect(appealed.json()).toMatchObject({ status: 'appealed', appealText: '买家先要的' });
    const decided = await call(supervisor, 'POST', `${url}/decide`, { upheld: false, note: '不能给微信号' });
    expect(decided.json()).toMatchObject({ status: 'appeal_rejected', decisionNote: '不能给微信号' });
    const scores = (
      await call(xiaomei, 'GET', '/api/inspection/scores?from=2026-03-01&to=2026-03-31')
    ).json();
    expect(scores.agents).toEqual([
      expect.objectContaining({ agent: '旗舰店:小美', displayName: '小美', confirmed: 1, qaScore: 94 }),
    ]);
  });

  test('score sheets, a reproducible draw and scoring; agents cannot draw', async () => {
    const sheet = (
      await call(supervisor, 'POST', '/api/inspection/score-sheets', {
        title: '售前质检评分表',
        items: [
          { label: '问候', points: 10 },
          { label: '合规', points: 90 },
        ],
      })
    ).json();
    expect(sheet).toMatchObject({ version: 1, maxTotal: 100 });
    const body = { sheetId: sheet.id, from: '2026-03-01', to: '2026-03-01', perAgent: 1 };
    const first = (await call(supervisor, 'POST', '/api/inspection/samples/draw', body)).json();
    const again = (await call(supervisor, 'POST', '/api/inspection/samples/draw', body)).json();
    expect(first.samples).toHaveLength(2);
    expect(again).toEqual(first);
    expect((await call(ahui, 'POST', '/api/inspection/samples/draw', body)).statusCode).toBe(403);
    const scored = await call(supervisor, 'POST', `/api/inspection/samples/${first.samples[0].id}/score`, {
      scores: [9, 80],
    });
    expect(scored.json()).toMatchObject({ total: 89 });
    const tooHigh = await call(supervisor, 'POST', `/api/inspection/samples/${first.samples[0].id}/score`, {
      scores: [19, 80],
    });
    expect(tooHigh.statusCode).toBe(400);
  });

  test('shop settings: saved per day, applied to the live check, bad patterns named', async () => {
    const saved = await call(supervisor, 'PUT', `/api/inspection/settings/${shopId}`, {
      effectiveFrom: '2026-01-01',
      rules: { offsite_contact: { points: 9 } },
      custom: [{ id: 'shop_lowest', title: '禁说全网最低', points: 2, words: ['全网最低'] }],
    });
    expect(saved.statusCode).toBe(200);
    const check = (
      await call(xiaomei, 'POST', '/api/check', { text: '我们全网最低，加微信 abc_123', shopId })
    ).json();
    expect(
      check.findings.map((one: { rule: string; points: number }) => [one.rule, one.points]).sort(),
    ).toEqual([
      ['offsite_contact', 9],
      ['shop_lowest', 2],
    ]);
    const bad = await call(supervisor, 'PUT', `/api/inspection/settings/${shopId}`, {
      effectiveFrom: '2026-01-01',
      custom: [{ id: 'broken', title: '坏模式', patterns: ['(未闭合'] }],
    });
    expect(bad.statusCode).toBe(400);
    const versions = (await call(supervisor, 'GET', `/api/inspection/settings/${shopId}`)).json().versions;
    expect(versions).toHaveLength(1);
    expect(
      (await call(xiaomei, 'PUT', `/api/inspection/settings/${shopId}`, { effectiveFrom: '2026-01-01' }))
        .statusCode,
    ).toBe(403);
  });

  test('the export is JSONL in the eval format, for reviewers only', async () => {
    const response = await call(supervisor, 'GET', '/api/inspection/export.jsonl');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ buyer: '有微信吗', rules: ['offsite_contact'] })]);
    expect((await call(xiaomei, 'GET', '/api/inspection/export.jsonl')).statusCode).toBe(403);
  });
});
