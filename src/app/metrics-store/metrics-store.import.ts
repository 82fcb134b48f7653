import {
  prepareImport,
  type ImportJobSummary,
  type ImportOutcome,
  type ImportRecordsInput,
} from './metrics-store.import-read.js';
import { startImport } from './metrics-store.import-job.js';
import type { MetricsStoreDeps } from './metrics-store.types.js';

export * from './metrics-store.import-job.js';
export type {
  ImportJobSummary,
  ImportOutcome,
  ImportProgress,
  ImportRecordsInput,
} from './metrics-store.import-read.js';

/**
 * Imports one file of KPI records into the organisation's shops and waits for the end. Reject mode
 * stores nothing when any row is bad; skip mode stores the good rows and reports exactly the bad
 * ones. Records already stored are not duplicated (orders and tickets take the newer values). A
 * real import runs as an import job (the CLI, tests); a check (dryRun) stores nothing and records
 * no job. A failed job's error is thrown.
 */
export const importRecords = async (
  deps: MetricsStoreDeps & ImportRecordsInput,
): Promise<ImportJobSummary> => {
  if (deps.dryRun) return { id: '', ...(await (await prepareImport(deps)).store(deps.onProgress)) };
  const { done } = await startImport(deps);
  const { job, error } = await done;
  if (error !== undefined) throw error;
  return { ...job, status: job.status as ImportOutcome['status'] };
};

/**
 * Checks an import before its file is read (the permission, the shop, the mapping), so that an
 * upload refused for them is refused before its bytes arrive. Nothing is read or written.
 */
export const checkImportInput = async (deps: MetricsStoreDeps & ImportRecordsInput): Promise<void> => {
  await prepareImport(deps);
};
