import type { OrderRecord } from '../../domain/metrics/index.js';
import { buildOrder } from './records.build.js';
import { CsvScan, loadCsv } from './records.csv-scan.js';
import type { LoadContext, LoadSetup } from './records.fast-load.js';
import { rowProblems } from './records.messages.js';
import { OrderLineReader, type OrderSink } from './records.order-line.js';
import type { ImportSummary, ReadOptions } from './records.read.js';

// Loading order exports straight into the engine (`MetricsData`) for `kefu metrics`: the same
// records, checks and errors as `readOrders`, several times faster on large UTF-8 CSV files.
// Chat exports have their own loader with a worker thread (records.message-load.ts).

/** The byte-level order reader and its string-reader fallback for one file; null for an unusual layout. */
const ordersSetup =
  (sink: OrderSink) =>
  ({ columns, width, delimiter, offsetOf, issues, lines }: LoadContext): LoadSetup<OrderRecord> | null => {
    const fast = OrderLineReader.create({
      lines,
      sink,
      columns,
      width,
      delimiter,
      offsetOf,
      onDuplicate: (line, first) =>
        issues.error(line, undefined, 'import.duplicate', rowProblems.duplicate('orders', first)),
    });
    if (!fast) return null;
    const duplicates = {
      firstLine: (record: OrderRecord, line: number) => fast.firstLineOf(record.shop, record.order, line),
    };
    return {
      fast,
      slow: { kind: 'orders', build: buildOrder, duplicates: () => duplicates },
      add: (record) => sink.addOrder(record),
    };
  };

/** Orders into the engine; null when the file is one only `readOrders` reads. */
export const loadOrdersCsv = (options: ReadOptions, sink: OrderSink): Promise<ImportSummary | null> =>
  loadCsv<OrderRecord>('orders', options, ordersSetup(sink));

/** An order file opened to be read in steps (alongside a chat export); null as for `loadOrdersCsv`. */
export const openOrdersCsv = (options: ReadOptions, sink: OrderSink): Promise<CsvScan<OrderRecord> | null> =>
  CsvScan.open<OrderRecord>('orders', options, ordersSetup(sink));
