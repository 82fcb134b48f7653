import { isUtf8 } from 'node:buffer';
import { type FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvParser, type CsvRow } from '../csv/index.js';
import { detectEncoding, EncodingError } from '../encoding/index.js';
import { firstNul, lineBreaks } from './records.bytes.js';
import { ImportError, type IssueCollector } from './records.issues.js';
import { encodingProblem } from './records.messages.js';
import type { ImportSummary, KindReader, ReadOptions } from './records.read.js';
import type { ResolvedColumns } from './records.row.js';
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
export const longestLineBytes = 1 << 24;
const newline = 10;
const cr = 13;
const quote = 34;

/** A file read in large chunks into one reusable buffer; `pos` is the first unread byte. */
export class ChunkedFile {
  buffer = Buffer.allocUnsafe(chunkBytes);
  filled = 0;
  pos = 0;
  eof = false;
  /** The file offset of `buffer[0]`. */
  start = 0;

  constructor(readonly handle: FileHandle) {}

  async size(): Promise<number> {
    return (await this.handle.stat()).size;
  }

  /** Keeps the unread tail, reads more after it; grows the buffer when one line fills it. */
  async refill(): Promise<void> {
    this.start += this.pos;
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
export const estimateLines = async (chunk: ChunkedFile): Promise<number> => {
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
export const checkText = (chunk: ChunkedFile, to: number, line: number): void => {
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
