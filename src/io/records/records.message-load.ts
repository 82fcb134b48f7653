import { Worker } from 'node:worker_threads';
import type { MessageRecord } from '../../domain/metrics/index.js';
import { CsvSyntaxError } from '../csv/index.js';
import { EncodingError } from '../encoding/index.js';
import { buildMessage } from './records.build.js';
import { resolveColumns } from './records.columns.js';
import { recentDuplicates } from './records.duplicates.js';
import {
  ChunkedFile,
  type Counts,
  openForBytes,
  prepareCsv,
  SlowLines,
  summaryOf,
} from './records.fast-load.js';
import { ImportError, IssueCollector } from './records.issues.js';
import {
  type LineChunk,
  type LineMessage,
  type LineRing,
  type LineWorkerInput,
  lineRing,
} from './records.line-ring.js';
import { type MessageKey, MessageRows, type MessageSink, messageKeyHash } from './records.message-line.js';
import { rowProblems } from './records.messages.js';
import { type MessageLayout, messageLayout, outcome, row, rowStride } from './records.message-parse.js';
import { asImportError, type ImportSummary, type ReadOptions, rowConverter, zoneOf } from './records.read.js';
import { messageDuplicateWindow } from './records.readers.js';
import { RowReader } from './records.row.js';

/**
 * Starts the line worker: its compiled module, or under tsx (tests run the TypeScript sources)
 * a small script that registers tsx in the worker first.
 */
const startWorker = (input: LineWorkerInput): Worker => {
  // The worker keeps almost nothing on its heap (chunks are ArrayBuffers): a small young generation
  // saves tens of MB of resident memory.
  const resourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./records.line-worker.js', import.meta.url), {
      workerData: input,
      resourceLimits,
    });
  const source = JSON.stringify(new URL('./records.line-worker.ts', import.meta.url).href);
  const script = `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`;
  return new Worker(script, { eval: true, workerData: input, resourceLimits });
};

/** The worker's messages in order; ends after `end`, throws when the worker fails. */
async function* messagesOf(worker: Worker): AsyncGenerator<LineMessage> {
  const queue: LineMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  worker.on('message', (message: LineMessage) => {
    queue.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  for (;;) {
    const message = queue.shift();
    if (message) {
      yield message;
      if (message.kind === 'end') return;
      continue;
    }
    if (failure) throw failure;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = null;
  }
}

type Readers = { rows: MessageRows; slow: SlowLines<MessageRecord>; counts: Counts };
type PaceAt = { pace: Pace; size: number };

/** Applies one parsed chunk in line order: parsed lines to the engine, the rest to the string reader. */
const applyChunk = (chunk: LineChunk, ring: LineRing, { rows, slow, counts }: Readers): void => {
  const bytes = Buffer.from(ring.bytes[chunk.slot] as SharedArrayBuffer, 0, chunk.length);
  const said = new Int32Array(ring.rows[chunk.slot] as SharedArrayBuffer);
  const times = new Float64Array(ring.times[chunk.slot] as SharedArrayBuffer);
  for (let index = 0; index < chunk.count; index++) {
    const base = index * rowStride;
    const line = chunk.firstLine + index;
    const outcomeOfLine = said[base + row.outcome];
    if (slow.pending || outcomeOfLine === outcome.gaveBack) {
      const text = bytes.toString('utf8', said[base + row.lineStart], said[base + row.next]);
      slow.push(text, line, counts);
    } else if (outcomeOfLine === outcome.parsed) {
      counts.rows++;
      if (rows.apply(bytes, said, index, times[index] as number, line) === 'added') counts.records++;
    }
  }
};

/**
 * Called after each chunk is applied with the share of the chat file read so far (0–1): another
 * file read alongside catches up meanwhile, while the worker parses the next chunks.
 */
export type Pace = (share: number) => Promise<void>;

/** Runs the worker over the lines after the header and applies what it sends. */
const readLines = async (input: LineWorkerInput, readers: Readers, pace: PaceAt | null): Promise<void> => {
  const worker = startWorker(input);
  const busy = new Int32Array(input.ring.busy);
  let read = input.offset;
  try {
    for await (const message of messagesOf(worker)) {
      if (message.kind === 'encoding' || message.kind === 'binary')
        throw new EncodingError(
          message.kind === 'binary' ? 'encoding.binary' : 'encoding.invalid',
          message.message,
          message.line,
        );
      if (message.kind === 'syntax') throw new CsvSyntaxError(message.message, message.line);
      if (message.kind !== 'chunk') continue;
      applyChunk(message, input.ring, readers);
      Atomics.store(busy, message.slot, 0);
      Atomics.notify(busy, message.slot);
      read += message.length;
      if (pace) await pace.pace(read / pace.size);
    }
  } finally {
    await worker.terminate();
  }
};

/**
 * Loads a UTF-8 CSV/TSV chat export straight into the engine (`MetricsData`) and returns what
 * `readMessages` would report; null when the file is one only `readMessages` reads (GBK, JSONL,
 * XLSX, an upload stream, a layout with unusual constants). A worker thread parses the lines from
 * their bytes; the lines it cannot be sure of go through the string reader (`CsvParser`,
 * `buildMessage`), so records and errors are exactly those of `readMessages`. Reject mode throws
 * `ImportError` at the end, and what the sink received must then be discarded. `pace` lets a
 * file read alongside advance as this one does.
 */
export const loadMessagesCsv = async (
  options: ReadOptions,
  sink: MessageSink,
  pace?: Pace,
): Promise<ImportSummary | null> => {
  const { file } = options;
  const handle = await openForBytes(options);
  if (!handle) return null;
  const chunk = new ChunkedFile(handle);
  const [prepared, size] = await Promise.all([prepareCsv(chunk, file), chunk.size()]).finally(() =>
    handle.close(),
  );
  if (!prepared) return null;
  const { headers, headerLine, delimiter, encoding } = prepared;
  const resolved = resolveColumns({ kind: 'messages', headers, mapping: options.mapping, file, headerLine });
  if (resolved.issues.length > 0) throw new ImportError(file, resolved.issues);
  const offsetOf = zoneOf(file, options.timeZone);
  const layout = messageLayout(
    resolved.columns,
    headers.length,
    delimiter,
    options.timeZone ?? 'Asia/Shanghai',
  );
  if (!layout) return null;
  const issues = new IssueCollector(file, options.maxIssues ?? 100, options.onIssue);
  const keys = recentDuplicates<MessageKey>(
    (key) => key.time,
    (key) => key.hash,
    messageDuplicateWindow,
  )();
  const duplicates = {
    firstLine: (record: MessageRecord, line: number) =>
      keys.firstLine({ time: record.time, hash: messageKeyHash(record) }, line),
  };
  const convert = rowConverter(
    { kind: 'messages', build: buildMessage, duplicates: () => duplicates },
    { format: 'csv', headers },
    new RowReader(resolved.columns, issues, offsetOf),
    issues,
  );
  const readers: Readers = {
    rows: new MessageRows(sink, layout, keys, (line, first) =>
      issues.error(line, undefined, 'import.duplicate', rowProblems.duplicate('messages', first)),
    ),
    slow: new SlowLines(convert, delimiter, (record) => sink.addMessage(record)),
    counts: { rows: 0, records: 0 },
  };
  const input = workerInput(file, prepared.next, headerLine + 1, layout);
  try {
    await readLines(input, readers, pace ? { pace, size } : null);
    readers.slow.end(readers.counts);
  } catch (error) {
    throw asImportError(error, file, issues) ?? error;
  }
  return summaryOf(options, encoding, readers.counts, issues);
};

const workerInput = (
  file: string,
  offset: number,
  firstLine: number,
  layout: MessageLayout,
): LineWorkerInput => ({ file, offset, firstLine, layout, ring: lineRing() });
