// Byte-level helpers for readers that work on the raw bytes of a UTF-8 file, so the common row
// needs no string per field.
import { utcFromParts, type WallClockOffset } from './records.time.js';

/** Whether `bytes[start, end)` equals `word`. */
export const bytesEqual = (bytes: Uint8Array, start: number, end: number, word: Uint8Array): boolean => {
  if (end - start !== word.length) return false;
  for (let index = 0; index < word.length; index++) if (bytes[start + index] !== word[index]) return false;
  return true;
};

/** The index of the word `bytes[start, end)` spells, or -1. */
export const matchWord = (
  bytes: Uint8Array,
  start: number,
  end: number,
  words: readonly Uint8Array[],
): number => {
  for (let index = 0; index < words.length; index++)
    if (bytesEqual(bytes, start, end, words[index] as Uint8Array)) return index;
  return -1;
};

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

const hyphen = 45;
const colon = 58;
const dot = 46;

/** The number written by `count` ASCII digits at `from`, or -1 when one is not a digit. */
export const readDigits = (bytes: Uint8Array, from: number, count: number): number => {
  let value = 0;
  for (let index = from; index < from + count; index++) {
    const digit = (bytes[index] as number) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};

/**
 * An amount in 元 written as `parseYuan`'s plain form (`199`, `199.9`, `199.90`) as 分; NaN for
 * anything else (the string reader then decides). Twelve digits at most, so the sum is exact.
 */
export const readPlainYuan = (bytes: Uint8Array, start: number, end: number): number => {
  let dotAt = end;
  for (let index = start; index < end; index++) if (bytes[index] === dot) dotAt = index;
  const whole = dotAt - start;
  const decimals = end - dotAt - 1;
  if (whole < 1 || whole > 12 || (dotAt < end && (decimals < 1 || decimals > 2))) return Number.NaN;
  const yuan = readDigits(bytes, start, whole);
  const cents = dotAt < end ? readDigits(bytes, dotAt + 1, decimals) * (decimals === 1 ? 10 : 1) : 0;
  return yuan < 0 || cents < 0 ? Number.NaN : yuan * 100 + cents;
};

/**
 * Reads `YYYY-MM-DD HH:mm:ss` in the shop's zone exactly as `parseTime`'s fast path does, or NaN
 * (the string reader then tries every other layout). Remembers the last day's midnight, since
 * exports are sorted by time and consecutive rows nearly always share their day.
 */
export class WallTimeReader {
  private cachedDay = new Uint8Array(10);
  private cachedDayMs = Number.NaN;

  constructor(private readonly offsetOf: WallClockOffset) {}

  read(bytes: Uint8Array, start: number, end: number): number {
    if (
      end - start !== 19 ||
      bytes[start + 4] !== hyphen ||
      bytes[start + 7] !== hyphen ||
      bytes[start + 13] !== colon ||
      bytes[start + 16] !== colon
    )
      return Number.NaN;
    const h = readDigits(bytes, start + 11, 2);
    const mi = readDigits(bytes, start + 14, 2);
    const s = readDigits(bytes, start + 17, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return Number.NaN;
    const wall = this.dayStart(bytes, start) + ((h * 60 + mi) * 60 + s) * 1000;
    return Number.isNaN(wall) ? wall : wall - this.offsetOf(wall);
  }

  private dayStart(bytes: Uint8Array, start: number): number {
    if (bytesEqual(bytes, start, start + 10, this.cachedDay)) return this.cachedDayMs;
    const day = utcFromParts(
      readDigits(bytes, start, 4),
      readDigits(bytes, start + 5, 2),
      readDigits(bytes, start + 8, 2),
      0,
      0,
      0,
      0,
    );
    this.cachedDay = bytes.slice(start, start + 10);
    this.cachedDayMs = day;
    return day;
  }
}

const quote = 34;

/**
 * Finds the `starts.length` fields of the line `bytes[start, end)` split at `delimiter` (byte
 * ranges into `starts`/`ends`); false when a quote appears or the count differs, for the
 * string reader to read the line. The bytes must be UTF-8 (the readers check each chunk first)
 * and the delimiter ASCII.
 */
export const splitFields = (
  bytes: Uint8Array,
  start: number,
  end: number,
  delimiter: number,
  starts: Int32Array,
  ends: Int32Array,
): boolean => {
  const width = starts.length;
  // One comparison passes over most bytes: letters, digits and every non-ASCII byte are above both.
  const special = Math.max(delimiter, quote);
  let field = 0;
  starts[0] = start;
  for (let index = start; index < end; index++) {
    const byte = bytes[index] as number;
    if (byte > special) {
      // A lead byte of a 3- or 4-byte character (most Chinese text): its continuation bytes
      // (0x80-0xBF) are neither delimiter nor quote, so they are stepped over unread.
      if (byte >= 0xe0) index += byte >= 0xf0 ? 3 : 2;
      continue;
    }
    if (byte === delimiter) {
      ends[field] = index;
      if (++field === width) return false;
      starts[field] = index + 1;
    } else if (byte === quote) return false;
  }
  ends[field] = end;
  return field === width - 1;
};

const newline = 10;

/** How many line breaks `bytes[from, to)` holds (memchr per line, as the readers find lines). */
export const lineBreaks = (bytes: Buffer, from: number, to: number): number => {
  let count = 0;
  for (let at = bytes.indexOf(newline, from); at !== -1 && at < to; at = bytes.indexOf(newline, at + 1))
    count++;
  return count;
};

/**
 * The first NUL byte of `bytes[from, to)`, or -1. Text in UTF-8 or GBK never holds one, so a NUL
 * means the bytes from its line on are not text: a damaged file, or zeros a crashed copy left.
 */
export const firstNul = (bytes: Buffer, from: number, to: number): number => {
  const at = bytes.indexOf(0, from);
  return at === -1 || at >= to ? -1 : at;
};
