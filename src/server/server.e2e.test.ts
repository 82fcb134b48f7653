import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { overrideConfig } from '../config/config.test-utils.js';
import { createServer } from './server.js';
import { createTestClock, createTestServer, signIn, type TestServer } from './server.test-utils.js';
import type { AreaRoutes } from './server.types.js';

describe('createServer', () => {
  let server: TestServer;
  const webRoot = mkdtempSync(join(tmpdir(), 'kefu-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Kefu app</title>');
  beforeAll(async () => {
    server = await createTestServer({ webRoot });
  });
  afterAll(() => server.close());

  test('refuses to start when a route declares no permission', async () => {
    const undeclared: AreaRoutes = async (app) => {
      app.get('/api/undeclared', async () => ({ ok: true }));
    };
    await expect(
      createServer({
        db: server.db,
        config: overrideConfig(),
        clock: createTestClock(),
        routes: [undeclared],
      }),
    ).rejects.toThrow(/GET \/api\/undeclared must declare config.permission/);
  });

  test('an unexpected error answers 500 internal.error without its message or stack', async () => {
    const failing: AreaRoutes = async (app) => {
      app.get('/api/fails', { config: { permission: 'public' } }, async () => {
        throw new Error('connection string postgres://secret@db');
      });
    };
    const app = await createServer({
      db: server.db,
      config: overrideConfig(),
      clock: createTestClock(),
      routes: [failing],
    });
    const response = await app.inject({ method: 'GET', url: '/api/fails' });
    await app.close();
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal.error');
    expect(response.body).not.toContain('secret');
  });

  test('a response that does not match its schema is an internal error, not leaked data', async () => {
    const leaky: AreaRoutes = async (app) => {
      app.get(
        '/api/leaky',
        { config: { permission: 'public' }, schema: { response: { 200: z.object({ count: z.number() }) } } },
        async () => ({ count: 'many' }) as unknown as { count: number },
      );
    };
    const app = await createServer({
      db: server.db,
      config: overrideConfig(),
      clock: createTestClock(),
      routes: [leaky],
    });
    const response = await app.inject({ method: 'GET', url: '/api/leaky' });
    await app.close();
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal.error');
  });

  test('an unknown /api route answers a JSON 404 not_found', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await server.app.inject({ method, url: '/api/no-such-thing' });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  test('malformed JSON answers 400 and the server still answers afterwards', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login": "admin", "password":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation.failed');
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });

  test('a bodiless POST sent with a JSON content type is accepted as no body', async () => {
    const session = await signIn(server.app, 'mumu');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { ...session.headers, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(200);
  });

  test('/healthz and /readyz report ok and ready', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  test('every response carries a request id, the caller’s own when it sends one', async () => {
    const given = await server.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(given.headers['x-request-id']).toBe('trace-42');
    const generated = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('the OpenAPI document lists the API routes, and its UI is served at /api/docs', async () => {
    const spec = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/me',
        '/api/shops',
        '/api/users/{id}',
        '/api/audit',
        '/readyz',
      ]),
    );
    expect(spec.paths['/api/auth/login'].post.requestBody).toBeDefined();
    const ui = await server.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBeLessThan(400);
  });

  test('a page path outside /api answers the web app’s index.html (SPA fallback)', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/settings/users' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Kefu app');
  });

  test('when web/dist is missing, a page path answers a short page saying to run npm run build', async () => {
    const app = await createServer({
      db: server.db,
      config: overrideConfig(),
      clock: createTestClock(),
      webRoot: join(webRoot, 'missing'),
    });
    const response = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('npm run build');
  });
});
