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
  () =>
    new RecentKeys(timeOf, hashOf, window);

/**
 * The table behind `recentDuplicates`. Its lookups land anywhere, once per message, while the
 * reader streams the file through the cache: a table of whole keys (16 bytes a slot, 512 KB) was
 * evicted between two visits, and each lookup waited on memory. So the keys themselves go to a
 * ring in arrival order, written one after another, and a slot keeps 4 bytes: 16 bits of the
 * hash and 16 of the key's sequence number, enough to find its place in the ring.
 */
class RecentKeys<T> implements DuplicateCheck<T> {
  private readonly bucketMask: number;
  /** Per slot: the hash's high 16 bits, then the sequence number's low 16 bits. */
  private readonly slots: Int32Array;
  /**
   * Keys enter a bucket in sequence order, so its oldest slot is always the one after the last
   * written: a cursor per bucket replaces a search for the oldest.
   */
  private readonly cursors: Uint8Array;
  /** Per key, at its sequence number modulo the ring's size: time's low 32 bits, hash, line. */
  private readonly ring: Int32Array;
  private readonly ringMask: number;
  private count = 0;

  constructor(
    private readonly timeOf: (record: T) => number,
    private readonly hashOf: (record: T) => number,
    private readonly window: number,
  ) {
    // Ages are told from 16 bits of the sequence number.
    if (window >= 1 << 16) throw new RangeError(`duplicate window ${window} is over 65535 records`);
    let buckets = 1;
    while (buckets * bucketSize < window * 2) buckets *= 2;
    this.bucketMask = buckets - 1;
    this.slots = new Int32Array(buckets * bucketSize);
    this.cursors = new Uint8Array(buckets);
    let ring = 1;
    while (ring < window) ring *= 2;
    this.ring = new Int32Array(ring * 3);
    this.ringMask = ring - 1;
  }

  firstLine(record: T, line: number): number | undefined {
    const { slots, count } = this;
    // `| 0` keeps the low 32 bits of the ms; `%` on a double is a slow library call.
    const time = this.timeOf(record) | 0;
    const hash = this.hashOf(record) | 0;
    const tag = hash >>> 16;
    const bucket = (hash ^ Math.imul(time, 0x9e3779b1)) & this.bucketMask;
    const start = bucket * bucketSize;
    for (let slot = start; slot < start + bucketSize; slot++) {
      const value = slots[slot] as number;
      if (value >>> 16 !== tag) continue;
      // How many keys ago the slot's key came, modulo 65,536. An empty slot or a key that old
      // can read as recent, but then the ring holds another key there and the match fails.
      const age = (count - value) & 0xffff;
      if (age === 0 || age >= this.window) continue;
      const at = ((count - age) & this.ringMask) * 3;
      if (this.ring[at] === time && this.ring[at + 1] === hash) return this.ring[at + 2];
    }
    const cursor = this.cursors[bucket] as number;
    this.cursors[bucket] = (cursor + 1) % bucketSize;
    slots[start + cursor] = (tag << 16) | (count & 0xffff);
    const at = (count & this.ringMask) * 3;
    this.ring[at] = time;
    this.ring[at + 1] = hash;
    this.ring[at + 2] = line;
    this.count = count + 1;
    return undefined;
  }
}
