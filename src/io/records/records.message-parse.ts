import { hashBytes } from '../../domain/metrics/index.js';
import { platforms } from '../../domain/shared/index.js';
import { matchWord, splitFields, utf8, WallTimeReader } from './records.bytes.js';
import type { ResolvedColumns } from './records.row.js';
import { wallClockOffset } from './records.time.js';

// Reading a chat export line from its bytes: which fields it has and what they say, without a
// string per field. Runs in the line worker (records.line-worker.ts); the main thread applies
// the result (records.message-line.ts).

const senderWords = ['buyer', 'agent', 'system'].map(utf8);
/** As the string reader's hash: buyer 1, agent 2, system 3. */
const senderHash = [1, 2, 3];
const kindWords = ['human', 'assist', 'auto', 'welcome'].map(utf8);
const autoWords = ['', '0', 'false', '1', 'true'].map(utf8);
const platformWords = platforms.map(utf8);
const space = 32;

const fieldNames = [
  'shop',
  'platform',
  'buyer',
  'agent',
  'sender',
  'time',
  'text',
  'kind',
  'auto',
  'conversation',
] as const;
/** Column positions of a chat export, -1 when absent. */
export type Positions = Record<(typeof fieldNames)[number], number>;

/** How a file's lines are laid out: plain data, so it can be sent to the worker. */
export type MessageLayout = {
  at: Positions;
  width: number;
  delimiter: number;
  /** Index in `platforms` of the mapping's constant platform, -1 when a column gives it. */
  constantPlatform: number;
  /** The mapping's constant shop, or null when a column gives it. */
  constantShop: string | null;
  timeZone: string;
};

/** The layout of these columns, or null when only the string reader handles it. */
export const messageLayout = (
  columns: ResolvedColumns,
  width: number,
  delimiter: string,
  timeZone: string,
): MessageLayout | null => {
  // Only the shop and the platform may be constants: others are rare enough for the string reader.
  for (const name of fieldNames)
    if (name !== 'shop' && name !== 'platform' && columns.constants[name] !== undefined) return null;
  const at = Object.fromEntries(fieldNames.map((name) => [name, columns.index[name] ?? -1])) as Positions;
  if (at.buyer < 0 || at.agent < 0 || at.sender < 0 || at.time < 0) return null;
  const platformText = columns.constants.platform;
  const constantPlatform =
    platformText === undefined ? -1 : (platforms as readonly string[]).indexOf(platformText);
  const shop = columns.constants.shop ?? null;
  if ((platformText !== undefined && constantPlatform < 0) || (shop === null && at.shop < 0)) return null;
  if (shop !== null && (shop.length === 0 || shop.trim() !== shop)) return null;
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) return null;
  return { at, width, delimiter: delimiter.charCodeAt(0), constantPlatform, constantShop: shop, timeZone };
};

/**
 * Parses lines whose meaning is certain — no quotes, no padding spaces, role words and platform
 * codes spelled as the export format defines them, the common time layout — and says no to
 * every other line, for the string reader to read and report exactly as it would have.
 */
export class MessageLineParser {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  sender = 0;
  kind = 0;
  platform = 0;
  time = 0;
  hash = 0;
  private readonly clock: WallTimeReader;
  private readonly at: Positions;

  /** The field ranges of the line just parsed, by column. */
  get fields() {
    return { at: this.at, starts: this.starts, ends: this.ends };
  }

  constructor(private readonly layout: MessageLayout) {
    this.starts = new Int32Array(layout.width);
    this.ends = new Int32Array(layout.width);
    this.at = layout.at;
    this.clock = new WallTimeReader(wallClockOffset(layout.timeZone));
  }

  /** Parses `bytes[start, end)` (no line break); false when the string reader must read it. */
  parse(bytes: Uint8Array, start: number, end: number): boolean {
    if (!splitFields(bytes, start, end, this.layout.delimiter, this.starts, this.ends)) return false;
    const { at } = this;
    this.sender = this.word(bytes, at.sender, senderWords);
    this.kind = this.replyKind(bytes);
    this.platform =
      at.platform < 0 ? this.layout.constantPlatform : this.word(bytes, at.platform, platformWords);
    this.time = this.clock.read(bytes, this.starts[at.time] as number, this.ends[at.time] as number);
    if (this.sender < 0 || this.kind < 0 || this.platform < 0 || Number.isNaN(this.time)) return false;
    if (!this.plain(bytes, at.buyer, true) || !this.plain(bytes, at.agent, true)) return false;
    if (!this.plain(bytes, at.shop, true) || !this.plain(bytes, at.text, false)) return false;
    if (!this.plain(bytes, at.conversation, false)) return false;
    this.hash = this.keyHash(bytes);
    return true;
  }

  /** A field that needs no trimming (and, if `required`, is not empty); absent columns pass. */
  private plain(bytes: Uint8Array, field: number, required: boolean): boolean {
    if (field < 0) return !required || this.layout.constantShop !== null;
    const start = this.starts[field] as number;
    const end = this.ends[field] as number;
    if (start === end) return !required;
    return bytes[start] !== space && bytes[end - 1] !== space;
  }

  private word(bytes: Uint8Array, field: number, words: readonly Uint8Array[]): number {
    return matchWord(bytes, this.starts[field] as number, this.ends[field] as number, words);
  }

  /** The reply kind (human, assist, auto, welcome) from the kind column or the auto flag; -1 if unsure. */
  private replyKind(bytes: Uint8Array): number {
    const { at } = this;
    if (at.kind >= 0 && this.starts[at.kind] !== this.ends[at.kind])
      return this.word(bytes, at.kind, kindWords);
    if (at.auto < 0) return 0;
    const flag = this.word(bytes, at.auto, autoWords);
    return flag < 0 ? -1 : flag >= 3 ? 2 : 0;
  }

  /** The same hash as `messageKeyHash`, over the fields where they lie. */
  private keyHash(bytes: Uint8Array): number {
    const { at } = this;
    let hash = this.hashField(0x811c9dc5, bytes, at.text);
    hash = this.hashField(hash, bytes, at.buyer);
    hash = this.hashField(hash, bytes, at.agent);
    hash = this.hashField(hash, bytes, at.conversation);
    return hash ^ (senderHash[this.sender] as number);
  }

  private hashField(hash: number, bytes: Uint8Array, field: number): number {
    return field < 0
      ? hashBytes(hash, bytes, 0, 0)
      : hashBytes(hash, bytes, this.starts[field] as number, this.ends[field] as number);
  }
}

/** What the worker says of each line, as int32 in a row of `rowStride`. */
export const row = {
  outcome: 0,
  lineStart: 1,
  next: 2,
  shop: 3,
  buyer: 5,
  agent: 7,
  text: 9,
  sender: 11,
  kind: 12,
  platform: 13,
  hash: 14,
} as const;
export const rowStride = 15;
/** `row.outcome`: an empty line, a parsed line, or one for the string reader. */
export const outcome = { blank: 0, parsed: 1, gaveBack: 2 } as const;

/** Writes a field's byte range (start, end) at `at`; an absent column is the empty range. */
const storeRange = (rows: Int32Array, at: number, field: number, starts: Int32Array, ends: Int32Array) => {
  rows[at] = field < 0 ? 0 : (starts[field] as number);
  rows[at + 1] = field < 0 ? 0 : (ends[field] as number);
};

/**
 * Writes what `parser` read of a line into `rows` at row `index`: field ranges (start, end),
 * codes and the key hash.
 */
export const storeParsed = (parser: MessageLineParser, rows: Int32Array, index: number): void => {
  const base = index * rowStride;
  const { at, starts, ends } = parser.fields;
  rows[base + row.outcome] = outcome.parsed;
  storeRange(rows, base + row.shop, at.shop, starts, ends);
  storeRange(rows, base + row.buyer, at.buyer, starts, ends);
  storeRange(rows, base + row.agent, at.agent, starts, ends);
  storeRange(rows, base + row.text, at.text, starts, ends);
  rows[base + row.sender] = parser.sender;
  rows[base + row.kind] = parser.kind;
  rows[base + row.platform] = parser.platform;
  rows[base + row.hash] = parser.hash;
};
