import type { Updateable } from 'kysely';
import type { Db } from './database.js';
import type { ImportJobsTable } from './schema.js';

// 导入任务: one row per real import, written when it starts and updated with its progress until it
// ends. Progress is written outside the import's own transaction, so other readers see it.

export type ImportJobStatus = 'running' | 'done' | 'rejected' | 'failed';

export type ImportJobRecord = {
  id: string;
  kind: string;
  fileName: string;
  mode: string;
  status: ImportJobStatus;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  bytesRead: number;
  bytesTotal: number | null;
  issues: unknown;
  error: string | null;
  createdBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  progressAt: Date;
};

export type NewImportJob = {
  organizationId: string;
  kind: string;
  fileName: string;
  mode: string;
  bytesTotal: number | null;
  createdBy: string | null;
  startedAt: Date;
};

export type ImportJobChanges = Partial<{
  status: ImportJobStatus;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  bytesRead: number;
  issues: unknown[];
  error: string | null;
  finishedAt: Date;
  progressAt: Date;
}>;

const columns = [
  'id',
  'kind',
  'fileName',
  'mode',
  'status',
  'rowsRead',
  'rowsInserted',
  'rowsRejected',
  'bytesRead',
  'bytesTotal',
  'issues',
  'error',
  'createdBy',
  'startedAt',
  'finishedAt',
  'progressAt',
] as const;

type Row = { [K in (typeof columns)[number]]: unknown };

const toRecord = (row: Row): ImportJobRecord => ({
  ...(row as ImportJobRecord),
  bytesRead: Number(row.bytesRead),
  bytesTotal: row.bytesTotal === null ? null : Number(row.bytesTotal),
});

const runningJob = (job: NewImportJob) => ({
  ...job,
  status: 'running',
  rowsRead: 0,
  rowsInserted: 0,
  rowsRejected: 0,
  bytesRead: 0,
  issues: '[]',
  progressAt: job.startedAt,
});

/**
 * Creates the job of an import that starts now, as running with nothing read; undefined when the
 * organisation already has a running job. The unique index of migration 0015 decides, so of two
 * inserts arriving together only one starts a job.
 */
export const insertImportJobUnlessRunning = async ({
  db,
  job,
}: {
  db: Db;
  job: NewImportJob;
}): Promise<ImportJobRecord | undefined> => {
  const row = await db
    .insertInto('importJobs')
    .values(runningJob(job))
    .onConflict((conflict) => conflict.column('organizationId').where('status', '=', 'running').doNothing())
    .returning(columns)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
};

/** Creates a running job; throws when the organisation already has one (unique violation). */
export const insertImportJob = async ({ db, job }: { db: Db; job: NewImportJob }) => {
  const row = await db
    .insertInto('importJobs')
    .values(runningJob(job))
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRecord(row);
};

/** Writes a job's progress or its end. */
export const updateImportJob = async ({
  db,
  id,
  changes,
}: {
  db: Db;
  id: string;
  changes: ImportJobChanges;
}) => {
  const { issues, ...rest } = changes;
  const values: Updateable<ImportJobsTable> = {
    ...rest,
    ...(issues ? { issues: JSON.stringify(issues) } : {}),
  };
  await db.updateTable('importJobs').set(values).where('id', '=', id).execute();
};

/** One job of an organisation. */
export const findImportJob = async ({
  db,
  organizationId,
  id,
}: {
  db: Db;
  organizationId: string;
  id: string;
}): Promise<ImportJobRecord | undefined> => {
  const row = await db
    .selectFrom('importJobs')
    .select(columns)
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
};

/** The latest import jobs of an organisation, newest first. */
export const listImportJobs = async ({
  db,
  organizationId,
  limit,
}: {
  db: Db;
  organizationId: string;
  limit: number;
}): Promise<ImportJobRecord[]> => {
  const rows = await db
    .selectFrom('importJobs')
    .select(columns)
    .where('organizationId', '=', organizationId)
    .orderBy('startedAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
};

/**
 * Ends as failed every running job whose heartbeat is older than `before` (all running jobs when
 * `before` is now), in every organisation or one, except the jobs `running` names (this process is
 * still running them); returns how many.
 */
export const failRunningImportJobs = async ({
  db,
  before,
  now,
  error,
  organizationId,
  running = [],
}: {
  db: Db;
  before: Date;
  now: Date;
  error: string;
  organizationId?: string;
  running?: string[];
}): Promise<number> => {
  let query = db
    .updateTable('importJobs')
    .set({ status: 'failed', error, finishedAt: now })
    .where('status', '=', 'running')
    .where('progressAt', '<=', before);
  if (organizationId) query = query.where('organizationId', '=', organizationId);
  if (running.length > 0) query = query.where('id', 'not in', running);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
};
