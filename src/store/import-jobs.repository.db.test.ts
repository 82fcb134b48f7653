import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle, Db } from './database.js';
import {
  findImportJob,
  insertImportJobUnlessRunning,
  type NewImportJob,
  updateImportJob,
} from './import-jobs.repository.js';
import { insertOrganization } from './organizations.repository.js';
import { createTestDatabase } from './test-utils.js';

// One running import job per organisation (migration 0015). The race it closes: two requests both
// see no running job, then both insert one. On PostgreSQL two real transactions race on two
// connections; PGlite (one connection) runs the same inserts one after the other.

const serverUrl = process.env.KEFU_TEST_DATABASE_URL;
if (!serverUrl)
  console.info(
    '⚠ skipped: the two-connection import-job race — needs PostgreSQL (set KEFU_TEST_DATABASE_URL); PGlite has one connection',
  );

const at = new Date('2026-03-20T04:00:00Z');
const job = (organizationId: string, fileName: string): NewImportJob => ({
  organizationId,
  kind: 'orders',
  fileName,
  mode: 'reject',
  bytesTotal: 100,
  createdBy: null,
  startedAt: at,
});

/** Polls until another backend of this database waits for a lock in an insert into import_jobs. */
const insertWaitsForLock = async (db: Db, inserting: Promise<unknown>) => {
  let finished = false;
  void inserting.finally(() => {
    finished = true;
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (finished) throw new Error('the second insert finished instead of waiting for the first');
    const { rows } = await sql<{ pid: number }>`
      select pid from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'
        and query like 'insert into "import_jobs"%'`.execute(db);
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no insert into import_jobs waited for a lock within 15 s');
};

describe('insertImportJobUnlessRunning', () => {
  let database: DatabaseHandle;
  let organizationId: string;
  let otherOrganizationId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    organizationId = (await insertOrganization({ db: database.db, name: '一', demo: false, createdAt: at }))
      .id;
    otherOrganizationId = (
      await insertOrganization({ db: database.db, name: '二', demo: false, createdAt: at })
    ).id;
  });
  afterAll(() => database.close());

  test('a second running job of one organisation is not stored; another organisation and a later job are', async () => {
    const { db } = database;
    const first = await insertImportJobUnlessRunning({ db, job: job(organizationId, 'a.csv') });
    expect(first?.status).toBe('running');
    expect(await insertImportJobUnlessRunning({ db, job: job(organizationId, 'b.csv') })).toBeUndefined();
    const other = await insertImportJobUnlessRunning({ db, job: job(otherOrganizationId, 'c.csv') });
    expect(other?.status).toBe('running');
    await updateImportJob({ db, id: first?.id ?? '', changes: { status: 'done', finishedAt: at } });
    await updateImportJob({ db, id: other?.id ?? '', changes: { status: 'done', finishedAt: at } });
    const later = await insertImportJobUnlessRunning({ db, job: job(organizationId, 'd.csv') });
    expect(later?.status).toBe('running');
    await updateImportJob({ db, id: later?.id ?? '', changes: { status: 'failed', finishedAt: at } });
  });

  test.skipIf(!serverUrl)(
    'on PostgreSQL, of two connections starting a job at once, the second waits for the first to commit and starts none',
    async () => {
      const { db } = database;
      let commit = () => {};
      const committing = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let inserted = () => {};
      const firstInserted = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      // The first connection inserts its running job and holds its transaction open.
      const first = db.transaction().execute(async (trx) => {
        const row = await insertImportJobUnlessRunning({ db: trx, job: job(organizationId, 'first.csv') });
        inserted();
        await committing;
        return row;
      });
      await Promise.race([firstInserted, first]);
      // The second connection sees no committed running job, as the old check did, and inserts.
      const second = insertImportJobUnlessRunning({ db, job: job(organizationId, 'second.csv') });
      await insertWaitsForLock(db, second);
      commit();
      const started = await first;
      expect(started?.status).toBe('running');
      expect(await second).toBeUndefined();
      const running = await db
        .selectFrom('importJobs')
        .select('fileName')
        .where('organizationId', '=', organizationId)
        .where('status', '=', 'running')
        .execute();
      expect(running).toEqual([{ fileName: 'first.csv' }]);
      expect(await findImportJob({ db, organizationId, id: started?.id ?? '' })).toMatchObject({
        status: 'running',
      });
    },
  );
});
