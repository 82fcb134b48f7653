import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// Imports run as background jobs: the row is written when the job starts (running) and carries its
// progress (bytes of the file read, rows read and stored) until it ends done, rejected or failed.
// progress_at is the job's heartbeat: a running row whose heartbeat stopped belongs to a process
// that is gone.

export const importJobProgressMigration: Migration = {
  name: '0014-import-job-progress',
  up: async (db: Kysely<unknown>) => {
    await sql`alter table import_jobs drop constraint import_jobs_status_check`.execute(db);
    await sql`alter table import_jobs add constraint import_jobs_status_check
      check (status in ('running', 'done', 'rejected', 'failed'))`.execute(db);
    await sql`alter table import_jobs alter column finished_at drop not null`.execute(db);
    await sql`alter table import_jobs alter column finished_at drop default`.execute(db);
    await db.schema
      .alterTable('import_jobs')
      .addColumn('bytes_read', 'bigint', (col) => col.notNull().defaultTo(0))
      .addColumn('bytes_total', 'bigint')
      .addColumn('error', 'text')
      .addColumn('progress_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();
  },
  down: async (db) => {
    await db.schema
      .alterTable('import_jobs')
      .dropColumn('bytes_read')
      .dropColumn('bytes_total')
      .dropColumn('error')
      .dropColumn('progress_at')
      .execute();
  },
};
