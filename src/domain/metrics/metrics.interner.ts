// Interning names (buyers, sub-accounts) by their UTF-8 bytes. A month of a large store has
// millions of buyers: as keys of JS Maps they cost ~100 bytes each and the garbage collector
// walks them all at every major collection; here they are bytes in one arena and ids in typed
// arrays, and a reader holding raw file bytes can intern a name without making a string.

const fnvPrime = 0x01000193;

/** FNV-1a over `bytes[start, end)`, continuing from `hash`, with a separator mixed in after. */
export const hashBytes = (hash: number, bytes: Uint8Array, start: number, end: number): number => {
  let h = hash;
  for (let index = start; index < end; index++) h = Math.imul(h ^ (bytes[index] as number), fnvPrime);
  return Math.imul(h ^ 0xff, fnvPrime);
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Entry layout in `entries`: hash, scope, arena start, byte length. */
const stride = 4;

/**
 * Interns names scoped by a parent id (a shop): the same name in two shops gets two ids, given
 * in order of first appearance from 0. An open-addressing table of entry numbers over one
 * Int32Array of entries and one byte arena; nothing per name is a JS object.
 */
export class ScopedInterner {
  /** Pairs (hash, entry + 1); 0 = free. The hash beside the entry spares a miss a second fetch. */
  private slots = new Int32Array(2 << 12);
  private entries = new Int32Array(stride << 11);
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private count = 0;
  /** Exports list a conversation's rows together: the name just seen is checked first. */
  private last = -1;
  private scratch = new Uint8Array(256);

  /**
   * Makes room for about `names` names of `bytes` bytes each, so a reader that can estimate them
   * (from a file's size) pays no growth copies and holds no doubled arrays in reserve.
   */
  reserve(names: number, bytes: number): void {
    let slots = this.slots.length >> 1;
    while (slots < names * 2) slots *= 2;
    if (slots * 2 > this.slots.length) {
      this.slots = new Int32Array(slots * 2);
      for (let entry = 0; entry < this.count; entry++) this.place(entry);
    }
    if (names * stride > this.entries.length) this.entries = grown(this.entries, names * stride);
    if (names * bytes > this.arena.length) this.arena = grown(this.arena, names * bytes);
  }

  /** The id of a name given as a string; interned on first sight. */
  id(scope: number, name: string): number {
    const length = this.encode(name);
    return this.idOfBytes(scope, this.scratch, 0, length);
  }

  /** The id of the name spelled by `bytes[start, end)` (UTF-8); interned on first sight. */
  idOfBytes(scope: number, bytes: Uint8Array, start: number, end: number): number {
    const last = this.last;
    if (last >= 0 && this.entries[last * stride + 1] === scope && this.sameBytes(last, bytes, start, end))
      return last;
    const hash = hashBytes(Math.imul(scope + 1, 0x9e3779b1), bytes, start, end);
    const found = this.probe(scope, hash, bytes, start, end);
    this.last = found >= 0 ? found : this.insert(scope, hash, bytes, start, end);
    return this.last;
  }

  /** The id of a name in a scope, if it was ever interned. */
  find(scope: number, name: string): number | undefined {
    return this.findOfBytes(scope, this.scratch, 0, this.encode(name));
  }

  /** `find` for a name given as UTF-8 bytes. */
  findOfBytes(scope: number, bytes: Uint8Array, start: number, end: number): number | undefined {
    const hash = hashBytes(Math.imul(scope + 1, 0x9e3779b1), bytes, start, end);
    const found = this.probe(scope, hash, bytes, start, end);
    return found >= 0 ? found : undefined;
  }

  /** Hands the UTF-8 bytes of an id's name to `read` (as `bytes[start, end)`), without a string. */
  readBytes<T>(id: number, read: (bytes: Uint8Array, start: number, end: number) => T): T {
    const start = this.entries[id * stride + 2] as number;
    return read(this.arena, start, start + (this.entries[id * stride + 3] as number));
  }

  /** The scope (shop) of an id. */
  scopeOf(id: number): number {
    return this.entries[id * stride + 1] as number;
  }

  nameOf(id: number): string {
    if (id < 0 || id >= this.count) return '';
    const start = this.entries[id * stride + 2] as number;
    return decoder.decode(this.arena.subarray(start, start + (this.entries[id * stride + 3] as number)));
  }

  get size(): number {
    return this.count;
  }

  private encode(name: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (name.length * 3 > this.scratch.length) this.scratch = new Uint8Array(name.length * 3);
    return encoder.encodeInto(name, this.scratch).written;
  }

  private probe(scope: number, hash: number, bytes: Uint8Array, start: number, end: number): number {
    const mask = (this.slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot * 2 + 1] as number) - 1;
      if (entry < 0) return -1;
      if (
        this.slots[slot * 2] === hash &&
        this.entries[entry * stride + 1] === scope &&
        this.sameBytes(entry, bytes, start, end)
      )
        return entry;
    }
  }

  private insert(scope: number, hash: number, bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if ((this.count + 1) * stride > this.entries.length)
      // Growing by half, not doubling: less memory held in reserve on large files.
      this.entries = grown(this.entries, Math.ceil((this.entries.length * 1.5) / stride) * stride);
    if (this.arenaUsed + length > this.arena.length)
      this.arena = grown(this.arena, Math.max(Math.ceil(this.arena.length * 1.5), this.arenaUsed + length));
    const entry = this.count++;
    const at = entry * stride;
    this.entries[at] = hash;
    this.entries[at + 1] = scope;
    this.entries[at + 2] = this.arenaUsed;
    this.entries[at + 3] = length;
    // A loop, not `set(subarray)`: names are short, and a subarray is an object per name.
    const { arena } = this;
    for (let index = 0; index < length; index++)
      arena[this.arenaUsed + index] = bytes[start + index] as number;
    this.arenaUsed += length;
    if (this.count > this.slots.length >> 2) this.rehash();
    else this.place(entry);
    return entry;
  }

  private sameBytes(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = this.entries[entry * stride + 3] as number;
    if (length !== end - start) return false;
    const from = this.entries[entry * stride + 2] as number;
    for (let index = 0; index < length; index++)
      if (this.arena[from + index] !== bytes[start + index]) return false;
    return true;
  }

  private place(entry: number): void {
    const mask = (this.slots.length >> 1) - 1;
    const hash = this.entries[entry * stride] as number;
    let slot = hash & mask;
    while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    this.slots[slot * 2] = hash;
    this.slots[slot * 2 + 1] = entry + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.count; entry++) this.place(entry);
  }
}

const grown = <T extends Int32Array | Uint8Array>(array: T, size: number): T => {
  const next = new (array.constructor as new (size: number) => T)(size);
  next.set(array);
  return next;
};
