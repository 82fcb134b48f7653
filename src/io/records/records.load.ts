import type { MessageRecord, OrderRecord } from '../../domain/metrics/index.js';
import { buildMessage, buildOrder } from './records.build.js';
import { recentDuplicates } from './records.duplicates.js';
import { loadCsv } from './records.fast-load.js';
import {
  type MessageKey,
  MessageLineReader,
  type MessageSink,
  messageKeyHash,
} from './records.message-line.js';
import { OrderLineReader, type OrderSink } from './records.order-line.js';
import type { ImportSummary, ReadOptions } from './records.read.js';
import { messageDuplicateWindow } from './records.readers.js';

// Loading exports straight into the engine (`MetricsData`) for `kefu metrics`: the same records,
// checks and errors as `readMessages`/`readOrders`, several times faster on large UTF-8 CSV files.

/** Chat messages into the engine; null when the file is one only `readMessages` reads. */
export const loadMessagesCsv = (options: ReadOptions, sink: MessageSink): Promise<ImportSummary | null> =>
  loadCsv<MessageRecord>('messages', options, ({ columns, width, delimiter, offsetOf, issues }) => {
    const keys = recentDuplicates<MessageKey>(
      (key) => key.time,
      (key) => key.hash,
      messageDuplicateWindow,
    )();
    const fast = MessageLineReader.create({
      sink,
      columns,
      width,
      delimiter,
      offsetOf,
      duplicates: keys,
      onDuplicate: (line, first) =>
        issues.error(line, undefined, 'import.duplicate', `duplicate of line ${first} (same message key)`),
    });
    if (!fast) return null;
    const duplicates = {
      firstLine: (record: MessageRecord, line: number) =>
        keys.firstLine({ time: record.time, hash: messageKeyHash(record) }, line),
    };
    return {
      fast,
      slow: { kind: 'messages', build: buildMessage, duplicates: () => duplicates },
      add: (record) => sink.addMessage(record),
    };
  });

/** Orders into the engine; null when the file is one only `readOrders` reads. */
export const loadOrdersCsv = (options: ReadOptions, sink: OrderSink): Promise<ImportSummary | null> =>
  loadCsv<OrderRecord>('orders', options, ({ columns, width, delimiter, offsetOf, issues }) => {
    const fast = OrderLineReader.create({
      sink,
      columns,
      width,
      delimiter,
      offsetOf,
      onDuplicate: (line, first) =>
        issues.error(line, undefined, 'import.duplicate', `duplicate of line ${first} (same order key)`),
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
  });
