import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { textHash } from '../../store/metrics.repository.js';
import { createTestServer, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const items = [
  { label: '问候与礼貌', points: 20, description: '人工首句有问候' },
  { label: '解答准确', points: 40 },
  { label: '平台规则合规', points: 40 },
];

describe('质检评分表 API', () => {
  let server: TestServer;
  let supervisor: Session;
  let agent: Session;

  const call = (session: Session, method: Method, url: string, payload?: object) =>
    server.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const create = async (title: string) => {
    const response = await call(supervisor, 'POST', '/api/inspection/score-sheets', { title, items });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ id: string; version: number }>();
  };

  beforeAll(async () => {
    server = await createTestServer();
    const shop = await server.db
      .selectFrom('shops')
      .select('id')
      .where('organizationId', '=', server.demo.organizationId)
      .where('platform', '=', 'tmall')
      .executeTakeFirstOrThrow();
    const lines = [
      { sender: 'buyer', time: new Date('2026-03-01T02:00:00Z'), text: '在吗' },
      { sender: 'agent', time: new Date('2026-03-01T02:01:00Z'), text: '亲，您好，在的' },
    ];
    await server.db
      .insertInto('messages')
      .values(
        lines.map((line) => ({
          organizationId: server.demo.organizationId,
          shopId: shop.id,
          day: Math.floor((line.time.getTime() + 8 * 3_600_000) / 86_400_000),
          conversation: 'c-sheet',
          buyer: 'buyer-sheet',
          agent: '旗舰店:小美',
          sender: line.sender,
          time: line.time,
          kind: 'human',
          text: line.text,
          textHash: textHash(line.text),
        })),
      )
      .execute();
    supervisor = await signIn(server.app, 'zhuguan');
    agent = await signIn(server.app, 'xiaomei');
  });
  afterAll(() => server.close());

  test('a new sheet is listed with its total and no samples; edits before scoring may change anything', async () => {
    const sheet = await create('售前评分表');
    const listed = (await call(supervisor, 'GET', '/api/inspection/score-sheets')).json().sheets;
    expect(listed.find((one: { id: string }) => one.id === sheet.id)).toMatchObject({
      title: '售前评分表',
      version: 1,
      maxTotal: 100,
      samples: 0,
      scored: 0,
      items: [
        { label: '问候与礼貌', description: '人工首句有问候' },
        { label: '解答准确' },
        { label: '平台规则合规' },
      ],
    });
    const edited = await call(supervisor, 'PUT', `/api/inspection/score-sheets/${sheet.id}`, {
      title: '售前评分表',
      items: [items[2], { ...items[1], points: 50 }],
    });
    expect(edited.json()).toMatchObject({ version: 2, maxTotal: 90, items: [{ label: '平台规则合规' }, {}] });
  });

  test('bad sheets are 400s naming the field, in Chinese', async () => {
    const empty = await call(supervisor, 'POST', '/api/inspection/score-sheets', { title: ' ', items: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'body.title', message: '请填写评分表名称' },
        { path: 'body.items', message: '评分表至少要有一项' },
      ]),
    );
    const tooMany = await call(supervisor, 'POST', '/api/inspection/score-sheets', {
      title: '表',
      items: [{ label: '问候', points: 120 }],
    });
    expect(tooMany.json().error.details).toEqual([
      { path: 'body.items.0.points', message: '单项满分不能超过 100 分' },
    ]);
    const duplicate = await call(supervisor, 'POST', '/api/inspection/score-sheets', {
      title: '表',
      items: [
        { label: '问候', points: 10 },
        { label: ' 问候 ', points: 10 },
      ],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details).toEqual([
      { path: 'body.items[1].label', message: '评分项「问候」重复' },
    ]);
  });

  test('once a sample is scored, the items keep their count and points; names and criteria may change', async () => {
    const sheet = await create('在用评分表');
    const url = `/api/inspection/score-sheets/${sheet.id}`;
    const drawn = await call(supervisor, 'POST', '/api/inspection/samples/draw', {
      sheetId: sheet.id,
      from: '2026-03-01',
      to: '2026-03-01',
      perAgent: 1,
    });
    const sampleId = drawn.json().samples[0].id;
    // Drawn but not scored: the structure may still change.
    expect(
      (await call(supervisor, 'PUT', url, { title: '在用评分表', items: [...items].reverse() })).statusCode,
    ).toBe(200);
    expect(
      (await call(supervisor, 'POST', `/api/inspection/samples/${sampleId}/score`, { scores: [30, 30, 15] }))
        .statusCode,
    ).toBe(200);
    const reordered = await call(supervisor, 'PUT', url, { title: '在用评分表', items });
    expect(reordered.statusCode).toBe(409);
    expect(reordered.json().error).toMatchObject({
      code: 'inspection.conflict',
      details: [{ path: 'body.items', message: expect.stringContaining('已有 1 个抽检') }],
    });
    const fewer = await call(supervisor, 'PUT', url, { title: '在用评分表', items: items.slice(1) });
    expect(fewer.statusCode).toBe(409);
    const reworded = await call(supervisor, 'PUT', url, {
      title: '在用评分表（修订）',
      items: [
        { label: '平台规则合规（高压线）', points: 40, description: '无引导站外' },
        { label: '解答准确', points: 40 },
        { label: '问候与礼貌', points: 20 },
      ],
    });
    expect(reworded.json()).toMatchObject({ version: 3, samples: 1, scored: 1, title: '在用评分表（修订）' });
  });

  test('an unused sheet can be deleted; one drawn with cannot; agents may do none of it', async () => {
    const unused = await create('草稿');
    const used = (await call(supervisor, 'GET', '/api/inspection/score-sheets'))
      .json()
      .sheets.find((one: { samples: number }) => one.samples > 0);
    const noCsrf = await server.app.inject({
      method: 'DELETE',
      url: `/api/inspection/score-sheets/${unused.id}`,
      headers: { cookie: supervisor.headers.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    for (const [method, url, body] of [
      ['GET', '/api/inspection/score-sheets', undefined],
      ['POST', '/api/inspection/score-sheets', { title: '客服自建', items }],
      ['PUT', `/api/inspection/score-sheets/${unused.id}`, { title: '客服改', items }],
      ['DELETE', `/api/inspection/score-sheets/${unused.id}`, undefined],
    ] as const) {
      const response = await call(agent, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    const inUse = await call(supervisor, 'DELETE', `/api/inspection/score-sheets/${used.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toBe('这张评分表已用于 1 个抽检，不能删除');
    expect((await call(supervisor, 'DELETE', `/api/inspection/score-sheets/${unused.id}`)).statusCode).toBe(
      204,
    );
    expect((await call(supervisor, 'DELETE', `/api/inspection/score-sheets/${unused.id}`)).statusCode).toBe(
      404,
    );
    const left = (await call(supervisor, 'GET', '/api/inspection/score-sheets')).json().sheets;
    expect(left.map((one: { title: string }) => one.title)).not.toContain('草稿');
    const audit = await server.db
      .selectFrom('auditLog')
      .select('action')
      .where('target', '=', unused.id)
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual([
      'inspection.sheet_deleted',
      'inspection.sheet_saved',
    ]);
  });

  test('the versions of a sheet are listed with what was scored on each; archiving stops new draws, audited', async () => {
    const sheet = await create('版本表');
    const reworded = items.map((item, index) => (index === 0 ? { ...item, label: '问候' } : item));
    await call(supervisor, 'PUT', `/api/inspection/score-sheets/${sheet.id}`, {
      title: '版本表',
      items: reworded,
    });
    const history = await call(supervisor, 'GET', `/api/inspection/score-sheets/${sheet.id}/versions`);
    expect(history.statusCode, history.body).toBe(200);
    expect(
      history
        .json()
        .versions.map((one: { version: number; items: { label: string }[] }) => [
          one.version,
          one.items[0]?.label,
        ]),
    ).toEqual([
      [2, '问候'],
      [1, '问候与礼貌'],
    ]);
    const url = `/api/inspection/score-sheets/${sheet.id}/archived`;
    expect((await call(agent, 'PUT', url, { archived: true })).statusCode).toBe(403);
    const noCsrf = await server.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: supervisor.headers.cookie },
      payload: { archived: true },
    });
    expect(noCsrf.statusCode).toBe(403);
    const archived = await call(supervisor, 'PUT', url, { archived: true });
    expect(archived.json().archivedAt).not.toBeNull();
    const draw = await call(supervisor, 'POST', '/api/inspection/samples/draw', {
      sheetId: sheet.id,
      from: '2026-03-01',
      to: '2026-03-01',
      perAgent: 1,
    });
    expect(draw.statusCode).toBe(400);
    expect(draw.body).toContain('已归档，不能再抽检');
    expect((await call(supervisor, 'PUT', url, { archived: false })).json().archivedAt).toBeNull();
    expect((await call(supervisor, 'PUT', url, { archive: 'yes' })).statusCode).toBe(400);
    const audit = await server.db
      .selectFrom('auditLog')
      .select('action')
      .where('target', '=', sheet.id)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['inspection.sheet_archived', 'inspection.sheet_restored']),
    );
  });
});
