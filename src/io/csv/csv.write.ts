import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const needsQuotes = /[",\r\n]/;
const quotes = /"/g;

/** Quotes a field only when it must be (RFC 4180): it holds a comma, quote or line break. */
export const csvField = (value: string): string =>
  needsQuotes.test(value) ? `"${value.replace(quotes, '""')}"` : value;

/** One CSV line, ending in `\n`. */
export const csvLine = (fields: readonly string[]): string => {
  let line = '';
  for (let index = 0; index < fields.length; index++) {
    if (index > 0) line += ',';
    line += csvField(fields[index] as string);
  }
  return `${line}\n`;
};

/** Writes text (or bytes) to a stream, waiting when the stream asks the writer to slow down. */
export const writeText = async (stream: Writable, text: string | Uint8Array): Promise<void> => {
  if (!stream.write(text)) await once(stream, 'drain');
};

/** Closes a stream and waits until everything is on disk (or the error it met). */
export const closeStream = async (stream: Writable): Promise<void> => {
  stream.end();
  await once(stream, 'finish');
};

/**
 * Buffers lines and writes them in large chunks: one `write` per line costs more than the
 * formatting itself when files have millions of rows.
 */
export class CsvWriter {
  private buffer = '';
  rows = 0;

  constructor(
    private readonly stream: Writable,
    private readonly flushAt = 1 << 16,
  ) {}

  /** Adds one row; awaits only when a chunk is handed to the stream. */
  async row(fields: readonly string[]): Promise<void> {
    await this.raw(csvLine(fields));
    this.rows++;
  }

  /** Adds already formatted text (lines built by a caller that knows its fields need no quotes). */
  async raw(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= this.flushAt) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = this.buffer;
    this.buffer = '';
    await writeText(this.stream, text);
  }

  async close(): Promise<void> {
    await this.flush();
    await closeStream(this.stream);
  }
}

/**
 * Writes a CSV file (UTF-8, optional BOM so Excel on Windows shows Chinese correctly) from a
 * header and rows; rows may be an async stream. Returns the number of data rows written.
 */
export const writeCsv = async ({
  file,
  headers,
  rows,
  bom = false,
}: {
  file: string;
  headers: readonly string[];
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>;
  bom?: boolean;
}): Promise<{ rows: number }> => {
  const writer = new CsvWriter(createWriteStream(file));
  await writer.raw((bom ? '\uFEFF' : '') + csvLine(headers));
  for await (const row of rows) await writer.row(row);
  await writer.close();
  return { rows: writer.rows };
};
