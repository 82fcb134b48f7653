// Compact columnar storage: the engine keeps no per-message objects, only typed-array columns
// grown in fixed chunks (no doubling copies, so peak memory stays near the data size).

const chunkBits = 18;
const chunkSize = 1 << chunkBits;
const chunkMask = chunkSize - 1;

type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * A growable column of numbers stored in fixed-size typed-array chunks. Each element type has
 * its own subclass with its own copy of the accessors on purpose: one shared accessor that saw
 * five typed-array kinds would turn megamorphic and several times slower in the hot loops.
 */
export abstract class Column<T extends TypedArray> {
  protected readonly chunks: T[] = [];
  length = 0;
  abstract push(value: number): void;
  abstract get(index: number): number;
  abstract set(index: number, value: number): void;
}

export class Float64Column extends Column<Float64Array> {
  push(value: number): void {
    const slot = this.length & chunkMask;
    if (slot === 0) this.chunks.push(new Float64Array(chunkSize));
    (this.chunks[this.chunks.length - 1] as Float64Array)[slot] = value;
    this.length++;
  }

  get(index: number): number {
    return (this.chunks[index >>> chunkBits] as Float64Array)[index & chunkMask] as number;
  }

  set(index: number, value: number): void {
    (this.chunks[index >>> chunkBits] as Float64Array)[index & chunkMask] = value;
  }
}

export class Int32Column extends Column<Int32Array> {
  push(value: number): void {
    const slot = this.length & chunkMask;
    if (slot === 0) this.chunks.push(new Int32Array(chunkSize));
    (this.chunks[this.chunks.length - 1] as Int32Array)[slot] = value;
    this.length++;
  }

  get(index: number): number {
    return (this.chunks[index >>> chunkBits] as Int32Array)[index & chunkMask] as number;
  }

  set(index: number, value: number): void {
    (this.chunks[index >>> chunkBits] as Int32Array)[index & chunkMask] = value;
  }
}

export class Uint32Column extends Column<Uint32Array> {
  push(value: number): void {
    const slot = this.length & chunkMask;
    if (slot === 0) this.chunks.push(new Uint32Array(chunkSize));
    (this.chunks[this.chunks.length - 1] as Uint32Array)[slot] = value;
    this.length++;
  }

  get(index: number): number {
    return (this.chunks[index >>> chunkBits] as Uint32Array)[index & chunkMask] as number;
  }

  set(index: number, value: number): void {
    (this.chunks[index >>> chunkBits] as Uint32Array)[index & chunkMask] = value;
  }
}

export class Uint16Column extends Column<Uint16Array> {
  push(value: number): void {
    const slot = this.length & chunkMask;
    if (slot === 0) this.chunks.push(new Uint16Array(chunkSize));
    (this.chunks[this.chunks.length - 1] as Uint16Array)[slot] = value;
    this.length++;
  }

  get(index: number): number {
    return (this.chunks[index >>> chunkBits] as Uint16Array)[index & chunkMask] as number;
  }

  set(index: number, value: number): void {
    (this.chunks[index >>> chunkBits] as Uint16Array)[index & chunkMask] = value;
  }
}

export class Uint8Column extends Column<Uint8Array> {
  push(value: number): void {
    const slot = this.length & chunkMask;
    if (slot === 0) this.chunks.push(new Uint8Array(chunkSize));
    (this.chunks[this.chunks.length - 1] as Uint8Array)[slot] = value;
    this.length++;
  }

  get(index: number): number {
    return (this.chunks[index >>> chunkBits] as Uint8Array)[index & chunkMask] as number;
  }

  set(index: number, value: number): void {
    (this.chunks[index >>> chunkBits] as Uint8Array)[index & chunkMask] = value;
  }
}

/**
 * Epoch-millisecond instants in 6 bytes instead of 8: whole seconds (unsigned 32-bit, 1970-2106)
 * and milliseconds. Ten million messages save 20 MB.
 */
export class TimeColumn {
  private readonly seconds = uint32Column();
  private readonly millis = uint16Column();

  push(time: number): void {
    const seconds = Math.floor(time / 1000);
    if (!(seconds >= 0 && seconds <= 0xffffffff)) throw new RangeError(`time ${time} is outside 1970-2106`);
    this.seconds.push(seconds);
    this.millis.push(time - seconds * 1000);
  }

  get(index: number): number {
    return this.seconds.get(index) * 1000 + this.millis.get(index);
  }

  get length(): number {
    return this.seconds.length;
  }
}

export const float64Column = () => new Float64Column();
export const int32Column = () => new Int32Column();
export const uint32Column = () => new Uint32Column();
export const uint16Column = () => new Uint16Column();
export const uint8Column = () => new Uint8Column();

/** Interns plain strings (shops). */
export class Interner {
  private readonly map = new Map<string, number>();
  readonly names: string[] = [];
  private lastName = '';
  private lastId = -1;

  id(name: string): number {
    if (name === this.lastName && this.lastId >= 0) return this.lastId;
    let id = this.map.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.map.set(name, id);
      this.names.push(name);
    }
    this.lastName = name;
    this.lastId = id;
    return id;
  }

  find(name: string): number | undefined {
    return this.map.get(name);
  }
}

/** Any column of instants. */
type TimeLike = { get: (index: number) => number };

/**
 * Rows chained per group as they arrive (a linked list in two typed columns), so grouping costs
 * 4 bytes a row plus 8 a group, with no sort and no second pass.
 */
export class RowChains {
  private readonly next = int32Column();
  private readonly head = int32Column();
  private readonly tail = int32Column();
  private scratch = new Uint32Array(64);
  private times = new Float64Array(64);

  /** Registers a new, empty group; its id is the number of groups so far. */
  addGroup(): void {
    this.head.push(-1);
    this.tail.push(-1);
  }

  /** Appends row number `row` (rows are numbered 0, 1, 2 … in arrival order) to `group`. */
  add(group: number, row: number): void {
    this.next.push(-1);
    const last = this.tail.get(group);
    if (last === -1) this.head.set(group, row);
    else this.next.set(last, row);
    this.tail.set(group, row);
  }

  /**
   * The rows of `group` sorted by `time` (stable), and their times (read once here, so callers
   * need not read them again), in scratch arrays valid until the next call.
   */
  rows(group: number, time: TimeLike): { rows: Uint32Array; times: Float64Array; count: number } {
    let count = 0;
    let sorted = true;
    for (let row = this.head.get(group); row !== -1; row = this.next.get(row)) {
      if (count === this.scratch.length) this.grow();
      const at = time.get(row);
      if (count > 0 && at < (this.times[count - 1] as number)) sorted = false;
      this.scratch[count] = row;
      this.times[count++] = at;
    }
    if (!sorted) this.sortByTime(count, time);
    return { rows: this.scratch, times: this.times, count };
  }

  private grow(): void {
    const rows = new Uint32Array(this.scratch.length * 2);
    rows.set(this.scratch);
    this.scratch = rows;
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
  }

  /** Sorts the scratch rows[0, count) by time, stable (ties keep arrival order), and their times with them. */
  private sortByTime(count: number, time: TimeLike): void {
    const rows = this.scratch.subarray(0, count);
    rows.sort((a, b) => time.get(a) - time.get(b) || a - b);
    for (let i = 0; i < count; i++) this.times[i] = time.get(rows[i] as number);
  }
}
