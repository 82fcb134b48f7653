import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { type CsvRow, parseCsv } from '../csv/index.js';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { decodeStream } from '../encoding/index.js';
import { refuseBinary } from './records.binary.js';
import { fileProblems, rowProblems } from './records.messages.js';

/** A row of any tabular file: its values in header order and the line (or sheet row) it came from. */
export type TableRow = CsvRow & { error?: string };

export type TableFormat = 'csv' | 'jsonl' | 'xlsx';

/** A file opened for reading: its header and a stream of row batches after the header. */
export type Table = {
  format: TableFormat;
  encoding: string;
  headers: string[];
  headerLine: number;
  rows: AsyncGenerator<TableRow[]>;
};

/** Thrown when a file's format is not one Kefu reads. */
export class UnsupportedFormatError extends Error {
  override name = 'UnsupportedFormatError';
}

export const formatOf = (file: string): TableFormat => {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.xls') throw new UnsupportedFormatError(fileProblems.oldExcel());
  throw new UnsupportedFormatError(fileProblems.unknownType(extension || file));
};

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Splits off the first batch (holding the header row) of a row stream. */
const splitHeader = async (batches: AsyncGenerator<TableRow[]>) => {
  for (let next = await batches.next(); !next.done; next = await batches.next()) {
    const [header, ...rest] = next.value;
    if (!header) continue;
    async function* remaining(): AsyncGenerator<TableRow[]> {
      if (rest.length > 0) yield rest;
      yield* { [Symbol.asyncIterator]: () => batches };
    }
    return { header, rows: remaining() };
  }
  return null;
};

async function* noRows(): AsyncGenerator<TableRow[]> {}

/** Bytes of a file, or of a stream given instead (an upload) that the file name only labels. */
export type ByteSource = AsyncIterable<Uint8Array>;

/** Decoded text of a CSV or JSON Lines file, stopping at the first line that is not text. */
const decode = (file: string, source: ByteSource | undefined) =>
  // 256 KiB reads, as `decodeFile` makes them (no more CPU than 1 MiB, less RSS).
  decodeStream(refuseBinary(source ?? createReadStream(file, { highWaterMark: 1 << 18 })));

const openCsv = async (file: string, source?: ByteSource): Promise<Table> => {
  const decoded = await decode(file, source);
  const chunks = decoded.chunks;
  const first = await chunks.next();
  const firstText = first.done ? '' : first.value;
  const lineEnd = firstText.indexOf('\n');
  const firstLine = lineEnd === -1 ? firstText : firstText.slice(0, lineEnd);
  // Tab-separated exports often carry a .csv or .txt name: decide by the header line.
  const delimiter =
    extname(file).toLowerCase() === '.tsv' || (firstLine.includes('\t') && !firstLine.includes(','))
      ? '\t'
      : ',';
  const rows = parseCsv(first.done ? [] : prepend(firstText, chunks), { delimiter });
  const split = await splitHeader(rows);
  if (!split)
    return { format: 'csv', encoding: decoded.encoding, headers: [], headerLine: 1, rows: noRows() };
  return {
    format: 'csv',
    encoding: decoded.encoding,
    headers: split.header.fields,
    headerLine: split.header.line,
    rows: split.rows,
  };
};

const jsonValue = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

async function* jsonLines(chunks: AsyncIterable<string>): AsyncGenerator<TableRow[]> {
  let tail = '';
  let line = 1;
  for await (const chunk of chunks) {
    const text = tail + chunk;
    const lines = text.split('\n');
    tail = lines.pop() ?? '';
    const batch: TableRow[] = [];
    for (const raw of lines) {
      if (raw.trim().length > 0) batch.push({ line, fields: [raw] });
      line++;
    }
    if (batch.length > 0) yield batch;
  }
  if (tail.trim().length > 0) yield [{ line, fields: [tail] }];
}

const parseObject = (raw: string): Record<string, unknown> | string => {
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : rowProblems.notJsonObject();
  } catch (error) {
    return rowProblems.notJson((error as Error).message);
  }
};

async function* jsonRows(
  first: TableRow[],
  headers: string[],
  rest: AsyncGenerator<TableRow[]>,
): AsyncGenerator<TableRow[]> {
  const toRow = (row: TableRow): TableRow => {
    const object = parseObject(row.fields[0] ?? '');
    if (typeof object === 'string') return { line: row.line, fields: [], error: object };
    return { line: row.line, fields: headers.map((header) => jsonValue(object[header])) };
  };
  if (first.length > 0) yield first.map(toRow);
  for await (const batch of rest) yield batch.map(toRow);
}

const keySample = 1000;

/** The header of a JSON Lines file: every key of its first objects, in order of appearance. */
const keysOf = (rows: readonly TableRow[]): string[] => {
  const keys = new Set<string>();
  for (const row of rows) {
    const object = parseObject(row.fields[0] ?? '');
    if (typeof object !== 'string') for (const key of Object.keys(object)) keys.add(key);
  }
  return [...keys];
};

/** JSON Lines: one object per line; the keys of the first thousand objects are the header. */
const openJsonl = async (file: string, source?: ByteSource): Promise<Table> => {
  const decoded = await decode(file, source);
  const batches = jsonLines(decoded.chunks);
  const head: TableRow[] = [];
  let next = await batches.next();
  while (!next.done && head.length < keySample) {
    head.push(...next.value);
    next = await batches.next();
  }
  const rest = next.done ? noRows() : prepend(next.value, batches);
  const headers = keysOf(head.slice(0, keySample));
  return {
    format: 'jsonl',
    encoding: decoded.encoding,
    headers,
    headerLine: head[0]?.line ?? 1,
    rows: jsonRows(head, headers, rest),
  };
};

const pad = (value: number) => String(value).padStart(2, '0');

/** A cell as text. Excel dates are wall-clock times that exceljs hands over as UTC Dates. */
const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(
      value.getUTCHours(),
    )}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return String(value);
};

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The bytes of an .xlsx file once they are seen to start as a ZIP archive, so that a CSV renamed
 * .xlsx or a file of zeros is named for what it is. (exceljs, given such a file by its path, read
 * on until the heap was exhausted; it is always handed a stream now.)
 */
const workbookBytes = async (file: string, source?: ByteSource): Promise<ByteSource> => {
  const chunks = (source ?? createReadStream(file))[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  if (!Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 4)).equals(zipSignature)) {
    await chunks.return?.();
    throw new UnsupportedFormatError(fileProblems.notWorkbook());
  }
  return prepend(head, chunks);
};

async function* workbookRows(bytes: ByteSource): AsyncGenerator<TableRow[]> {
  // Loaded on first use: exceljs takes a quarter of a second to import, which every CSV run paid.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    let batch: TableRow[] = [];
    for await (const row of sheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const fields = Array.from(values, (value) => cellText(value as ExcelJS.CellValue));
      if (fields.some((field) => field.length > 0)) batch.push({ line: row.number, fields });
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    // Only the first worksheet holds the data; summary sheets after it are ignored.
    return;
  }
}

async function* sheetRows(file: string, source?: ByteSource): AsyncGenerator<TableRow[]> {
  const bytes = await workbookBytes(file, source);
  try {
    yield* workbookRows(bytes);
  } catch (error) {
    // A damaged archive makes exceljs and its unzipper throw plain errors ("invalid signature").
    throw new UnsupportedFormatError(fileProblems.brokenWorkbook((error as Error).message));
  }
}

const openXlsx = async (file: string, source?: ByteSource): Promise<Table> => {
  const split = await splitHeader(sheetRows(file, source));
  if (!split) return { format: 'xlsx', encoding: 'xlsx', headers: [], headerLine: 1, rows: noRows() };
  return {
    format: 'xlsx',
    encoding: 'xlsx',
    headers: split.header.fields,
    headerLine: split.header.line,
    rows: split.rows,
  };
};

/**
 * Opens a CSV/TSV (UTF-8, UTF-8 with BOM or GBK), JSON Lines or XLSX file for streaming. Throws
 * `EncodingError`, `CsvSyntaxError` or `UnsupportedFormatError`, which the readers turn into issues.
 */
export const openTable = (file: string, source?: ByteSource): Promise<Table> => {
  const format = formatOf(file);
  if (format === 'jsonl') return openJsonl(file, source);
  if (format === 'xlsx') return openXlsx(file, source);
  return openCsv(file, source);
};
