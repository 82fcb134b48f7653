import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../app/demo/demo.seed.js';
import { overrideConfig } from '../../config/config.test-utils.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { areaRoutes } from '../routes.js';
import { createServer, type KefuServer } from '../server.js';
import { createTestClock, signIn, testPassword, shopIdOf } from '../server.test-utils.js';
import { importUploadRoutes, importUploadRoutesWith } from './imports.upload.routes.js';

type Session = Awaited<ReturnType<typeof signIn>>;

// 上传 (POST /api/imports/upload): the raw file streamed to a temporary file that the import reads
// and removes. The server here takes at most 4 MiB per upload, so the limit is tested without GBs.
const maxBytes = 4 * 2 ** 20;
const orderHeader = 'order,buyer,created,paid,amount,items,status,refund\n';
const orderLine = (i: number, shop = '') =>
  `${shop}U${String(i).padStart(7, '0')},tb_${i % 997},2026-03-01 10:00:00,2026-03-01 10:05:00,19.90,1,paid,0\n`;
// ~2.3 MB: MiBs go through the stream and the file, just under the limit.
const rows = 30_000;
const ordersCsv = orderHeader + Array.from({ length: rows }, (_, i) => orderLine(i)).join('');

/** A body made as it is read, in 64 KiB pieces, counting what the server pulled from it. */
const lazyBody = (text: string | number) => {
  let pulled = 0;
  const piece = 1 << 16;
  const bytes = typeof text === 'string' ? Buffer.from(text) : undefined;
  const size = bytes?.length ?? (text as number);
  const stream = Readable.from(
    (function* () {
      for (let at = 0; at < size; at += piece) {
        pulled = Math.min(size, at + piece);
        yield bytes ? bytes.subarray(at, at + piece) : Buffer.alloc(Math.min(piece, size - at), 'A');
      }
    })(),
  );
  return { stream, pulled: () => pulled };
};

describe('imports API: raw uploads (上传)', () => {
  let app: KefuServer;
  let closeDatabase: () => Promise<void>;
  let directory: string;
  let supervisor: Session;
  let agent: Session;
  let shopId: string;

  const upload = (session: Session | undefined, query: Record<string, string>, body: Readable | string) =>
    app.inject({
      method: 'POST',
      url: `/api/imports/upload?${new URLSearchParams(query)}`,
      headers: { ...session?.headers, 'content-type': 'application/octet-stream' },
      payload: body,
    });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: supervisor.headers });
  const leftInDirectory = () => readdir(directory);
  /** Polls the job to its end; the upload's file is removed right after the job row ends. */
  const ended = async (id: string, kept: string[] = []) => {
    for (let tries = 0; tries < 400; tries++) {
      const { job } = (await get(`/api/imports/${id}`)).json();
      if (job.status !== 'running' && `${await leftInDirectory()}` === `${kept}`) return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`import ${id} did not end, or its file stayed: ${await leftInDirectory()}`);
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'kefu-upload-test-'));
    const database = await createTestDatabase();
    closeDatabase = database.close;
    const clock = createTestClock();
    await seedDemo({ db: database.db, clock, password: testPassword });
    const routes = areaRoutes.map((route) =>
      route === importUploadRoutes ? importUploadRoutesWith({ maxBytes, directory }) : route,
    );
    app = await createServer({ db: database.db, config: overrideConfig(), clock, routes });
    supervisor = await signIn(app, 'zhuguan');
    agent = await signIn(app, 'xiaomei');
    shopId = await shopIdOf(app, supervisor);
  });
  afterAll(async () => {
    await app.close();
    await closeDatabase();
    await rm(directory, { recursive: true, force: true });
  });

  test('a multi-MB CSV streamed without a length is checked, then imported by a job that removes its file', async () => {
    const query = { kind: 'orders', filename: '订单.csv', shopId };
    const checked = await upload(supervisor, { ...query, dryRun: 'true' }, lazyBody(ordersCsv).stream);
    expect(checked.statusCode).toBe(200);
    expect(checked.json().job).toMatchObject({ status: 'done', rowsRead: rows, rowsInserted: rows });
    // The check keeps its file for 确认导入 (imports-upload-once.e2e.test.ts); a second upload works too.
    const kept = await leftInDirectory();
    expect(kept).toHaveLength(1);
    const body = lazyBody(ordersCsv);
    const started = await upload(supervisor, query, body.stream);
    expect(started.statusCode).toBe(202);
    const { job } = started.json();
    expect(job).toMatchObject({ status: 'running', fileName: '订单.csv', bytesTotal: ordersCsv.length });
    expect(body.pulled()).toBe(ordersCsv.length);
    expect(await ended(job.id, kept)).toMatchObject({
      status: 'done',
      rowsRead: rows,
      rowsInserted: rows,
      bytesRead: ordersCsv.length,
    });
    const fromCheck = await app.inject({
      method: 'POST',
      url: '/api/imports/from-upload',
      headers: supervisor.headers,
      payload: { uploadId: checked.json().uploadId, shopId, wait: true },
    });
    expect(fromCheck.json().job).toMatchObject({
      status: 'done',
      rowsRead: rows,
      bytesRead: ordersCsv.length,
    });
    expect(await leftInDirectory()).toEqual([]);
  });

  test('wait answers at the end; the mapping comes as JSON in the query and can be saved as the preset', async () => {
    const csv = `单号,买家,下单,付款,金额,件数,状态,退款\n${orderLine(1, 'M').slice(0, -1)}`;
    const mapping = {
      单号: 'order',
      买家: 'buyer',
      下单: 'created',
      付款: 'paid',
      金额: 'amount',
      件数: 'items',
      状态: 'status',
      退款: 'refund',
    };
    const query = { kind: 'orders', filename: 'o.csv', shopId, mapping: JSON.stringify(mapping) };
    const response = await upload(supervisor, { ...query, wait: 'true', savePreset: 'true' }, csv);
    expect(response.statusCode).toBe(200);
    expect(response.json().job).toMatchObject({ status: 'done', rowsInserted: 1 });
    const presets = (await get('/api/imports/presets')).json().presets;
    expect(presets).toContainEqual(expect.objectContaining({ shopId, kind: 'orders', mapping }));
    expect(await leftInDirectory()).toEqual([]);
    const broken = await upload(supervisor, { ...query, mapping: '{单号' }, csv);
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details[0]).toMatchObject({ path: 'query.mapping' });
  });

  test('a job that fails or rejects the file removes it too', async () => {
    const unknownShop = `${orderHeader.replace('order', 'shop,order')}无此店,${orderLine(2)}`;
    const failed = await upload(supervisor, { kind: 'orders', filename: 'x.csv' }, unknownShop);
    expect(failed.statusCode).toBe(202);
    expect(await ended(failed.json().job.id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('无此店'),
    });
    const badRow = `${orderHeader}${orderLine(3)}R1,tb,不是时间,,1,1,paid,0\n`;
    const rejected = await upload(supervisor, { kind: 'orders', filename: 'x.csv', shopId }, badRow);
    expect(await ended(rejected.json().job.id)).toMatchObject({ status: 'rejected', rowsInserted: 0 });
  });

  test('past the limit: 413 in Chinese, the body cut off where it passed the limit, nothing left on disk', async () => {
    const declared = lazyBody(64 * maxBytes);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/imports/upload?kind=orders&filename=big.csv&shopId=${shopId}`,
      headers: {
        ...supervisor.headers,
        'content-type': 'application/octet-stream',
        'content-length': String(64 * maxBytes),
      },
      payload: declared.stream,
    });
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error).toMatchObject({
      code: 'metrics.file_too_large',
      message: '文件超过 4 MB：请按日期或店铺拆分后分批导入',
    });
    expect(declared.pulled()).toBeLessThan(1 << 20);
    const streamed = lazyBody(64 * maxBytes);
    const cut = await upload(supervisor, { kind: 'orders', filename: 'big.csv', shopId }, streamed.stream);
    expect(cut.statusCode).toBe(413);
    expect(cut.headers.connection).toBe('close');
    expect(streamed.pulled()).toBeGreaterThan(maxBytes);
    expect(streamed.pulled()).toBeLessThan(maxBytes + (1 << 20));
    expect(await leftInDirectory()).toEqual([]);
  });

  test('without the CSRF token, as an agent, or for an unknown shop the upload is refused before it is read', async () => {
    const query = { kind: 'orders', filename: 'o.csv' };
    const noToken = lazyBody(ordersCsv);
    const { 'x-csrf-token': _token, ...cookieOnly } = supervisor.headers;
    const forged = await upload(
      { ...supervisor, headers: cookieOnly as Session['headers'] },
      query,
      noToken.stream,
    );
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('auth.csrf_invalid');
    const asAgent = lazyBody(ordersCsv);
    const byAgent = await upload(agent, query, asAgent.stream);
    expect(byAgent.statusCode).toBe(403);
    expect(byAgent.json().error.code).toBe('auth.forbidden');
    const unknown = lazyBody(ordersCsv);
    const noShop = await upload(
      supervisor,
      { ...query, shopId: '00000000-0000-4000-8000-000000000000' },
      unknown.stream,
    );
    expect(noShop.statusCode).toBe(404);
    for (const body of [noToken, asAgent, unknown]) expect(body.pulled()).toBeLessThan(1 << 20);
    expect((await upload(undefined, query, 'a')).statusCode).toBe(401);
    expect(await leftInDirectory()).toEqual([]);
  });

  test('a JSON body is no upload: the route asks for application/octet-stream', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/imports/upload?kind=orders&filename=o.csv',
      headers: supervisor.headers,
      payload: { contentBase64: 'YQ==' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('application/octet-stream');
  });

  test('the preview takes the start of a file and answers with its headers and first rows; agents and forged requests get 403', async () => {
    const head = ordersCsv.slice(0, ordersCsv.indexOf('\n', 1 << 16) + 1);
    const response = await app.inject({
      method: 'POST',
      url: `/api/imports/preview/upload?kind=orders&filename=订单.csv&shopId=${shopId}`,
      headers: { ...supervisor.headers, 'content-type': 'application/octet-stream' },
      payload: head,
    });
    expect(response.statusCode).toBe(200);
    const { preview } = response.json();
    expect(preview.headers).toEqual(orderHeader.trim().split(','));
    expect(preview.sampleRows).toHaveLength(20);
    expect(preview.issues).toEqual([]);
    const tooLong = await app.inject({
      method: 'POST',
      url: '/api/imports/preview/upload?kind=orders&filename=o.csv',
      headers: { ...supervisor.headers, 'content-type': 'application/octet-stream' },
      payload: lazyBody(2 * maxBytes).stream,
    });
    expect(tooLong.statusCode).toBe(413);
    const byAgent = await app.inject({
      method: 'POST',
      url: '/api/imports/preview/upload?kind=orders&filename=o.csv',
      headers: { ...agent.headers, 'content-type': 'application/octet-stream' },
      payload: head,
    });
    expect(byAgent.statusCode).toBe(403);
    const { 'x-csrf-token': _token, ...cookieOnly } = supervisor.headers;
    const forged = await app.inject({
      method: 'POST',
      url: '/api/imports/preview/upload?kind=orders&filename=o.csv',
      headers: { ...cookieOnly, 'content-type': 'application/octet-stream' },
      payload: head,
    });
    expect(forged.json().error.code).toBe('auth.csrf_invalid');
  });

  test('over a socket: past the limit the 413 comes while the client still sends, and a client gone mid-upload leaves no file', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const url = new URL(`/api/imports/upload?kind=orders&filename=big.csv&shopId=${shopId}`, address);
    const headers = { ...supervisor.headers, 'content-type': 'application/octet-stream' };
    const chunk = Buffer.alloc(1 << 16, 'A');
    const endless = 64 * maxBytes;
    const refused = await new Promise<{ status: number; sent: number }>((resolve) => {
      const request = httpRequest(url, { method: 'POST', headers });
      let sent = 0;
      let answered = false;
      const pump = () => {
        while (!answered && sent < endless) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        request.end();
      };
      request.on('response', (response) => {
        answered = true;
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, sent }));
      });
      // Writes after the server closed the connection fail; the answer has come by then.
      request.on('error', () => undefined);
      pump();
    });
    expect(refused.status).toBe(413);
    expect(refused.sent).toBeLessThan(endless / 4);
    const gone = httpRequest(url, { method: 'POST', headers });
    gone.on('error', () => undefined);
    gone.write(Buffer.alloc(1 << 20, 'A'));
    const until = async (done: (files: string[]) => boolean) => {
      for (let tries = 0; tries < 200 && !done(await leftInDirectory()); tries++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      return leftInDirectory();
    };
    expect(await until((files) => files.length === 1)).toHaveLength(1);
    gone.destroy();
    expect(await until((files) => files.length === 0)).toEqual([]);
    expect((await get('/readyz')).statusCode).toBe(200);
  });
});
