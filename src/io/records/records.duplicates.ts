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
 * Two different messages are taken for one only if they share the second and the hash
 * (about one chance in four billion per pair); a collision-full bucket may forget a key early.
 */
export const recentDuplicates =
  <T>(
    timeOf: (record: T) => number,
    hashOf: (record: T) => number,
    window: number,
  ): (() => DuplicateCheck<T>) =>
  () => {
    let buckets = 1;
    while (buckets * bucketSize < window * 4) buckets *= 2;
    const slots = buckets * bucketSize;
    const times = new Float64Array(slots);
    const hashes = new Int32Array(slots);
    const lines = new Float64Array(slots);
    const sequence = new Float64Array(slots).fill(-Infinity);
    let count = 0;
    return {
      firstLine: (record, line) => {
        const time = timeOf(record);
        const hash = hashOf(record) | 0;
        const start = ((hash ^ Math.imul((time % 0x7fffffff) | 0, 0x9e3779b1)) & (buckets - 1)) * bucketSize;
        let oldest = start;
        for (let slot = start; slot < start + bucketSize; slot++) {
          const live = (sequence[slot] as number) > count - window;
          if (live && times[slot] === time && hashes[slot] === hash) return lines[slot];
          if ((sequence[slot] as number) < (sequence[oldest] as number)) oldest = slot;
        }
        times[oldest] = time;
        hashes[oldest] = hash;
        lines[oldest] = line;
        sequence[oldest] = count++;
        return undefined;
      },
    };
  };
