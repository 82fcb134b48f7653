import type { Issue } from '../../domain/shared/index.js';
import type { RecordKind } from '../../io/records/index.js';
import type { Db } from '../../store/database.js';
import {
  failRunningImportJobs,
  findImportJob,
  type ImportJobRecord,
  type ImportJobStatus,
  insertImportJobUnlessRunning,
  listImportJobs,
  updateImportJob,
} from '../../store/import-jobs.repository.js';
import { type Clock, isAppError } from '../accounts/index.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { metricsStoreErrors } from './metrics-store.errors.js';
import {
  type ImportOutcome,
  type ImportProgress,
  type ImportRecordsInput,
  prepareImport,
} from './metrics-store.import-read.js';
import {
  claimImportSlot,
  findRunningImport,
  releaseImportSlot,
  reportRunningImport,
  runningImportIds,
  trackRunningImport,
  untrackRunningImport,
  withRunningProgress,
} from './metrics-store.running-imports.js';
import type { MetricsStoreDeps } from './metrics-store.types.js';

// 导入任务: a real import runs as a background job. Its row is written as running before the file is
// read, so the server can answer at once; the import then writes its progress to the row (outside
// its own transaction, at most every `progressEveryMs`) and ends it done, rejected or failed. The
// process running a job also keeps its progress in memory (metrics-store.running-imports.ts), and
// reads of that job answer from there: on PGlite the row can only be written once the import's
// transaction has ended. A check (dryRun) is no job: it runs in the request and stores nothing.

export type ImportJobView = {
  id: string;
  kind: RecordKind;
  fileName: string;
  mode: 'reject' | 'skip';
  status: ImportJobStatus;
  bytesRead: number;
  bytesTotal: number | null;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  /** Every problem found, also those past the listed `issues` (at most 200 are kept). */
  errorCount: number;
  issues: Issue[];
  error: string | null;
  createdBy: string | null;
  startedAt: string;
  finishedAt: string | null;
};

const progressEveryMs = 500;
// A running job whose progress has not moved for this long belongs to a process that is gone.
const abandonedAfterMs = 10 * 60_000;
const interruptedMessage = '导入中断（服务重启），未导入任何记录，请重新导入';
const internalFailure = '导入时发生内部错误，未导入任何记录，请稍后重试';

const toView = (job: ImportJobRecord): ImportJobView => {
  const issues = (Array.isArray(job.issues) ? job.issues : []) as Issue[];
  return {
    id: job.id,
    kind: job.kind as RecordKind,
    fileName: job.fileName,
    mode: job.mode as ImportJobView['mode'],
    status: job.status,
    bytesRead: job.bytesRead,
    bytesTotal: job.bytesTotal,
    rowsRead: job.rowsRead,
    rowsInserted: job.rowsInserted,
    rowsRejected: job.rowsRejected,
    errorCount: Math.max(issues.filter((issue) => issue.severity === 'error').length, job.rowsRejected),
    issues,
    error: job.error,
    createdBy: job.createdBy,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
};

/**
 * Writes progress to the job row at most every `progressEveryMs`, one write at a time and never
 * awaited by the import: on PGlite (one connection) a write waits for the import's transaction.
 */
const progressWriter = (db: Db, clock: Clock, id: string) => {
  let latest: ImportProgress | undefined;
  let lastAt = 0;
  let writing: Promise<void> = Promise.resolve();
  let busy = false;
  const drain = async () => {
    for (let next = latest; next; next = latest) {
      latest = undefined;
      await updateImportJob({ db, id, changes: { ...next, progressAt: clock.now() } }).catch(() => {
        // A lost progress write only delays the bar; the job's end is written apart.
      });
    }
    busy = false;
  };
  return {
    report: (progress: ImportProgress) => {
      const now = performance.now();
      if (now - lastAt < progressEveryMs) return;
      lastAt = now;
      latest = progress;
      if (busy) return;
      busy = true;
      writing = drain();
    },
    settled: () => writing,
  };
};

const ending = (outcome: ImportOutcome, bytesRead: number, clock: Clock) => ({
  status: outcome.status,
  bytesRead,
  rowsRead: outcome.rowsRead,
  rowsInserted: outcome.rowsInserted,
  rowsRejected: outcome.rowsRejected,
  issues: outcome.issues,
  finishedAt: clock.now(),
  progressAt: clock.now(),
});

/**
 * Fails the organisation's running jobs that stopped moving (but none this process runs: on PGlite
 * their rows cannot move until they end), then writes the new job as running, or refuses while
 * one still runs. The refusal is the database's (one running job per organisation), so two
 * requests arriving together cannot both start.
 */
const insertUnlessBusy = async (
  { db, clock, actor }: MetricsStoreDeps,
  job: Omit<Parameters<typeof insertImportJobUnlessRunning>[0]['job'], 'organizationId' | 'startedAt'>,
) => {
  const now = clock.now();
  await failRunningImportJobs({
    db,
    organizationId: actor.organizationId,
    before: new Date(now.getTime() - abandonedAfterMs),
    now,
    error: interruptedMessage,
    running: runningImportIds(),
  });
  const row = await insertImportJobUnlessRunning({
    db,
    job: { ...job, organizationId: actor.organizationId, startedAt: clock.now() },
  });
  if (!row) throw metricsStoreErrors.importBusy();
  return row;
};

/**
 * Starts a real import: returns the running job at once (`job`) and the promise of its end
 * (`done`, with the error of a failed job). The server answers with the first; the CLI and tests
 * await the second. Only one import of an organisation runs at a time: two would write the same
 * shops' records and days in overlapping transactions.
 */
export const startImport = async (
  deps: MetricsStoreDeps & Omit<ImportRecordsInput, 'dryRun'>,
): Promise<{ job: ImportJobView; done: Promise<{ job: ImportJobView; error?: unknown }> }> => {
  const { db, clock, actor, onProgress, ...input } = deps;
  authorize(actor, 'metrics.import');
  if (!claimImportSlot(actor.organizationId)) throw metricsStoreErrors.importBusy();
  let prepared: Awaited<ReturnType<typeof prepareImport>>;
  let row: ImportJobRecord;
  try {
    prepared = await prepareImport(deps);
    row = await insertUnlessBusy(deps, {
      kind: input.kind,
      fileName: input.file,
      mode: input.mode,
      bytesTotal: input.bytesTotal ?? null,
      createdBy: actor.userId,
    });
  } catch (error) {
    releaseImportSlot(actor.organizationId);
    throw error;
  }
  trackRunningImport(actor.organizationId, toView(row));
  const progress = progressWriter(db, clock, row.id);
  const run = async () => {
    let error: unknown;
    let changes: Parameters<typeof updateImportJob>[0]['changes'];
    let bytesRead = 0;
    try {
      const outcome = await prepared.store((rows, next) => {
        bytesRead = next.bytesRead;
        reportRunningImport(row.id, next);
        progress.report(next);
        onProgress?.(rows, next);
      });
      // A stored file was read to its end, after its last batch.
      const read = outcome.status === 'done' ? (input.bytesTotal ?? bytesRead) : bytesRead;
      changes = ending(outcome, read, clock);
    } catch (thrown) {
      error = thrown;
      // The user reads why (an unknown shop …); an internal error stays in the server's log.
      const message = isAppError(thrown) ? thrown.message : internalFailure;
      changes = { status: 'failed', bytesRead, error: message.slice(0, 500), finishedAt: clock.now() };
    }
    await progress.settled();
    try {
      await updateImportJob({ db, id: row.id, changes });
    } finally {
      untrackRunningImport(row.id);
      releaseImportSlot(actor.organizationId);
    }
    await prepared.finish(row.id, {
      status: changes.status ?? 'failed',
      rowsInserted: changes.rowsInserted ?? 0,
    });
    const job = await findImportJob({ db, organizationId: actor.organizationId, id: row.id });
    return { job: toView(job ?? row), ...(error === undefined ? {} : { error }) };
  };
  return { job: toView(row), done: run() };
};

/** One import job (a running one with its progress). */
export const getImport = async ({ db, actor, id }: Omit<MetricsStoreDeps, 'clock'> & { id: string }) => {
  authorize(actor, 'metrics.import');
  // A job this process runs answers without the database, which its import may be holding.
  const running = findRunningImport(actor.organizationId, id);
  if (running) return running;
  const job = await findImportJob({ db, organizationId: actor.organizationId, id });
  if (!job) throw metricsStoreErrors.importNotFound();
  return toView(job);
};

/** The organisation's latest import jobs, newest first, running ones with their progress. */
export const listImports = async ({
  db,
  actor,
  limit,
}: Omit<MetricsStoreDeps, 'clock'> & { limit: number }) => {
  authorize(actor, 'metrics.import');
  const jobs = await listImportJobs({ db, organizationId: actor.organizationId, limit });
  return withRunningProgress(actor.organizationId, jobs.map(toView));
};

/**
 * On server start: a job still running that began before `before` (the server's start) belongs to
 * the process that stopped (its transaction was rolled back with it), so it ends as failed.
 */
export const failInterruptedImports = async ({
  db,
  clock,
  before = clock.now(),
}: {
  db: Db;
  clock: Clock;
  before?: Date;
}) =>
  failRunningImportJobs({
    db,
    before,
    now: clock.now(),
    error: interruptedMessage,
    running: runningImportIds(),
  });
