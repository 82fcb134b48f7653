import type { ImportProgress } from './metrics-store.import-read.js';
import type { ImportJobView } from './metrics-store.import-job.js';

// 导入任务 running in this process, with their latest progress, kept in memory. On PGlite (one
// connection) the import's transaction holds the database until it ends: the progress written to
// the job row and any read of it wait for it, so a poll would see 0 and then the end. The process
// that runs a job knows its progress without the database, so reads of its jobs answer from here.
// It is one registry per process on purpose: a job belongs to the process running it, and another
// process (a second server on the same PostgreSQL) reads the row, which PostgreSQL keeps current.

type Running = { organizationId: string; job: ImportJobView };

const running = new Map<string, Running>();
// Organisations with an import starting or running in this process: two starts in one process are
// told apart before either waits for the database, which on PGlite would run them one after the
// other. The database's unique index still decides between processes.
const claimed = new Set<string>();

/** Claims the organisation's one import for this process; false when it already has one. */
export const claimImportSlot = (organizationId: string) => {
  if (claimed.has(organizationId)) return false;
  claimed.add(organizationId);
  return true;
};

/** Gives the organisation's import slot back (the import did not start, or it has ended). */
export const releaseImportSlot = (organizationId: string) => {
  claimed.delete(organizationId);
};

/** Notes a job this process has just started, as its row was written. */
export const trackRunningImport = (organizationId: string, job: ImportJobView) => {
  running.set(job.id, { organizationId, job: { ...job } });
};

/** Moves a running job's progress on (never back: a late report cannot undo a newer one). */
export const reportRunningImport = (id: string, progress: ImportProgress) => {
  const entry = running.get(id);
  if (!entry) return;
  const { job } = entry;
  job.bytesRead = Math.max(job.bytesRead, progress.bytesRead);
  job.rowsRead = Math.max(job.rowsRead, progress.rowsRead);
  job.rowsInserted = Math.max(job.rowsInserted, progress.rowsInserted);
};

/** Forgets a job once its end is in its row. */
export const untrackRunningImport = (id: string) => {
  running.delete(id);
};

/** The ids of the jobs this process is running (none of them is abandoned, however quiet its row). */
export const runningImportIds = () => [...running.keys()];

/** A job of the organisation that this process is running, with its latest progress. */
export const findRunningImport = (organizationId: string, id: string): ImportJobView | undefined => {
  const entry = running.get(id);
  return entry && entry.organizationId === organizationId ? { ...entry.job } : undefined;
};

/** Stored jobs with the latest progress of those this process is running. */
export const withRunningProgress = (organizationId: string, jobs: ImportJobView[]) =>
  jobs.map((job) => (job.status === 'running' ? (findRunningImport(organizationId, job.id) ?? job) : job));
