/** One CSV record: its fields and the physical line (1-based) it starts on. */
export type CsvRow = { line: number; fields: string[] };

export type CsvParseOptions = {
  /** Field separator, one character; `,` unless a shop's export uses `\t` or `;`. */
  delimiter?: string;
  /**
   * Longest record kept while waiting for its end (characters). An unterminated quote would
   * otherwise swallow the whole file into memory; past this the parser stops with an error.
   */
  maxRecordChars?: number;
};

/** A record the parser could not read: it says which line and why. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const quote = 34;
const cr = 13;
const defaultMaxRecordChars = 1 << 20;

/**
 * An incremental RFC 4180 parser: feed it decoded text in chunks of any size, it returns the
 * complete records so far and keeps only the unfinished tail. Lines without a quote take a
 * fast path (`String.split`); quoted records go through a small state machine. Blank lines are
 * skipped but still counted, so line numbers match what an editor shows.
 */
export class CsvParser {
  private tail = '';
  private line = 1;
  private started = false;
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly maxRecordChars: number;

  constructor(options: CsvParseOptions = {}) {
    this.delimiter = options.delimiter ?? ',';
    this.delimiterCode = this.delimiter.charCodeAt(0);
    this.maxRecordChars = options.maxRecordChars ?? defaultMaxRecordChars;
  }

  /** Parses `chunk` and appends the complete records to `out`. */
  push(chunk: string, out: CsvRow[]): void {
    let text = this.tail.length > 0 ? this.tail + chunk : chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const consumed = this.parse(text, out, false);
    this.tail = consumed < text.length ? text.slice(consumed) : '';
    if (this.tail.length > this.maxRecordChars) {
      throw new CsvSyntaxError(
        `record longer than ${this.maxRecordChars} characters: an unclosed quote (")?`,
        this.line,
      );
    }
  }

  /**
   * Says that the next record starts on physical line `line`: for a caller that feeds only some
   * lines of a file (those its own fast path could not read) and keeps their numbers true.
   */
  at(line: number): void {
    if (this.tail.length === 0) this.line = line;
  }

  /** Whether a record is unfinished (a quoted field runs on past the text pushed so far). */
  get pending(): boolean {
    return this.tail.length > 0;
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(out: CsvRow[]): void {
    if (this.tail.length > 0) this.parse(this.tail, out, true);
    this.tail = '';
  }

  /** Returns how many characters of `text` were consumed into complete records. */
  private parse(text: string, out: CsvRow[], final: boolean): number {
    let pos = 0;
    const length = text.length;
    while (pos < length) {
      let newline = text.indexOf('\n', pos);
      if (newline === -1) {
        if (!final) return pos;
        newline = length;
      }
      let end = newline;
      if (end > pos && text.charCodeAt(end - 1) === cr) end--;
      // Searching each line for a quote costs little; searching the whole chunk for the next
      // quote once turned out to be pathologically slow in V8 for some large two-byte strings.
      const line = text.slice(pos, end);
      if (!line.includes('"')) {
        if (line.length > 0) out.push({ line: this.line, fields: line.split(this.delimiter) });
        this.line++;
        pos = newline + 1;
        continue;
      }
      const next = this.quotedRecord(text, pos, out, final);
      if (next === -1) return pos;
      pos = next;
    }
    return length;
  }

  /**
   * Reads one record that contains a quote. Returns the index after its line break, or -1 when
   * the record is not complete yet (more text needed).
   */
  private quotedRecord(text: string, start: number, out: CsvRow[], final: boolean): number {
    const fields: string[] = [];
    const length = text.length;
    let pos = start;
    let lines = 0;
    let lineEnd = -1;
    for (;;) {
      let value = '';
      if (text.charCodeAt(pos) === quote) {
        pos++;
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close === -1) {
            if (!final) return -1;
            throw new CsvSyntaxError('a quoted field is never closed (missing ")', this.line);
          }
          value += text.slice(pos, close);
          lines += countNewlines(text, pos, close);
          if (text.charCodeAt(close + 1) === quote) {
            value += '"';
            pos = close + 2;
            continue;
          }
          if (close + 1 >= length && !final) return -1;
          pos = close + 1;
          break;
        }
      }
      // Unquoted text (or text after a closing quote) runs to the next delimiter or line end;
      // a stray quote inside it is kept literally, as spreadsheet programs do.
      if (lineEnd < pos) lineEnd = endOfLine(text, pos);
      const delimiter = text.indexOf(this.delimiter, pos);
      const stop = delimiter !== -1 && delimiter < lineEnd ? delimiter : lineEnd;
      if (stop >= length && !final) return -1;
      let piece = text.slice(pos, stop);
      if (
        piece.length > 0 &&
        piece.charCodeAt(piece.length - 1) === cr &&
        text.charCodeAt(stop) !== this.delimiterCode
      ) {
        piece = piece.slice(0, -1);
      }
      fields.push(value + piece);
      if (stop < length && text.charCodeAt(stop) === this.delimiterCode) {
        pos = stop + 1;
        continue;
      }
      out.push({ line: this.line, fields });
      this.line += lines + 1;
      return stop + 1;
    }
  }
}

/** Index of the next line feed at or after `from`, or the text length when there is none. */
const endOfLine = (text: string, from: number): number => {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
};

const countNewlines = (text: string, from: number, to: number): number => {
  let count = 0;
  let at = text.indexOf('\n', from);
  while (at !== -1 && at < to) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  return count;
};

/**
 * Streams records from decoded text chunks, in batches (arrays) to keep per-record overhead low.
 * Memory stays constant: only the current chunk and one unfinished record are held.
 */
export async function* parseCsv(
  source: AsyncIterable<string> | Iterable<string>,
  options: CsvParseOptions = {},
): AsyncGenerator<CsvRow[]> {
  const parser = new CsvParser(options);
  let batch: CsvRow[] = [];
  for await (const chunk of source) {
    parser.push(chunk, batch);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  parser.end(batch);
  if (batch.length > 0) yield batch;
}
