import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createDatabase } from '../database.js';
import { migrations } from './index.js';
import { runMigrations } from './migrations.js';

// Migration 0015 adds the one-running-import-per-organisation index; a database where the old race
// already left two running jobs of one organisation keeps the newest and fails the others.

describe('0015-one-running-import', () => {
  test('an organisation with two running jobs keeps the newest running; the older ends failed', async () => {
    const database = await createDatabase({ url: 'memory://', dataDir: '' });
    try {
      const { db } = database;
      const before = migrations.findIndex((migration) => migration.name === '0015-one-running-import');
      await runMigrations({ db, migrations: migrations.slice(0, before) });
      const orgs = await db
        .insertInto('organizations')
        .values([{ name: '一' }, { name: '二' }])
        .returning('id')
        .execute();
      const [one, two] = orgs.map((org) => org.id);
      const job = (organizationId: string | undefined, fileName: string, startedAt: string) => ({
        organizationId: organizationId ?? '',
        kind: 'orders',
        fileName,
        mode: 'reject',
        status: 'running',
        rowsRead: 0,
        rowsInserted: 0,
        rowsRejected: 0,
        issues: '[]',
        bytesRead: 0,
        startedAt: new Date(startedAt),
        progressAt: new Date(startedAt),
      });
      await db
        .insertInto('importJobs')
        .values([
          job(one, 'older.csv', '2026-03-01T00:00:00Z'),
          job(one, 'newer.csv', '2026-03-01T00:00:01Z'),
          job(two, 'alone.csv', '2026-03-01T00:00:00Z'),
        ])
        .execute();
      expect((await runMigrations({ db })).applied).toContain('0015-one-running-import');
      const jobs = await db
        .selectFrom('importJobs')
        .select(['fileName', 'status', 'error'])
        .orderBy('fileName')
        .execute();
      expect(jobs).toEqual([
        { fileName: 'alone.csv', status: 'running', error: null },
        { fileName: 'newer.csv', status: 'running', error: null },
        { fileName: 'older.csv', status: 'failed', error: expect.stringContaining('服务重启') },
      ]);
      await expect(
        sql`insert into import_jobs (organization_id, kind, file_name, mode, status, rows_read,
            rows_inserted, rows_rejected, issues, started_at)
          values (${one}, 'orders', 'third.csv', 'reject', 'running', 0, 0, 0, '[]', now())`.execute(db),
      ).rejects.toThrow(/import_jobs_one_running/);
    } finally {
      await database.close();
    }
  });
});
