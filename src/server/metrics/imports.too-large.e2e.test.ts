import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;

const gib = 2 ** 30;
const chunk = Buffer.alloc(1 << 20, 'A');

/**
 * A JSON body of `size` bytes made as it is read (one reused chunk), counting what the server
 * pulled from it and the highest resident memory seen meanwhile.
 */
const lazyBody = (size: number) => {
  let pulled = 0;
  let peakRss = process.memoryUsage.rss();
  const stream = Readable.from(
    (function* () {
      yield Buffer.from('{"kind":"orders","filename":"big.csv","contentBase64":"');
      while (pulled < size) {
        pulled += chunk.length;
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
        yield chunk;
      }
      yield Buffer.from('"}');
    })(),
  );
  return { stream, pulled: () => pulled, peakRss: () => peakRss };
};

const expectTooLarge = (response: { statusCode: number; json: () => unknown }) => {
  expect(response.statusCode).toBe(413);
  expect(response.json()).toMatchObject({
    error: {
      code: 'metrics.file_too_large',
      message: '文件超过 50 MB：请按日期或店铺拆分后分批导入',
      details: [{ path: 'body.contentBase64' }],
    },
  });
};

describe('POST /api/imports: an upload past 50 MB (上传过大)', () => {
  let server: TestServer;
  let supervisor: Session;

  beforeAll(async () => {
    server = await createTestServer();
    supervisor = await signIn(server.app, 'zhuguan');
  });
  afterAll(() => server.close());

  test('a 2 GB upload that says its length is refused with a Chinese 413 before it is read', async () => {
    const body = lazyBody(2 * gib);
    const started = Date.now();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: {
        ...supervisor.headers,
        'content-type': 'application/json',
        'content-length': String(2 * gib),
      },
      payload: body.stream,
    });
    expectTooLarge(response);
    expect(body.pulled()).toBeLessThan(64 << 20);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a 2 GB upload streamed without a length is refused at the limit, in bounded memory', async () => {
    const body = lazyBody(2 * gib);
    const before = process.memoryUsage.rss();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...supervisor.headers, 'content-type': 'application/json' },
      payload: body.stream,
    });
    expectTooLarge(response);
    // Past the limit (~67 MB of base64) the rest is drained, not kept: memory grows by less than
    // the limit itself while 2 GB pass.
    expect(body.pulled()).toBeGreaterThanOrEqual(2 * gib);
    expect(body.peakRss() - before).toBeLessThan(200 << 20);
  });

  test('a body within the base64 limit whose file decodes past 50 MB gets the same 413', async () => {
    const contentBase64 = Buffer.alloc(50 * 1024 * 1024 + 1, 'a').toString('base64');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: supervisor.headers,
      payload: { kind: 'orders', filename: 'big.csv', contentBase64 },
    });
    expectTooLarge(response);
  });

  test('other errors of the route still take the server’s usual answer', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: supervisor.headers,
      payload: { kind: 'nonsense', filename: 'a.csv', contentBase64: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation.failed' } });
  });
});
