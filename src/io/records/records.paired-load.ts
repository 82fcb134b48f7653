import type { MetricsData } from '../../domain/metrics/index.js';
import { openOrdersCsv } from './records.load.js';
import { loadMessagesCsv } from './records.message-load.js';
import type { ImportSummary, ReadOptions } from './records.read.js';

// `kefu metrics` reads a chat export and an order export. A worker thread parses the chats while
// the main thread feeds the engine; read one after the other, the main thread would wait on the
// worker and the worker would then sit idle through the orders. Read as a pair, the orders
// advance between chat chunks, as far into their file as the chats are into theirs: both cores
// work through both files, and the records reach the engine in an order the files alone decide.

export type PairedSummaries = { messages: ImportSummary | null; orders: ImportSummary | null };

/**
 * Loads a chat export and an order export (UTF-8 CSV/TSV) into the engine together; either
 * summary is null when only the string reader reads that file (the caller then reads it). Errors
 * come as from reading the chats first, then the orders.
 */
export const loadChatsWithOrdersCsv = async (
  messages: ReadOptions,
  orders: ReadOptions,
  data: MetricsData,
): Promise<PairedSummaries> => {
  // A bad order header is reported after the chats are read, as it would be reading them first.
  const opened = await openOrdersCsv(orders, data).then(
    (scan) => ({ scan, failure: null }),
    (error: unknown) => ({ scan: null, failure: { error } }),
  );
  const { scan, failure } = opened;
  try {
    const size = scan ? await scan.size() : 0;
    const pace = scan ? (share: number) => scan.scanTo(share * size) : undefined;
    const chats = await loadMessagesCsv(messages, data, pace);
    if (failure) throw failure.error;
    // Without a chat pass to pace them (a GBK or JSONL chat file), `finish` reads the orders alone.
    return { messages: chats, orders: scan ? await scan.finish() : null };
  } finally {
    await scan?.close();
  }
};
