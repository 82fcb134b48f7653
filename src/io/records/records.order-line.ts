import { type MetricsData, type OrderFacts, ScopedInterner } from '../../domain/metrics/index.js';
import type { Fen, Millis } from '../../domain/shared/index.js';
import { matchWord, readDigits, readPlainYuan, splitFields, utf8, WallTimeReader } from './records.bytes.js';
import type { FastLines, LineOutcome } from './records.fast-load.js';
import type { ResolvedColumns } from './records.row.js';
import type { WallClockOffset } from './records.time.js';

/** What the engine takes from an order reader that interns names itself. */
export type OrderSink = Pick<
  MetricsData,
  'shopId' | 'buyerIdOfBytes' | 'appendOrder' | 'addOrder' | 'orderIds'
>;

const fields = [
  'shop',
  'order',
  'buyer',
  'created',
  'paid',
  'amount',
  'items',
  'status',
  'refund',
  'shipped',
  'postage',
  'sku',
  'closedBy',
] as const;
type Positions = Record<(typeof fields)[number], number>;

const closerWords = ['buyer', 'seller', 'system'].map(utf8);
const space = 32;

/**
 * Reads one line of a UTF-8 order export from its bytes straight into the engine, like
 * `MessageLineReader`: only lines whose meaning is certain (no quotes or padding, plain amounts
 * such as 199.90, the common time layout, consistent times and refunds); every other line goes
 * back to the string reader, which reports it exactly as `readOrders` would.
 */
export class OrderLineReader implements FastLines {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly clock: WallTimeReader;
  private readonly shopNames = new ScopedInterner();
  private readonly shopIds: number[] = [];
  /** Order ids per shop (by the shop's local id) and the line each was first seen on. */
  private readonly orders = new ScopedInterner();
  private firstLines = new Int32Array(1 << 12);
  private known = 0;
  private readonly facts = { created: 0, paid: null, amount: 0, items: 1, refund: 0 } as unknown as {
    -readonly [K in keyof OrderFacts]: OrderFacts[K];
  };

  private constructor(
    private readonly sink: OrderSink,
    private readonly at: Positions,
    private readonly width: number,
    private readonly delimiter: number,
    offsetOf: WallClockOffset,
    private readonly onDuplicate: (line: number, first: number) => void,
  ) {
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
    this.clock = new WallTimeReader(offsetOf);
  }

  /** A reader for these columns, or null when the layout is one only the string reader handles. */
  static create(options: {
    sink: OrderSink;
    columns: ResolvedColumns;
    width: number;
    delimiter: string;
    offsetOf: WallClockOffset;
    onDuplicate: (line: number, first: number) => void;
    /** About how many lines the file has: room is made for as many order ids. */
    lines: number;
  }): OrderLineReader | null {
    const { columns, delimiter } = options;
    if (Object.keys(columns.constants).length > 0) return null;
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) return null;
    const at = Object.fromEntries(fields.map((field) => [field, columns.index[field] ?? -1])) as Positions;
    if (at.shop < 0 || at.order < 0 || at.buyer < 0 || at.created < 0 || at.amount < 0) return null;
    const { sink, width, offsetOf, onDuplicate } = options;
    const reader = new OrderLineReader(sink, at, width, delimiter.charCodeAt(0), offsetOf, onDuplicate);
    reader.orders.reserve(Math.ceil(options.lines * 1.1), 12);
    return reader;
  }

  /**
   * The line an order (by shop and order id) was first seen on, or undefined when it is new; for
   * the string reader's rows, so duplicates are found across both readers.
   */
  firstLineOf(shop: string, order: string, line: number): number | undefined {
    return this.remember(this.orders.id(this.shopNames.id(0, shop), order), line);
  }

  read(bytes: Buffer, start: number, end: number, line: number): LineOutcome {
    if (!splitFields(bytes, start, end, this.delimiter, this.starts, this.ends)) return 'gave-back';
    const { at, facts } = this;
    if (!this.plainFields(bytes)) return 'gave-back';
    const created = this.time(bytes, at.created);
    const paid = this.empty(at.paid) ? null : this.time(bytes, at.paid);
    const amount = this.yuan(bytes, at.amount);
    const refund = this.empty(at.refund) ? 0 : this.yuan(bytes, at.refund);
    const items = this.empty(at.items) ? 1 : this.count(bytes, at.items);
    if (Number.isNaN(created) || Number.isNaN(paid) || Number.isNaN(amount) || Number.isNaN(refund))
      return 'gave-back';
    if (items < 0 || (paid !== null && paid < created) || refund > amount || !this.optionalFacts(bytes))
      return 'gave-back';
    const shopLocal = this.shopNames.idOfBytes(
      0,
      bytes,
      this.starts[at.shop] as number,
      this.ends[at.shop] as number,
    );
    const first = this.remember(
      this.orders.idOfBytes(shopLocal, bytes, this.starts[at.order] as number, this.ends[at.order] as number),
      line,
    );
    if (first !== undefined) {
      this.onDuplicate(line, first);
      return 'rejected';
    }
    if (shopLocal === this.shopIds.length)
      this.shopIds.push(this.sink.shopId(this.text(bytes, at.shop), null));
    const shop = this.shopIds[shopLocal] as number;
    const buyer = this.sink.buyerIdOfBytes(
      shop,
      bytes,
      this.starts[at.buyer] as number,
      this.ends[at.buyer] as number,
    );
    facts.created = created as Millis;
    facts.paid = paid as Millis | null;
    facts.amount = amount as Fen;
    facts.items = items;
    facts.refund = refund as Fen;
    this.sink.appendOrder(buyer, facts, -2, this.sink.orderIds ? this.text(bytes, at.order) : '');
    return 'added';
  }

  private remember(order: number, line: number): number | undefined {
    if (order < this.known) return this.firstLines[order];
    if (order === this.firstLines.length) {
      const grown = new Int32Array(this.firstLines.length * 2);
      grown.set(this.firstLines);
      this.firstLines = grown;
    }
    this.firstLines[order] = line;
    this.known = order + 1;
    return undefined;
  }

  /** Required fields are filled, and no field needs trimming. */
  private plainFields(bytes: Buffer): boolean {
    const { at } = this;
    for (let field = 0; field < this.width; field++) if (!this.plain(bytes, field)) return false;
    return (
      !this.empty(at.shop) &&
      !this.empty(at.order) &&
      !this.empty(at.buyer) &&
      !this.empty(at.created) &&
      !this.empty(at.amount)
    );
  }

  /** Shipped, postage and closed-by, when present, must read as the string reader reads them. */
  private optionalFacts(bytes: Buffer): boolean {
    const { at } = this;
    if (!this.empty(at.shipped) && Number.isNaN(this.time(bytes, at.shipped))) return false;
    if (!this.empty(at.postage) && Number.isNaN(this.yuan(bytes, at.postage))) return false;
    return (
      this.empty(at.closedBy) ||
      matchWord(bytes, this.starts[at.closedBy] as number, this.ends[at.closedBy] as number, closerWords) >= 0
    );
  }

  private empty(field: number): boolean {
    return field < 0 || this.starts[field] === this.ends[field];
  }

  private plain(bytes: Buffer, field: number): boolean {
    const start = this.starts[field] as number;
    const end = this.ends[field] as number;
    return start === end || (bytes[start] !== space && bytes[end - 1] !== space);
  }

  private time(bytes: Buffer, field: number): number {
    return this.clock.read(bytes, this.starts[field] as number, this.ends[field] as number);
  }

  private yuan(bytes: Buffer, field: number): number {
    return readPlainYuan(bytes, this.starts[field] as number, this.ends[field] as number);
  }

  private count(bytes: Buffer, field: number): number {
    const start = this.starts[field] as number;
    const length = (this.ends[field] as number) - start;
    return length > 15 ? -1 : readDigits(bytes, start, length);
  }

  private text(bytes: Buffer, field: number): string {
    return bytes.toString('utf8', this.starts[field], this.ends[field]);
  }
}
