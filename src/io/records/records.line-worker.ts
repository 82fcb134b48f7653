import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { firstNul, lineBreaks } from './records.bytes.js';
import {
  type LineFailure,
  type LineMessage,
  type LineWorkerInput,
  linesPerChunk,
  readBytes,
  slots,
} from './records.line-ring.js';
import { encodingProblem } from './records.messages.js';
import { MessageLineParser, outcome, row, rowStride, storeParsed } from './records.message-parse.js';

const newline = 10;
const cr = 13;

// The line worker: reads a chat export after its header, finds the lines and parses each from
// its bytes (records.message-parse.ts) while the main thread feeds the engine with the chunks
// already parsed — two cores, as DuckDB uses. Chunks live in a ring of shared slots that the
// main thread hands back when done, so memory stays the same whatever the file size and no
// buffer waits for the garbage collector.

const badLine = (bytes: Buffer, firstLine: number): number => {
  const lenient = bytes.toString('utf8');
  return firstLine + (lenient.slice(0, lenient.indexOf('\uFFFD')).match(/\n/g)?.length ?? 0);
};

/**
 * Why the bytes before `to` (a NUL, or the end of whole lines) are not text: the first byte that
 * is not UTF-8, else the NUL at `to`; each with its line, as the string reader reports them.
 */
const notText = (bytes: Buffer, to: number, firstLine: number): LineFailure => {
  if (!isUtf8(bytes.subarray(0, to))) {
    const at = badLine(bytes.subarray(0, to), firstLine);
    return { kind: 'encoding', message: encodingProblem('encoding.invalid', at), line: at };
  }
  const at = firstLine + lineBreaks(bytes, 0, to);
  return { kind: 'binary', message: encodingProblem('encoding.binary', at), line: at };
};

/** The end of the whole lines in `bytes[0, filled)`, at most `linesPerChunk` of them. */
const wholeLines = (bytes: Buffer, filled: number, eof: boolean): number => {
  let end = 0;
  for (let lines = 0; lines < linesPerChunk; lines++) {
    const found = bytes.indexOf(newline, end);
    if (found === -1 || found >= filled) return eof ? filled : end;
    end = found + 1;
  }
  return end;
};

/** Parses the whole lines `bytes[0, end)` into rows; returns how many. */
const parseLines = (
  parser: MessageLineParser,
  bytes: Buffer,
  end: number,
  rows: Int32Array,
  times: Float64Array,
) => {
  let count = 0;
  for (let pos = 0; pos < end; count++) {
    const found = bytes.indexOf(newline, pos);
    const lineEnd = found === -1 || found >= end ? end : found;
    const next = lineEnd === end ? end : lineEnd + 1;
    const stop = lineEnd > pos && bytes[lineEnd - 1] === cr ? lineEnd - 1 : lineEnd;
    const base = count * rowStride;
    rows[base + row.lineStart] = pos;
    rows[base + row.next] = next;
    if (stop === pos) rows[base + row.outcome] = outcome.blank;
    else if (parser.parse(bytes, pos, stop)) {
      storeParsed(parser, rows, count);
      times[count] = parser.time;
    } else rows[base + row.outcome] = outcome.gaveBack;
    pos = next;
  }
  return count;
};

const run = (input: LineWorkerInput, post: (message: LineMessage) => void) => {
  const parser = new MessageLineParser(input.layout);
  const { ring } = input;
  const busy = new Int32Array(ring.busy);
  const fd = openSync(input.file, 'r');
  let position = input.offset;
  let line = input.firstLine;
  let carried = 0;
  try {
    for (let chunk = 0; ; chunk++) {
      const slot = chunk % slots;
      while (Atomics.load(busy, slot) !== 0) Atomics.wait(busy, slot, 1, 1000);
      const bytes = Buffer.from(ring.bytes[slot] as SharedArrayBuffer);
      let filled = carried;
      let eof = false;
      while (filled < carried + readBytes && !eof) {
        const read = readSync(fd, bytes, filled, carried + readBytes - filled, position);
        position += read;
        filled += read;
        eof = read === 0;
      }
      // A NUL anywhere read so far ends the file at its line, before a "line" of zeros is carried.
      const nul = firstNul(bytes, 0, filled);
      if (nul !== -1) return post(notText(bytes, nul, line));
      const end = wholeLines(bytes, filled, eof);
      if (end === 0 && !eof) {
        if (filled + readBytes > bytes.length)
          return post({
            kind: 'syntax',
            message: `record longer than ${1 << 20} characters: an unclosed quote (")?`,
            line,
          });
        carried = filled;
        chunk--;
        continue;
      }
      if (!isUtf8(bytes.subarray(0, end))) return post(notText(bytes, end, line));
      const rows = new Int32Array(ring.rows[slot] as SharedArrayBuffer);
      const count = parseLines(
        parser,
        bytes,
        end,
        rows,
        new Float64Array(ring.times[slot] as SharedArrayBuffer),
      );
      // The unfinished last line moves to the next slot before this one is handed over.
      const nextSlot = (chunk + 1) % slots;
      while (Atomics.load(busy, nextSlot) !== 0) Atomics.wait(busy, nextSlot, 1, 1000);
      bytes.copy(Buffer.from(ring.bytes[nextSlot] as SharedArrayBuffer), 0, end, filled);
      carried = filled - end;
      Atomics.store(busy, slot, 1);
      post({ kind: 'chunk', slot, length: end, count, firstLine: line });
      line += count;
      if (eof && carried === 0) return post({ kind: 'end' });
    }
  } finally {
    closeSync(fd);
  }
};

if (parentPort) {
  const port = parentPort;
  run(workerData as LineWorkerInput, (message) => port.postMessage(message));
}
