import { CsvSyntaxError } from '../csv/index.js';
import { resolveColumns } from './records.columns.js';
import {
  ChunkedFile,
  type Counts,
  checkText,
  estimateLines,
  type FastLines,
  type LoadContext,
  type LoadSetup,
  longestLineBytes,
  openForBytes,
  prepareCsv,
  SlowLines,
  summaryOf,
} from './records.fast-load.js';
import type { RecordKind } from './records.fields.js';
import { ImportError, IssueCollector } from './records.issues.js';
import { asImportError, type ImportSummary, type ReadOptions, rowConverter, zoneOf } from './records.read.js';
import { RowReader } from './records.row.js';

const newline = 10;
const cr = 13;

/**
 * One pass over a UTF-8 CSV/TSV file through a byte-level reader, which can stop part-way: a
 * loader reading two files at once (chats and orders, records.paired-load.ts) advances this one
 * as the other gets on, so both cores stay busy, and the records reach the engine in an order
 * fixed by the files alone.
 */
export class CsvScan<T> {
  private line: number;
  /** The end of the bytes checked to be text, in the chunk's buffer. */
  private checked: number;
  private readonly counts: Counts = { rows: 0, records: 0 };
  private failure: unknown = null;

  private constructor(
    private readonly chunk: ChunkedFile,
    private readonly options: ReadOptions,
    private readonly encoding: string,
    firstLine: number,
    private readonly fast: FastLines,
    private readonly slow: SlowLines<T>,
    private readonly issues: IssueCollector,
  ) {
    this.line = firstLine;
    this.checked = chunk.pos;
  }

  /**
   * Opens a file of `kind` and reads its header; null when it is not a UTF-8 CSV/TSV file `setup`
   * takes (GBK, JSONL, XLSX, an upload stream, an unusual layout): the string reader must read it.
   * Throws `ImportError` when a column is missing.
   */
  static async open<T>(
    kind: RecordKind,
    options: ReadOptions,
    setup: (context: LoadContext) => LoadSetup<T> | null,
  ): Promise<CsvScan<T> | null> {
    const handle = await openForBytes(options);
    if (!handle) return null;
    try {
      const scan = await CsvScan.prepare(kind, new ChunkedFile(handle), options, setup);
      if (!scan) await handle.close();
      return scan;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  private static async prepare<T>(
    kind: RecordKind,
    chunk: ChunkedFile,
    options: ReadOptions,
    setup: (context: LoadContext) => LoadSetup<T> | null,
  ): Promise<CsvScan<T> | null> {
    const { file } = options;
    const header = await prepareCsv(chunk, file);
    if (!header) return null;
    const { headers, headerLine, delimiter, encoding } = header;
    const resolved = resolveColumns({ kind, headers, mapping: options.mapping, file, headerLine });
    if (resolved.issues.length > 0) throw new ImportError(file, resolved.issues);
    const issues = new IssueCollector(file, options.maxIssues ?? 100, options.onIssue);
    const offsetOf = zoneOf(file, options.timeZone);
    const lines = await estimateLines(chunk);
    const context = { columns: resolved.columns, width: headers.length, delimiter, offsetOf, issues, lines };
    const readers = setup(context);
    if (!readers) return null;
    const rowReader = new RowReader(resolved.columns, issues, offsetOf);
    const convert = rowConverter(readers.slow, { format: 'csv', headers }, rowReader, issues);
    chunk.pos = header.next;
    const slow = new SlowLines(convert, delimiter, readers.add);
    return new CsvScan(chunk, options, encoding, headerLine + 1, readers.fast, slow, issues);
  }

  /** The file's size in bytes. */
  size(): Promise<number> {
    return this.chunk.size();
  }

  /**
   * Reads the lines that start before byte `offset` of the file (all of them for Infinity). A
   * failure is kept for `finish`, so the other file of a pair is still read and reported first.
   */
  async scanTo(offset: number): Promise<void> {
    if (this.failure !== null) return;
    try {
      await this.scan(offset);
    } catch (error) {
      this.failure = error;
    }
  }

  /** What the pass reports once the whole file is read; throws its failure, if any. */
  async finish(): Promise<ImportSummary> {
    await this.scanTo(Number.POSITIVE_INFINITY);
    try {
      if (this.failure !== null) throw this.failure;
      this.slow.end(this.counts);
    } catch (error) {
      throw asImportError(error, this.options.file, this.issues) ?? error;
    }
    return summaryOf(this.options, this.encoding, this.counts, this.issues);
  }

  close(): Promise<void> {
    return this.chunk.handle.close();
  }

  private async scan(offset: number): Promise<void> {
    const { chunk } = this;
    for (;;) {
      if (chunk.start + chunk.pos >= offset) return;
      const { buffer } = chunk;
      if (this.checked <= chunk.pos) {
        const last = chunk.eof ? chunk.filled : buffer.lastIndexOf(newline, chunk.filled - 1) + 1;
        checkText(chunk, last, this.line);
        this.checked = last;
      }
      const end = buffer.indexOf(newline, chunk.pos);
      if (end === -1 || end >= chunk.filled) {
        if (chunk.eof) {
          if (chunk.pos < chunk.filled) this.readLine(chunk.filled, chunk.filled);
          return;
        }
        if (chunk.filled - chunk.pos >= longestLineBytes)
          throw new CsvSyntaxError(
            `record longer than ${1 << 20} characters: an unclosed quote (")?`,
            this.line,
          );
        await chunk.refill();
        this.checked = chunk.pos;
        continue;
      }
      this.readLine(end, end + 1);
      this.line++;
    }
  }

  /** Reads the line ending at `end` (its line break, if any, ends before `next`). */
  private readLine(end: number, next: number): void {
    const { chunk, slow, counts, line } = this;
    const { buffer, pos } = chunk;
    const stop = end > pos && buffer[end - 1] === cr ? end - 1 : end;
    chunk.pos = next;
    if (slow.pending) {
      slow.push(buffer.toString('utf8', pos, next), line, counts);
      return;
    }
    if (stop === pos) return;
    const read = this.fast.read(buffer, pos, stop, line);
    if (read === 'gave-back') slow.push(buffer.toString('utf8', pos, next), line, counts);
    else {
      counts.rows++;
      if (read === 'added') counts.records++;
    }
  }
}

/**
 * Loads a UTF-8 CSV/TSV file of `kind` through `setup`'s readers and returns what the string
 * reader would report; null when it is not such a file (GBK, JSONL, XLSX, an upload stream, a
 * layout `setup` declines) and the caller must use the string reader. Reject mode throws
 * `ImportError` at the end, and what was added must then be discarded.
 */
export const loadCsv = async <T>(
  kind: RecordKind,
  options: ReadOptions,
  setup: (context: LoadContext) => LoadSetup<T> | null,
): Promise<ImportSummary | null> => {
  const scan = await CsvScan.open(kind, options, setup);
  if (!scan) return null;
  try {
    return await scan.finish();
  } finally {
    await scan.close();
  }
};
