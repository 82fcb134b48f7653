import type { DuplicateCheck } from './records.read.js';

/**
 * Remembers every natural key of the file (orders, tickets, ratings: a few per buyer, so a
 * month of a large shop fits comfortably).
 */
export const keyDuplicates =
  <T>(keyOf: (record: T) => string): (() => DuplicateCheck<T>) =>
  () => {
    const seen = new Map<string, number>();
    return {
      firstLine: (record, line) => {
        const key = keyOf(record);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, line);
        return first;
      },
    };
  };

const bucketSize = 4;

/** FNV-1a over the UTF-16 code units of a string, continuing from `hash`. */
export const hashText = (hash: number, text: string): number => {
  let h = hash;
  for (let index = 0; index < text.length; index++) h = Math.imul(h ^ text.charCodeAt(index), 0x01000193);
  // A separator, so ("ab", "c") and ("a", "bc") differ.
  return Math.imul(h ^ 0xff, 0x01000193);
};

/**
 * Remembers only about the last `window` records, as (time, 32-bit hash of the other fields) in
 * typed arrays: no object is kept, so memory stays constant and the collector has nothing to
 * copy. Exports repeat a message next to itself; remembering ten million keys would break the
 * constant-memory promise, and building a string key per message cost as much as parsing it.
 * Two different messages are taken for one only if they share the hash and the low 32 bits of
 * their millisecond time (about one chance in four billion per pair within the window); a
 * collision-full bucket may forget a key early.
 */
export const recentDuplicates =
  <T>(
    timeOf: (record: T) => number,
    hashOf: (record: T) => number,
    window: number,
  ): (() => DuplicateCheck<T>) =>
  () => {
    let buckets = 1;
    while (buckets * bucketSize < window * 2) buckets *= 2;
    // One slot is four int32 side by side (time's low bits, hash, line, sequence): a bucket is
    // one cache line and the table stays small enough for the cache (the reads are random).
    const slots = new Int32Array(buckets * bucketSize * 4);
    for (let slot = 3; slot < slots.length; slot += 4) slots[slot] = -0x80000000;
    let count = 0;
    return {
      firstLine: (record, line) => {
        // `| 0` keeps the low 32 bits of the ms; `%` on a double is a slow library call.
        const time = timeOf(record) | 0;
        const hash = hashOf(record) | 0;
        const start = ((hash ^ Math.imul(time, 0x9e3779b1)) & (buckets - 1)) * bucketSize * 4;
        let oldest = start;
        for (let slot = start; slot < start + bucketSize * 4; slot += 4) {
          const sequence = slots[slot + 3] as number;
          if (sequence > count - window && slots[slot] === time && slots[slot + 1] === hash)
            return slots[slot + 2];
          if (sequence < (slots[oldest + 3] as number)) oldest = slot;
        }
        slots[oldest] = time;
        slots[oldest + 1] = hash;
        slots[oldest + 2] = line;
        slots[oldest + 3] = count++;
        return undefined;
      },
    };
  };
