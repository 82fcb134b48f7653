// Lists the per-buyer pass reuses from one buyer to the next. Emptying a plain array by setting
// its `length` is a call into the runtime that also frees its storage, and the pass empties a
// handful per buyer and one per turn: these keep their storage and empty by resetting a count.

/** A reusable list of numbers (times in epoch ms, agent ids, seconds). */
export class NumberList {
  private values = new Float64Array(16);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index] as number;
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const bigger = new Float64Array(this.values.length * 2);
    bigger.set(this.values);
    this.values = bigger;
  }
}

/** A reusable list of objects: `add` hands back an object of an earlier use for the caller to reset. */
export class Pool<T> {
  private readonly items: T[] = [];
  length = 0;

  constructor(private readonly create: () => T) {}

  add(): T {
    let item = this.items[this.length];
    if (item === undefined) {
      item = this.create();
      this.items.push(item);
    }
    this.length++;
    return item;
  }

  at(index: number): T {
    return this.items[index] as T;
  }

  clear(): void {
    this.length = 0;
  }
}
