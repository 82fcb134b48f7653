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
    expect(unknown.json().error.details[0]).toMatchObject({ path: 'body.rules' });
    const empty = await call(supervisor, 'POST', '/api/inspection/examples', { agent: ' ', rules: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请填写客服回复');
    for (const [method, url, body] of [
      ['GET', '/api/inspection/examples', undefined],
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
  });
});
