import { describe, expect, test } from 'vitest';
import { splitFields } from './records.bytes.js';

// splitFields steps over the continuation bytes of multi-byte characters: every field boundary
// next to 2-, 3- and 4-byte characters must still be found where the text's own split puts it.

const pieces = ['a', '7', ' ', '-', 'é', '中', '客服', '😀', '"', ',', '\t'];

/** A deterministic generator (mulberry32), so a failure replays. */
const random = (start: number) => {
  let seed = start;
  return () => {
    seed += 0x6d2b79f5;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** The byte ranges of `line`'s fields as the string split gives them, or null for a quoted line. */
const expected = (line: string, delimiter: string, width: number) => {
  if (line.includes('"')) return null;
  const fields = line.split(delimiter);
  if (fields.length !== width) return null;
  const ranges: [number, number][] = [];
  let at = 0;
  for (const field of fields) {
    const bytes = Buffer.byteLength(field);
    ranges.push([at, at + bytes]);
    at += bytes + 1;
  }
  return ranges;
};

describe('splitFields', () => {
  test('finds every field next to multi-byte characters, and gives back quoted or miscounted lines', () => {
    const next = random(20261129);
    let split = 0;
    for (let round = 0; round < 5000; round++) {
      const delimiter = next() < 0.5 ? ',' : '\t';
      const width = 1 + Math.floor(next() * 6);
      const length = Math.floor(next() * 24);
      let line = '';
      for (let index = 0; index < length; index++) {
        const piece = pieces[Math.floor(next() * pieces.length)] as string;
        // Quotes and the other delimiter are rare, so most lines are plain and split.
        if ((piece === '"' || piece === ',' || piece === '\t') && next() < 0.7) continue;
        line += piece === ',' || piece === '\t' ? delimiter : piece;
      }
      const bytes = Buffer.from(`x\n${line}\r\n`);
      const starts = new Int32Array(width);
      const ends = new Int32Array(width);
      const found = splitFields(bytes, 2, bytes.length - 2, delimiter.charCodeAt(0), starts, ends);
      const ranges = expected(line, delimiter, width);
      expect(found, JSON.stringify(line)).toBe(ranges !== null);
      if (!ranges) continue;
      split++;
      expect([...starts].map((start, index) => [start - 2, (ends[index] as number) - 2])).toEqual(ranges);
    }
    // The generator must give plenty of lines that split, or the test would prove little.
    expect(split).toBeGreaterThan(500);
  });
});
