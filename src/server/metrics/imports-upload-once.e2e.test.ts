import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../app/demo/demo.seed.js';
import { overrideConfig } from '../../config/config.test-utils.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { areaRoutes } from '../routes.js';
import { createServer, type KefuServer } from '../server.js';
import { createTestClock, signIn, testPassword, shopIdOf } from '../server.test-utils.js';
import { importUploadRoutes, importUploadRoutesWith } from './imports.upload.routes.js';

type Session = Awaited<ReturnType<typeof signIn>>;

// 校验 then 确认导入 with one upload: the check keeps its file under an uploadId that the import
// starts from (POST /api/imports/from-upload), once, for its owner, within its lifetime.
const keepForMs = 10 * 60_000;
const header = 'order,buyer,created,paid,amount,items,status,refund\n';
const line = (order: string) => `${order},tb_1,2026-03-01 10:00:00,2026-03-01 10:05:00,19.90,1,paid,0\n`;
const goodRows = 50;
const good = Array.from({ length: goodRows }, (_, i) => line(`ONCE${i}`)).join('');
// One bad row: a check in reject mode rejects the file; an import in skip mode stores the rest.
const withBadRow = `${header}${good}BAD1,tb_1,不是时间,,1,1,paid,0\n`;
const expiredMessage = '上传的文件已过期，请重新选择文件';

describe('imports API: a checked upload imported without a second upload', () => {
  let app: KefuServer;
  let closeDatabase: () => Promise<void>;
  let clock: ReturnType<typeof createTestClock>;
  let directory: string;
  let supervisor: Session;
  let admin: Session;
  let agent: Session;
  let shopId: string;

  const check = async (session: Session, csv: string, query: Record<string, string> = {}) => {
    const params = new URLSearchParams({
      kind: 'orders',
      filename: '订单.csv',
      shopId,
      dryRun: 'true',
      ...query,
    });
    const response = await app.inject({
      method: 'POST',
      url: `/api/imports/upload?${params}`,
      headers: { ...session.headers, 'content-type': 'application/octet-stream' },
      payload: csv,
    });
    expect(response.statusCode).toBe(200);
    return response.json() as { job: { status: string; rowsRead: number }; uploadId: string };
  };
  const confirm = (session: Session, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/imports/from-upload', headers: session.headers, payload: body });
  const files = () => readdir(directory);

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'kefu-upload-once-test-'));
    const database = await createTestDatabase();
    closeDatabase = database.close;
    clock = createTestClock();
    await seedDemo({ db: database.db, clock, password: testPassword });
    const routes = areaRoutes.map((route) =>
      route === importUploadRoutes ? importUploadRoutesWith({ directory, keepForMs }) : route,
    );
    app = await createServer({ db: database.db, config: overrideConfig(), clock, routes });
    supervisor = await signIn(app, 'zhuguan');
    admin = await signIn(app, 'admin');
    agent = await signIn(app, 'xiaomei');
    shopId = await shopIdOf(app, supervisor);
  });
  afterAll(async () => {
    await app.close();
    await closeDatabase();
    await rm(directory, { recursive: true, force: true });
  });

  test("the import takes the confirm's own options, reads the kept file and removes it; the id works once", async () => {
    const checked = await check(supervisor, withBadRow);
    expect(checked.job).toMatchObject({ status: 'rejected', rowsInserted: 0 });
    expect(checked.uploadId).toMatch(/^[\w-]{20,}$/);
    expect(await files()).toHaveLength(1);
    // The check ran in reject mode; the import asks for skip mode and gets it.
    const imported = await confirm(supervisor, {
      uploadId: checked.uploadId,
      kind: 'orders',
      mode: 'skip',
      shopId,
      wait: true,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().job).toMatchObject({
      status: 'done',
      fileName: '订单.csv',
      rowsRead: goodRows + 1,
      rowsInserted: goodRows,
      rowsRejected: 1,
      bytesTotal: Buffer.byteLength(withBadRow),
    });
    expect(await files()).toEqual([]);
    const again = await confirm(supervisor, { uploadId: checked.uploadId, mode: 'skip', shopId });
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toMatchObject({ code: 'metrics.upload.not_found', message: expiredMessage });
  });

  test('a job started from an id answers 202 and removes the file at its end', async () => {
    const { uploadId } = await check(supervisor, `${header}${line('RUN1')}`);
    const started = await confirm(supervisor, { uploadId, kind: 'orders', shopId });
    expect(started.statusCode).toBe(202);
    const { id } = started.json().job;
    for (let tries = 0; tries < 400; tries++) {
      const { job } = (
        await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: supervisor.headers })
      ).json();
      if (job.status !== 'running' && (await files()).length === 0) {
        expect(job).toMatchObject({ status: 'done', rowsInserted: 1 });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`import ${id} did not end, or its file stayed: ${await files()}`);
  });

  test('an expired id answers 404 and its file is gone', async () => {
    const { uploadId } = await check(supervisor, withBadRow);
    expect(await files()).toHaveLength(1);
    clock.advance(keepForMs);
    const late = await confirm(supervisor, { uploadId, mode: 'skip', shopId });
    expect(late.statusCode).toBe(404);
    expect(late.json().error.message).toBe(expiredMessage);
    expect(await files()).toEqual([]);
  });

  test("another user's id, another kind or an unknown id: 404, and the owner can still use it", async () => {
    const { uploadId } = await check(supervisor, withBadRow);
    const byAdmin = await confirm(admin, { uploadId, mode: 'skip', shopId });
    expect(byAdmin.statusCode).toBe(404);
    expect(byAdmin.json().error.code).toBe('metrics.upload.not_found');
    const otherKind = await confirm(supervisor, { uploadId, kind: 'ratings', mode: 'skip', shopId });
    expect(otherKind.statusCode).toBe(404);
    const unknown = await confirm(supervisor, { uploadId: 'no-such-upload', mode: 'skip', shopId });
    expect(unknown.statusCode).toBe(404);
    // A refusal that needs no file (an unknown shop) leaves the file for a corrected confirm.
    const noShop = await confirm(supervisor, { uploadId, shopId: '00000000-0000-4000-8000-000000000000' });
    expect(noShop.statusCode).toBe(404);
    expect(noShop.json().error.code).not.toBe('metrics.upload.not_found');
    const owner = await confirm(supervisor, { uploadId, mode: 'skip', shopId, wait: true });
    expect(owner.json().job).toMatchObject({ status: 'done', rowsRejected: 1 });
    expect(await files()).toEqual([]);
  });

  test('a new check replaces the same user’s kept file; no CSRF token or an agent: 403', async () => {
    const first = await check(supervisor, withBadRow);
    const second = await check(supervisor, withBadRow);
    expect(await files()).toHaveLength(1);
    expect((await confirm(supervisor, { uploadId: first.uploadId, mode: 'skip', shopId })).statusCode).toBe(
      404,
    );
    const { 'x-csrf-token': _token, ...cookieOnly } = supervisor.headers;
    const forged = await app.inject({
      method: 'POST',
      url: '/api/imports/from-upload',
      headers: cookieOnly,
      payload: { uploadId: second.uploadId, mode: 'skip', shopId },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('auth.csrf_invalid');
    const byAgent = await confirm(agent, { uploadId: second.uploadId, mode: 'skip', shopId });
    expect(byAgent.statusCode).toBe(403);
    expect(byAgent.json().error.code).toBe('auth.forbidden');
    expect(await files()).toHaveLength(1);
  });

  test('the server removes the kept files when it closes', async () => {
    await check(supervisor, withBadRow);
    expect(await files()).toHaveLength(1);
    await app.close();
    expect(await files()).toEqual([]);
  });
});
