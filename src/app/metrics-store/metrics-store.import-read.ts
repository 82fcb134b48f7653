import type { Issue } from '../../domain/shared/index.js';
import { localDay } from '../../domain/metrics/index.js';
import {
  type ByteSource,
  ImportError,
  type ImportMode,
  type ImportSummary,
  type RecordKind,
  readMessages,
  readOrders,
  readRatings,
  readTickets,
  wallClockOffset,
} from '../../io/records/index.js';
import { inTransaction, type Trx } from '../../store/database.js';
import {
  insertMessages,
  insertOrders,
  insertRatings,
  insertTickets,
  type RecordTarget,
} from '../../store/metrics.repository.js';
import { markMetricDaysStale } from '../../store/metric-results.repository.js';
import { listShops, type ShopRecord } from '../../store/shops.repository.js';
import { recordAudit } from '../accounts/index.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { lookAheadDays, lookBackDays } from './metrics-store.compute.js';
import { metricsStoreErrors } from './metrics-store.errors.js';
import {
  columnsOf,
  type HeaderMapping,
  importTimeZone,
  presetColumns,
  saveMappingPreset,
} from './metrics-store.mapping.js';
import type { MetricsStoreDeps } from './metrics-store.types.js';

export type ImportRecordsInput = {
  kind: RecordKind;
  /** The file name (its extension picks the format); with `source`, only the name. */
  file: string;
  /** Uploaded bytes instead of reading `file`. */
  source?: ByteSource;
  /** Put every record in this shop; otherwise each record's shop name must name a shop. */
  shopId?: string;
  mode: ImportMode;
  /**
   * header → field, chosen in the mapping step; fields left out fall back to header synonyms.
   * Without it, a chosen shop's saved preset is used.
   */
  mapping?: HeaderMapping;
  /** Save `mapping` as the chosen shop's preset for this kind once the import is done. */
  savePreset?: boolean;
  /** Check only: everything is written and then rolled back, and no job is recorded. */
  dryRun?: boolean;
  /** The file's size in bytes, when known: progress is reported as a share of it. */
  bytesTotal?: number;
  /** Called after each stored batch with the rows read so far and the whole progress. */
  onProgress?: (rows: number, progress: ImportProgress) => void;
};

/** How far an import is: bytes of the file the reader took, rows read and rows stored so far. */
export type ImportProgress = { bytesRead: number; rowsRead: number; rowsInserted: number };

/** How an import ended: stored (`done`) or, in reject mode with a bad row, nothing stored. */
export type ImportOutcome = {
  kind: RecordKind;
  fileName: string;
  mode: ImportMode;
  status: 'done' | 'rejected';
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  errorCount: number;
  issues: Issue[];
};

export type ImportJobSummary = ImportOutcome & { id: string };

type Writer = (trx: Trx, batch: unknown[]) => Promise<number>;

/** How each kind is read and written, with the time that decides its local day. */
const kinds = {
  messages: { read: readMessages, insert: insertMessages },
  orders: { read: readOrders, insert: insertOrders },
  ratings: { read: readRatings, insert: insertRatings },
  tickets: { read: readTickets, insert: insertTickets },
} as const;

/** The first and last local day each shop's imported records fall on. */
type TouchedDays = Map<string, { from: number; to: number }>;

/**
 * Maps a record's shop name (or the forced shop) to its stored shop and local-day function,
 * noting in `touched` which days of which shop the records fall on.
 */
const shopTargets = (
  organizationId: string,
  shops: ShopRecord[],
  forced: ShopRecord | undefined,
  touched: TouchedDays,
) => {
  const byName = new Map(shops.map((shop) => [shop.name, shop]));
  const targets = new Map<string, RecordTarget>();
  return (record: { shop: string }): RecordTarget => {
    const shop = forced ?? byName.get(record.shop);
    if (!shop) throw metricsStoreErrors.unknownShop(record.shop, [...byName.keys()]);
    let target = targets.get(shop.id);
    if (!target) {
      const offset = wallClockOffset(shop.timeZone);
      const shopId = shop.id;
      const day = (time: number) => {
        const local = localDay(time, offset(time));
        const seen = touched.get(shopId);
        if (!seen) touched.set(shopId, { from: local, to: local });
        else if (local < seen.from) seen.from = local;
        else if (local > seen.to) seen.to = local;
        return local;
      };
      target = { organizationId, shopId, day };
      targets.set(shop.id, target);
    }
    return target;
  };
};

const writerFor = (kind: RecordKind, target: (record: { shop: string }) => RecordTarget): Writer => {
  const insert = kinds[kind].insert as (input: {
    db: Trx;
    target: typeof target;
    records: unknown[];
  }) => Promise<number>;
  return (trx, batch) => insert({ db: trx, target, records: batch });
};

/** Streams the file into the database inside `trx`; an ImportError (reject mode) undoes it all. */
const storeAll = async ({
  trx,
  input,
  forced,
  columns,
  timeZone,
  write,
}: {
  trx: Trx;
  input: ImportRecordsInput;
  forced: ShopRecord | undefined;
  columns: Record<string, string> | undefined;
  timeZone: string;
  write: Writer;
}): Promise<{ summary: ImportSummary; inserted: number }> => {
  // A chosen shop also fixes the shop and platform columns, so an export without them imports.
  const constants = forced ? { shop: forced.name, platform: forced.platform } : undefined;
  const mapping = { ...(columns ? { columns } : {}), ...(constants ? { constants } : {}) };
  const options = { file: input.file, mode: input.mode, maxIssues: 200, timeZone, mapping };
  const read = kinds[input.kind].read as (
    o: typeof options & { source?: ByteSource },
  ) => AsyncGenerator<unknown[], ImportSummary>;
  let bytesRead = 0;
  const source = input.source && countBytes(input.source, (bytes) => (bytesRead += bytes));
  const pass = read(source ? { ...options, source } : options);
  let inserted = 0;
  let rows = 0;
  for (let next = await pass.next(); ; next = await pass.next()) {
    if (next.done) return { summary: next.value, inserted };
    inserted += await write(trx, next.value);
    rows += next.value.length;
    input.onProgress?.(rows, { bytesRead, rowsRead: rows, rowsInserted: inserted });
  }
};

/** Passes the bytes on, telling `add` how many went by: the share of the file read so far. */
async function* countBytes(source: ByteSource, add: (bytes: number) => void): ByteSource {
  for await (const chunk of source) {
    add(chunk.byteLength);
    yield chunk;
  }
}

/**
 * Records on a day change the results of the days whose look-back or attribution window holds it:
 * those are recomputed on their next read.
 */
const markResultsStale = async (trx: Trx, touched: TouchedDays) => {
  for (const [shopId, days] of touched)
    await markMetricDaysStale({
      db: trx,
      shopId,
      fromDay: days.from - lookAheadDays,
      toDay: days.to + lookBackDays,
    });
};

type Outcome = { summary: ImportSummary; inserted: number } | ImportError;

class DryRunDone extends Error {
  constructor(readonly outcome: { summary: ImportSummary; inserted: number }) {
    super('dry run');
  }
}

const outcomeOf = (input: ImportRecordsInput, outcome: Outcome): ImportOutcome => {
  const base = { kind: input.kind, fileName: input.file, mode: input.mode };
  if (outcome instanceof ImportError) {
    const { errorCount, issues } = outcome;
    return {
      ...base,
      status: 'rejected',
      rowsRead: 0,
      rowsInserted: 0,
      rowsRejected: errorCount,
      errorCount,
      issues,
    };
  }
  const { summary, inserted } = outcome;
  return {
    ...base,
    status: 'done',
    rowsRead: summary.rows,
    rowsInserted: inserted,
    rowsRejected: summary.skipped,
    errorCount: summary.errorCount,
    issues: summary.issues,
  };
};

type MetricsStoreInput = MetricsStoreDeps & ImportRecordsInput;

/**
 * Checks what can be checked before anything is read (the permission, the shop, the mapping) and
 * returns the import to run: `store` reads the file into the database in one transaction.
 */
export const prepareImport = async ({ db, clock, actor, ...input }: MetricsStoreInput) => {
  authorize(actor, 'metrics.import');
  const shops = await listShops({ db, organizationId: actor.organizationId });
  const forced = input.shopId ? shops.find((shop) => shop.id === input.shopId) : undefined;
  if (input.shopId && !forced) throw metricsStoreErrors.shopNotFound();
  const columns = input.mapping
    ? columnsOf(input.kind, input.mapping, 'body.mapping')
    : forced
      ? await presetColumns({ db, actor, shopId: forced.id, kind: input.kind })
      : undefined;
  const timeZone = await importTimeZone({ db, clock, actor, shops: forced ? [forced] : shops });
  /** Reads and stores the file; a rejected file stores nothing. Other errors are thrown. */
  const store = async (onProgress?: ImportRecordsInput['onProgress']): Promise<ImportOutcome> => {
    const touched: TouchedDays = new Map();
    const write = writerFor(input.kind, shopTargets(actor.organizationId, shops, forced, touched));
    const run = { ...input, ...(onProgress ? { onProgress } : {}) };
    try {
      const stored = await inTransaction(db, async (trx) => {
        const stored = await storeAll({ trx, input: run, forced, columns, timeZone, write });
        await markResultsStale(trx, touched);
        // Rolling back a real write is the only way a check counts exactly what would be new.
        if (input.dryRun) throw new DryRunDone(stored);
        return stored;
      });
      return outcomeOf(input, stored);
    } catch (error) {
      if (error instanceof DryRunDone) return outcomeOf(input, error.outcome);
      if (error instanceof ImportError) return outcomeOf(input, error);
      throw error;
    }
  };
  /** After a stored import: its audit entry and, when asked, the mapping saved as the preset. */
  const finish = async (id: string, outcome: { status: string; rowsInserted: number }) => {
    await recordAudit({
      db,
      clock,
      actor,
      action: 'metrics.imported',
      target: id,
      details: { kind: input.kind, file: input.file, status: outcome.status, inserted: outcome.rowsInserted },
    });
    if (input.savePreset && input.mapping && forced && outcome.status === 'done')
      await saveMappingPreset({
        db,
        clock,
        actor,
        shopId: forced.id,
        kind: input.kind,
        mapping: input.mapping,
      });
  };
  return { store, finish };
};
