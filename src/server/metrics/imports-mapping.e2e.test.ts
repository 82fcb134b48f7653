import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, signIn, type TestServer, shopIdOf } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;

// A shop's own export: the last three headers are no synonyms Kefu knows.
const chats = [
  '买家昵称,客服账号,说话方,会话时间,聊天记录',
  'tb_own,旗舰店:小美,buyer,2026-03-01 10:00:00,有现货吗',
  'tb_own,旗舰店:小美,agent,2026-03-01 10:00:30,亲，有现货的',
].join('\n');
const mapping = {
  买家昵称: 'buyer',
  客服账号: 'agent',
  说话方: 'sender',
  会话时间: 'time',
  聊天记录: 'text',
};
const contentBase64 = Buffer.from(chats, 'utf8').toString('base64');

describe('imports API: 列映射 (column mapping presets)', () => {
  let server: TestServer;
  let supervisor: Session;
  let agent: Session;
  let shopId: string;

  const send = (session: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
    server.app.inject({ method, url, headers: session.headers, payload });
  const get = (session: Session, url: string) =>
    server.app.inject({ method: 'GET', url, headers: session.headers });

  beforeAll(async () => {
    server = await createTestServer();
    supervisor = await signIn(server.app, 'zhuguan');
    agent = await signIn(server.app, 'xiaomei');
    shopId = await shopIdOf(server.app, supervisor);
  });
  afterAll(() => server.close());

  const preview = (extra: object = {}) =>
    send(supervisor, 'POST', '/api/imports/preview', {
      kind: 'messages',
      filename: 'qianniu.csv',
      contentBase64,
      shopId,
      ...extra,
    });

  test('the preview shows the headers, the suggestion and the required fields left without a column', async () => {
    const response = await preview();
    expect(response.statusCode).toBe(200);
    const { preview: body } = response.json();
    expect(body.headers).toEqual(Object.keys(mapping));
    expect(body.mapping).toEqual({ 买家昵称: 'buyer', 客服账号: 'agent' });
    expect(body.preset).toBeNull();
    expect(body.issues.map((issue: { message: string }) => issue.message).join('\n')).toContain(
      '必填字段 sender 没有对应的列',
    );
  });

  test('an import with a mapping is done and saves the shop’s preset, which the next preview starts from', async () => {
    const response = await send(supervisor, 'POST', '/api/imports', {
      kind: 'messages',
      filename: 'qianniu.csv',
      contentBase64,
      shopId,
      mapping,
      savePreset: true,
      wait: true,
    });
    expect(response.json().job).toMatchObject({ status: 'done', rowsInserted: 2 });
    const presets = (await get(supervisor, '/api/imports/presets')).json().presets;
    expect(presets).toEqual([
      expect.objectContaining({ shopId, shopName: '天猫旗舰店', kind: 'messages', mapping }),
    ]);
    const again = (await preview()).json().preview;
    expect(again).toMatchObject({ preset: mapping, mapping, issues: [] });
  });

  test('a preset is saved directly; an unknown field is refused by header and field in Chinese', async () => {
    const url = `/api/imports/presets/${shopId}/orders`;
    const saved = await send(supervisor, 'PUT', url, { mapping: { 单号: 'order' } });
    expect(saved.statusCode).toBe(204);
    const refused = await send(supervisor, 'PUT', url, { mapping: { 单号: 'orderNo' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { path: 'body.mapping.单号', message: expect.stringContaining('列「单号」映射到未知字段 orderNo') },
    ]);
    const twice = await preview({ mapping: { 会话时间: 'time', 聊天记录: 'time' } });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toBe('字段 time 同时对应了列「会话时间」和「聊天记录」，只能选一列');
  });

  test('a 会话 column mapped to "" (不导入) is not imported, and the preset keeps that choice', async () => {
    // The shop's 会话 column holds its own labels; Kefu would take it by name as the conversation.
    const labelled = Buffer.from(
      [
        `${Object.keys(mapping).join(',')},会话`,
        'tb_label,旗舰店:小美,buyer,2026-03-01 10:00:00,有现货吗,售前',
        'tb_label,旗舰店:小美,agent,2026-03-01 10:00:30,亲，有现货的,售前',
      ].join('\n'),
      'utf8',
    ).toString('base64');
    const skipped = { ...mapping, 会话: '' };
    const checked = await preview({ contentBase64: labelled, mapping: skipped });
    expect(checked.statusCode).toBe(200);
    expect(checked.json().preview).toMatchObject({ mapping: skipped, issues: [] });
    const imported = await send(supervisor, 'POST', '/api/imports', {
      kind: 'messages',
      filename: 'labelled.csv',
      contentBase64: labelled,
      shopId,
      mapping: skipped,
      savePreset: true,
      wait: true,
    });
    expect(imported.json().job).toMatchObject({ status: 'done', rowsInserted: 2 });
    const stored = await server.db
      .selectFrom('messages')
      .select('conversation')
      .where('buyer', '=', 'tb_label')
      .execute();
    expect(stored.map((row) => row.conversation)).not.toContain('售前');
    const presets = (await get(supervisor, '/api/imports/presets')).json().presets;
    expect(presets).toContainEqual(
      expect.objectContaining({ kind: 'messages', mapping: { ...mapping, conversation: '' } }),
    );
    const again = (await preview({ contentBase64: labelled })).json().preview;
    expect(again).toMatchObject({ mapping: skipped, issues: [] });
    // A required field left without a column is the missing-column issue of the header line.
    const noAgent = (await preview({ mapping: { ...mapping, 客服账号: '' } })).json().preview;
    expect(noAgent.issues).toContainEqual(
      expect.objectContaining({
        message: '必填字段 agent 没有对应的列：列映射把它设为（不导入）；请在列映射中为它选一列',
        at: { file: 'qianniu.csv', line: 1, field: 'agent' },
      }),
    );
  });

  test('agents may neither preview nor save mappings', async () => {
    expect(
      (
        await send(agent, 'POST', '/api/imports/preview', {
          kind: 'messages',
          filename: 'a.csv',
          contentBase64,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await send(agent, 'PUT', `/api/imports/presets/${shopId}/messages`, { mapping })).statusCode,
    ).toBe(403);
    expect((await get(agent, '/api/imports/presets')).statusCode).toBe(403);
  });
});
