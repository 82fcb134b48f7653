import { isUtf8 } from 'node:buffer';
import { type FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvParser, type CsvRow, CsvSyntaxError } from '../csv/index.js';
import { detectEncoding, EncodingError } from '../encoding/index.js';
import { firstNul, lineBreaks } from './records.bytes.js';
import { resolveColumns } from './records.columns.js';
import type { RecordKind } from './records.fields.js';
import { ImportError, IssueCollector } from './records.issues.js';
import { encodingProblem } from './records.messages.js';
import {
  asImportError,
  type ImportSummary,
  type KindReader,
  type ReadOptions,
  rowConverter,
  zoneOf,
} from './records.read.js';
import { type ResolvedColumns, RowReader } from './records.row.js';
import type { WallClockOffset } from './records.time.js';

// Loading a large UTF-8 CSV export straight into the engine: a byte-level reader takes the lines
// whose meaning is certain, and gives every other line to the string reader (CsvParser and the
// record builders), which reads and reports it exactly as `readMessages`/`readOrders` would.

/** What a byte-level reader did with a line: added it, rejected it (reported), or gave it back. */
export type LineOutcome = 'added' | 'rejected' | 'gave-back';

export type FastLines = {
  /** Reads the line `bytes[start, end)` (no line break) of physical line `line`. */
  read(bytes: Buffer, start: number, end: number, line: number): LineOutcome;
};

/** What a loader needs to read one kind of record: both readers and where records go. */
export type LoadSetup<T> = { fast: FastLines; slow: KindReader<T>; add: (record: T) => void };

export type LoadContext = {
  columns: ResolvedColumns;
  width: number;
  delimiter: string;
  offsetOf: WallClockOffset;
  issues: IssueCollector;
  /** About how many lines the file has (its size over the first chunk's bytes per line). */
  lines: number;
};

const chunkBytes = 1 << 22;
const sampleBytes = 1 << 16;
/** Past this a line cannot be a record the string reader would accept (1 M characters). */
const longestLineBytes = 1 << 24;
const newline = 10;
const cr = 13;
const quote = 34;

/** A file read in large chunks into one reusable buffer; `pos` is the first unread byte. */
export class ChunkedFile {
  buffer = Buffer.allocUnsafe(chunkBytes);
  filled = 0;
  pos = 0;
  eof = false;

  constructor(private readonly handle: FileHandle) {}

  async size(): Promise<number> {
    return (await this.handle.stat()).size;
  }

  /** Keeps the unread tail, reads more after it; grows the buffer when one line fills it. */
  async refill(): Promise<void> {
    this.buffer.copy(this.buffer, 0, this.pos, this.filled);
    this.filled -= this.pos;
    this.pos = 0;
    if (this.filled === this.buffer.length) {
      const grown = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(grown, 0, 0, this.filled);
      this.buffer = grown;
    }
    while (this.filled < this.buffer.length) {
      const { bytesRead } = await this.handle.read(
        this.buffer,
        this.filled,
        this.buffer.length - this.filled,
        null,
      );
      if (bytesRead === 0) {
        this.eof = true;
        return;
      }
      this.filled += bytesRead;
    }
  }
}

/** The header row: its fields, line and the byte after it; null when only the string reader can tell. */
const readHeader = (file: string, chunk: ChunkedFile) => {
  const { buffer } = chunk;
  const firstEnd = buffer.indexOf(newline, chunk.pos);
  const first = buffer.toString('utf8', chunk.pos, firstEnd === -1 ? chunk.filled : firstEnd);
  // Tab-separated exports often carry a .csv or .txt name: decide by the first line, as openTable.
  const delimiter =
    extname(file).toLowerCase() === '.tsv' || (first.includes('\t') && !first.includes(',')) ? '\t' : ',';
  let line = 1;
  let pos = chunk.pos;
  for (;;) {
    const end = buffer.indexOf(newline, pos);
    if (end === -1 || end >= chunk.filled) return null;
    const stop = end > pos && buffer[end - 1] === cr ? end - 1 : end;
    if (stop > pos) {
      if (buffer.subarray(pos, stop).includes(quote)) return null;
      const headers = buffer.toString('utf8', pos, stop).split(delimiter);
      return { headers, headerLine: line, next: end + 1, delimiter };
    }
    line++;
    pos = end + 1;
  }
};

/** About how many lines a file has, from the bytes per line of its first chunk. */
const estimateLines = async (chunk: ChunkedFile): Promise<number> => {
  let lines = 0;
  for (
    let at = chunk.buffer.indexOf(newline);
    at !== -1 && at < chunk.filled;
    at = chunk.buffer.indexOf(newline, at + 1)
  )
    lines++;
  return Math.ceil(((await chunk.size()) / Math.max(chunk.filled, 1)) * (lines + 1));
};

/**
 * Throws the string reader's error for bytes that are not text, naming the line: a NUL anywhere
 * in what is buffered (so a file that turns into zeros stops here, not after buffering a 16 MB
 * "line"), or bytes before `to` that are not UTF-8.
 */
const checkText = (chunk: ChunkedFile, to: number, line: number): void => {
  const nul = firstNul(chunk.buffer, chunk.pos, chunk.filled);
  const bytes = chunk.buffer.subarray(chunk.pos, nul === -1 ? to : Math.min(to, nul));
  if (!isUtf8(bytes)) {
    const lenient = bytes.toString('utf8');
    const bad = lenient.indexOf('\uFFFD');
    const at = line + (lenient.slice(0, bad).match(/\n/g)?.length ?? 0);
    throw new EncodingError('encoding.invalid', encodingProblem('encoding.invalid', at), at);
  }
  if (nul === -1) return;
  const at = line + lineBreaks(chunk.buffer, chunk.pos, nul);
  throw new EncodingError('encoding.binary', encodingProblem('encoding.binary', at), at);
};

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
  const handle = await openForBytes(options);
  if (!handle) return null;
  try {
    return await loadOpened(kind, new ChunkedFile(handle), options, setup);
  } finally {
    await handle.close();
  }
};

/**
 * Opens a CSV/TSV file named by `options` for a byte-level reader; null for an upload stream,
 * another format, or a file that cannot be opened (the string reader then reports why).
 */
export const openForBytes = async (options: ReadOptions): Promise<FileHandle | null> => {
  const { file } = options;
  if (options.source || !['.csv', '.tsv', '.txt'].includes(extname(file).toLowerCase())) return null;
  try {
    return await open(file, 'r');
  } catch {
    return null;
  }
};

/**
 * Reads a file's first chunk: its encoding and header, with `chunk.pos` after the BOM; null when
 * it is not UTF-8 text with a header line the byte readers can take.
 */
export const prepareCsv = async (chunk: ChunkedFile, file: string) => {
  await chunk.refill();
  let encoding: string;
  try {
    encoding = detectEncoding(chunk.buffer.subarray(0, Math.min(chunk.filled, sampleBytes)));
  } catch {
    return null;
  }
  if (encoding === 'gb18030' || chunk.filled === 0) return null;
  if (encoding === 'utf-8-bom') chunk.pos = 3;
  const header = readHeader(file, chunk);
  return header ? { encoding, ...header } : null;
};

const loadOpened = async <T>(
  kind: RecordKind,
  chunk: ChunkedFile,
  options: ReadOptions,
  setup: (context: LoadContext) => LoadSetup<T> | null,
): Promise<ImportSummary | null> => {
  const { file } = options;
  const header = await prepareCsv(chunk, file);
  if (!header) return null;
  const { headers, headerLine, delimiter, encoding } = header;
  const resolved = resolveColumns({ kind, headers, mapping: options.mapping, file, headerLine });
  if (resolved.issues.length > 0) throw new ImportError(file, resolved.issues);
  const issues = new IssueCollector(file, options.maxIssues ?? 100, options.onIssue);
  const offsetOf = zoneOf(file, options.timeZone);
  const lines = await estimateLines(chunk);
  const readers = setup({
    columns: resolved.columns,
    width: headers.length,
    delimiter,
    offsetOf,
    issues,
    lines,
  });
  if (!readers) return null;
  const convert = rowConverter(
    readers.slow,
    { format: 'csv', headers },
    new RowReader(resolved.columns, issues, offsetOf),
    issues,
  );
  const slow = new SlowLines(convert, delimiter, readers.add);
  chunk.pos = header.next;
  const counts = { rows: 0, records: 0 };
  try {
    await scanLines(chunk, headerLine + 1, readers.fast, slow, counts);
    slow.end(counts);
  } catch (error) {
    throw asImportError(error, file, issues) ?? error;
  }
  return summaryOf(options, encoding, counts, issues);
};

/** What a pass reports, as the string reader does; reject mode throws when any row was bad. */
export const summaryOf = (
  options: ReadOptions,
  encoding: string,
  { rows, records }: Counts,
  issues: IssueCollector,
): ImportSummary => {
  const listed = issues.listed();
  if ((options.mode ?? 'reject') === 'reject' && issues.errors > 0)
    throw new ImportError(options.file, listed, issues.errors);
  const skipped = rows - records;
  return {
    file: options.file,
    format: 'csv',
    encoding,
    rows,
    records,
    skipped,
    errorCount: issues.errors,
    issues: listed,
  };
};

export type Counts = { rows: number; records: number };

/** The lines the fast reader gave back, read by the string reader in file order. */
export class SlowLines<T> {
  private readonly parser: CsvParser;
  private readonly rows: CsvRow[] = [];

  constructor(
    private readonly convert: (row: CsvRow) => T | null,
    delimiter: string,
    private readonly add: (record: T) => void,
  ) {
    this.parser = new CsvParser({ delimiter });
  }

  /** Whether a quoted field started on an earlier line is still open. */
  get pending(): boolean {
    return this.parser.pending;
  }

  push(text: string, line: number, counts: Counts): void {
    this.parser.at(line);
    this.parser.push(text, this.rows);
    this.take(counts);
  }

  end(counts: Counts): void {
    this.parser.end(this.rows);
    this.take(counts);
  }

  private take(counts: Counts): void {
    for (const row of this.rows) {
      counts.rows++;
      const record = this.convert(row);
      if (record === null) continue;
      counts.records++;
      this.add(record);
    }
    this.rows.length = 0;
  }
}

/** Reads every line after the header: the fast reader first, the string reader for the rest. */
const scanLines = async <T>(
  chunk: ChunkedFile,
  firstLine: number,
  fast: FastLines,
  slow: SlowLines<T>,
  counts: Counts,
): Promise<void> => {
  let line = firstLine;
  let checked = chunk.pos;
  for (;;) {
    const { buffer } = chunk;
    if (checked <= chunk.pos) {
      const last = chunk.eof ? chunk.filled : buffer.lastIndexOf(newline, chunk.filled - 1) + 1;
      checkText(chunk, last, line);
      checked = last;
    }
    const end = buffer.indexOf(newline, chunk.pos);
    if (end === -1 || end >= chunk.filled) {
      if (!chunk.eof) {
        if (chunk.filled - chunk.pos >= longestLineBytes)
          throw new CsvSyntaxError(`record longer than ${1 << 20} characters: an unclosed quote (")?`, line);
        await chunk.refill();
        checked = chunk.pos;
        continue;
      }
      if (chunk.pos < chunk.filled) readLine(chunk, chunk.filled, chunk.filled, line, fast, slow, counts);
      return;
    }
    readLine(chunk, end, end + 1, line, fast, slow, counts);
    line++;
  }
};

const readLine = <T>(
  chunk: ChunkedFile,
  end: number,
  next: number,
  line: number,
  fast: FastLines,
  slow: SlowLines<T>,
  counts: Counts,
): void => {
  const { buffer, pos } = chunk;
  const stop = end > pos && buffer[end - 1] === cr ? end - 1 : end;
  chunk.pos = next;
  if (slow.pending) {
    slow.push(buffer.toString('utf8', pos, next), line, counts);
    return;
  }
  if (stop === pos) return;
  const read = fast.read(buffer, pos, stop, line);
  if (read === 'gave-back') slow.push(buffer.toString('utf8', pos, next), line, counts);
  else {
    counts.rows++;
    if (read === 'added') counts.records++;
  }
};
