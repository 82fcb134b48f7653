import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// One import of an organisation runs at a time: two would write the same shops' records and days in
// overlapping transactions. A check before the insert lets two requests arriving together both
// pass, so the database keeps it: at most one running job per organisation. Rows already breaking
// that (left by the race before this migration) keep their newest running job; the others end failed
// like a job cut off by a restart, since their process is gone or will never be told apart.

export const oneRunningImportMigration: Migration = {
  name: '0015-one-running-import',
  up: async (db: Kysely<unknown>) => {
    await sql`update import_jobs set status = 'failed', finished_at = now(),
        error = '导入中断（服务重启），未导入任何记录，请重新导入'
      where status = 'running' and id not in (
        select distinct on (organization_id) id from import_jobs
        where status = 'running' order by organization_id, started_at desc, id)`.execute(db);
    await sql`create unique index import_jobs_one_running on import_jobs (organization_id)
      where status = 'running'`.execute(db);
  },
  down: async (db) => {
    await sql`drop index import_jobs_one_running`.execute(db);
  },
};
