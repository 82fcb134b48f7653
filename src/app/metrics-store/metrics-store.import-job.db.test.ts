import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../store/database.js';
import { findImportJob, insertImportJob } from '../../store/import-jobs.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import type { Actor } from '../accounts/index.js';
import { organizationWithShop } from './metrics-store.test-utils.js';
import { failInterruptedImports, getImport, startImport } from './metrics-store.import.js';

// 导入任务: a real import starts as a running job and ends done (rows stored, progress to the end of
// the file) or rejected (nothing stored); a job left running by a stopped server ends failed.

const clock = { now: () => new Date('2026-03-20T04:00:00Z') };
const at = new Date('2026-03-01T00:00:00Z');
const header = 'shop,order,buyer,created,paid,amount,items,status,refund\n';
const orderRows = (count: number, prefix: string) =>
  Array.from(
    { length: count },
    (_, i) => `旗舰店,${prefix}${i},b${i},2026-03-10 10:00:00,2026-03-10 10:01:00,19.90,1,paid,0\n`,
  ).join('');

/** The file in chunks of 64 KiB, as an upload arrives. */
const chunked = (text: string) => {
  const bytes = Buffer.from(text);
  return {
    size: bytes.length,
    source: (async function* () {
      for (let from = 0; from < bytes.length; from += 65_536) yield bytes.subarray(from, from + 65_536);
    })(),
  };
};

describe('startImport', () => {
  let database: DatabaseHandle;
  let supervisor: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    supervisor = await organizationWithShop(database.db, at);
  });
  afterAll(() => database.close());

  const storedOrders = async (prefix: string) =>
    Number(
      (
        await database.db
          .selectFrom('orders')
          .where('orderId', 'like', `${prefix}%`)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** An orders import of `text` by the supervisor, in reject mode unless `extra` says otherwise. */
  const importOrders = (text: string, extra: Partial<Parameters<typeof startImport>[0]> = {}) => {
    const file = chunked(text);
    return startImport({
      db: database.db,
      clock,
      actor: supervisor,
      kind: 'orders',
      file: 'orders.csv',
      source: file.source,
      bytesTotal: file.size,
      mode: 'reject',
      ...extra,
    });
  };

  test('a real import starts running and ends done, with its progress and the rows stored', async () => {
    const text = header + orderRows(12_000, 'ok');
    const size = Buffer.byteLength(text);
    const seen: { bytesRead: number; rowsRead: number }[] = [];
    const { job, done } = await importOrders(text, {
      onProgress: (_rows, progress) => seen.push(progress),
    });
    expect(job).toMatchObject({ status: 'running', rowsRead: 0, bytesRead: 0, bytesTotal: size });
    const { job: ended, error } = await done;
    expect(error).toBeUndefined();
    expect(ended).toMatchObject({
      id: job.id,
      status: 'done',
      rowsRead: 12_000,
      rowsInserted: 12_000,
      bytesRead: size,
      bytesTotal: size,
    });
    expect(ended.finishedAt).not.toBeNull();
    // Progress came batch by batch, bytes and rows growing.
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)?.rowsRead).toBe(12_000);
    expect(seen[0]?.bytesRead).toBeGreaterThan(0);
    expect(seen[0]?.bytesRead).toBeLessThan(size);
    expect(await storedOrders('ok')).toBe(12_000);
    expect(await getImport({ db: database.db, actor: supervisor, id: job.id })).toEqual(ended);
  });

  test('a file with a bad row in reject mode ends rejected and stores nothing', async () => {
    const bad = '旗舰店,bad1,b1,2026-03-10 10:00:00,,-5,1,paid,0\n';
    const { job, done } = await importOrders(header + orderRows(3_000, 'rej') + bad);
    expect(job.status).toBe('running');
    const { job: ended } = await done;
    expect(ended).toMatchObject({ status: 'rejected', rowsInserted: 0, errorCount: 1 });
    expect(ended.issues).toEqual([expect.objectContaining({ at: expect.objectContaining({ line: 3_002 }) })]);
    expect(await storedOrders('rej')).toBe(0);
  });

  test('a record naming an unknown shop ends the job failed with the reason', async () => {
    const { done } = await importOrders(`${header}别的店,x1,b1,2026-03-10 10:00:00,,19.90,1,created,0\n`);
    const { job, error } = await done;
    expect(error).toBeDefined();
    expect(job.status).toBe('failed');
    expect(job.error).toContain('别的店');
  });

  test('while a job runs a second import is refused; on startup the job left running ends failed', async () => {
    const { db } = database;
    const left = await insertImportJob({
      db,
      job: {
        organizationId: supervisor.organizationId,
        kind: 'messages',
        fileName: 'chats.csv',
        mode: 'skip',
        bytesTotal: 1_000,
        createdBy: null,
        startedAt: clock.now(),
      },
    });
    const second = () => importOrders(header);
    await expect(second()).rejects.toMatchObject({ code: 'metrics.import.conflict' });
    expect(await failInterruptedImports({ db, clock })).toBe(1);
    const failed = await findImportJob({ db, organizationId: supervisor.organizationId, id: left.id });
    expect(failed).toMatchObject({ status: 'failed', finishedAt: clock.now() });
    expect(failed?.error).toContain('服务重启');
    const { done } = await second();
    expect((await done).job.status).toBe('done');
  });

  test('a poll while the import runs sees its progress between the start and the end, before it ends', async () => {
    const text = header + orderRows(12_000, 'poll');
    const polls: Promise<{ bytesRead: number; rowsRead: number; status: string }>[] = [];
    const order: string[] = [];
    let jobId: string | undefined;
    const { job, done } = await importOrders(text, {
      // The first stored batch polls, as the page does: by the job's id and in the list.
      onProgress: (_rows, progress) => {
        if (progress.rowsRead === 12_000) order.push('last batch stored');
        if (!jobId || polls.length > 0 || progress.rowsRead >= 12_000) return;
        polls.push(
          getImport({ db: database.db, actor: supervisor, id: jobId }).finally(() => order.push('get')),
        );
      },
    });
    jobId = job.id;
    const { job: ended } = await done;
    const [polled] = await Promise.all(polls);
    expect(polled?.status).toBe('running');
    expect(polled?.bytesRead).toBeGreaterThan(0);
    expect(polled?.bytesRead).toBeLessThan(Buffer.byteLength(text));
    expect(polled?.rowsRead).toBeGreaterThan(0);
    expect(polled?.rowsRead).toBeLessThan(12_000);
    // It answered while the import's transaction still held the database (PGlite's one connection).
    expect(order).toEqual(['get', 'last batch stored']);
    expect(ended).toMatchObject({ status: 'done', rowsRead: 12_000 });
  });

  test('of two imports started together (two requests at once), one runs and the other is refused', async () => {
    const start = (prefix: string) =>
      importOrders(header + orderRows(500, prefix), { file: `${prefix}.csv` });
    // Several rounds, each two starts from the same moment: on PGlite the second would otherwise
    // wait for the first import's transaction and start after it; on PostgreSQL both would pass a check.
    for (const round of [1, 2, 3, 4, 5]) {
      const results = await Promise.allSettled([start(`race${round}a`), start(`race${round}b`)]);
      const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      expect(started).toHaveLength(1);
      expect(refused).toEqual([
        expect.objectContaining({
          code: 'metrics.import.conflict',
          message: '已有一个导入任务正在进行，请等它结束后再导入',
        }),
      ]);
      expect((await started[0]?.done)?.job.status).toBe('done');
    }
  });
});
