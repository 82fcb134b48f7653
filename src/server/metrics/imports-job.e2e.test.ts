import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { overrideConfig } from '../../config/config.test-utils.js';
import { insertImportJob } from '../../store/import-jobs.repository.js';
import { createServer } from '../server.js';
import { createTestServer, signIn, type TestServer, shopIdOf } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;

// 导入任务 over HTTP: a real import answers 202 with the running job and is polled to its end; a
// check still answers at once; agents see no jobs; a listening server fails the jobs left running.

const orders = [
  'order,buyer,created,paid,amount,items,status,refund',
  ...Array.from(
    { length: 3_000 },
    (_, i) => `J${i},tb_${i},2026-03-01 10:00:00,2026-03-01 10:05:00,19.90,1,paid,0`,
  ),
].join('\n');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('imports API: background jobs', () => {
  let server: TestServer;
  let supervisor: Session;
  let agent: Session;
  let shopId: string;

  const post = (session: Session, payload: object) =>
    server.app.inject({ method: 'POST', url: '/api/imports', headers: session.headers, payload });
  const get = (session: Session, url: string) =>
    server.app.inject({ method: 'GET', url, headers: session.headers });

  beforeAll(async () => {
    server = await createTestServer();
    supervisor = await signIn(server.app, 'zhuguan');
    agent = await signIn(server.app, 'xiaomei');
    shopId = await shopIdOf(server.app, supervisor);
  });
  afterAll(() => server.close());

  test('a real import answers 202 with the running job, which GET follows until it is done', async () => {
    const file = { kind: 'orders', filename: 'orders.csv', contentBase64: base64(orders), shopId };
    const checked = await post(supervisor, { ...file, dryRun: true });
    expect(checked.statusCode).toBe(200);
    expect(checked.json().job).toMatchObject({ status: 'done', rowsInserted: 3_000 });
    const started = await post(supervisor, file);
    expect(started.statusCode).toBe(202);
    const { job } = started.json();
    expect(job).toMatchObject({
      status: 'running',
      rowsRead: 0,
      bytesTotal: Buffer.byteLength(orders),
      finishedAt: null,
    });
    let polled = job;
    for (let tries = 0; polled.status === 'running' && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const response = await get(supervisor, `/api/imports/${job.id}`);
      expect(response.statusCode).toBe(200);
      polled = response.json().job;
      expect(polled.rowsRead).toBeLessThanOrEqual(3_000);
    }
    expect(polled).toMatchObject({
      id: job.id,
      status: 'done',
      rowsRead: 3_000,
      rowsInserted: 3_000,
      bytesRead: Buffer.byteLength(orders),
    });
    const listed = (await get(supervisor, '/api/imports')).json().jobs;
    expect(listed[0]).toMatchObject({ id: job.id, status: 'done' });
    expect((await get(supervisor, '/api/imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  test('agents may neither start nor read import jobs', async () => {
    const [first] = (await get(supervisor, '/api/imports')).json().jobs;
    expect((await get(agent, `/api/imports/${first.id}`)).statusCode).toBe(403);
    const upload = await post(agent, { kind: 'orders', filename: 'o.csv', contentBase64: base64(orders) });
    expect(upload.statusCode).toBe(403);
  });

  test('a server that starts listening fails the jobs an earlier process left running', async () => {
    const organizationId = server.demo.organizationId;
    const left = await insertImportJob({
      db: server.db,
      job: {
        organizationId,
        kind: 'messages',
        fileName: 'chats.csv',
        mode: 'reject',
        bytesTotal: 10,
        createdBy: null,
        startedAt: new Date(server.clock.now().getTime() - 60_000),
      },
    });
    expect((await get(supervisor, `/api/imports/${left.id}`)).json().job.status).toBe('running');
    expect(
      (await post(supervisor, { kind: 'orders', filename: 'o.csv', contentBase64: base64(orders) }))
        .statusCode,
    ).toBe(409);
    const restarted = await createServer({ db: server.db, config: overrideConfig(), clock: server.clock });
    await restarted.listen({ port: 0, host: '127.0.0.1' });
    // listen() can resolve before the onListen sweep has written: wait for it, then stop.
    const statusOf = async () => (await get(supervisor, `/api/imports/${left.id}`)).json().job.status;
    await expect.poll(statusOf, { timeout: 10_000 }).toBe('failed');
    await restarted.close();
    const job = (await get(supervisor, `/api/imports/${left.id}`)).json().job;
    expect(job).toMatchObject({ status: 'failed', error: expect.stringContaining('服务重启') });
  });
});
