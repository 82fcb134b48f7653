import { hashBytes, type MetricsData, messageCode, ScopedInterner } from '../../domain/metrics/index.js';
import { type Platform, platforms } from '../../domain/shared/index.js';
import { matchWord, utf8, WallTimeReader } from './records.bytes.js';
import type { FastLines, LineOutcome } from './records.fast-load.js';
import type { DuplicateCheck } from './records.read.js';
import type { ResolvedColumns } from './records.row.js';
import type { WallClockOffset } from './records.time.js';

/** What the engine takes from a reader that interns names itself (a `MetricsData`). */
export type MessageSink = Pick<
  MetricsData,
  | 'shopId'
  | 'buyerIdOfBytes'
  | 'agentIdOfBytes'
  | 'screensBytes'
  | 'screenText'
  | 'appendMessage'
  | 'addMessage'
>;

/** The key the duplicate check remembers: a message's time and a hash of its other fields. */
export type MessageKey = { time: number; hash: number };

const senderWords = ['buyer', 'agent', 'system'].map(utf8);
const senders = ['buyer', 'agent', 'system'] as const;
/** As the string reader's hash: buyer 1, agent 2, system 3. */
const senderHash = [1, 2, 3];
const kindWords = ['human', 'assist', 'auto', 'welcome'].map(utf8);
const kinds = ['human', 'assist', 'auto', 'welcome'] as const;
const autoWords = ['', '0', 'false', '1', 'true'].map(utf8);
const platformWords = platforms.map(utf8);
const space = 32;
const quote = 34;

/** The hash of a message's text, buyer, agent, conversation and sender, over their UTF-8 bytes. */
export const messageKeyHash = (fields: {
  text: string;
  buyer: string;
  agent: string;
  conversation?: string;
  sender: 'buyer' | 'agent' | 'system';
}): number => {
  let hash = 0x811c9dc5;
  for (const value of [fields.text, fields.buyer, fields.agent, fields.conversation ?? '']) {
    const bytes = Buffer.from(value, 'utf8');
    hash = hashBytes(hash, bytes, 0, bytes.length);
  }
  return hash ^ (senderHash[senders.indexOf(fields.sender)] as number);
};

/** Column positions of a chat export, -1 when absent. */
type Positions = Record<
  'shop' | 'platform' | 'buyer' | 'agent' | 'sender' | 'time' | 'text' | 'kind' | 'auto' | 'conversation',
  number
>;

const positionsOf = (columns: ResolvedColumns): Positions | null => {
  const names = [
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
  ];
  // Only the shop and the platform may be constants: other constants are rare enough for the
  // string reader to handle.
  for (const name of names)
    if (name !== 'shop' && name !== 'platform' && columns.constants[name] !== undefined) return null;
  const positions = Object.fromEntries(names.map((name) => [name, columns.index[name] ?? -1])) as Positions;
  const required = [positions.buyer, positions.agent, positions.sender, positions.time];
  return required.some((index) => index < 0) ? null : positions;
};

/**
 * Reads one line of a UTF-8 chat export from its bytes straight into the engine: no string per
 * field, names interned by their bytes, times read from digits. It accepts only lines whose
 * meaning is certain — no quotes, no padding spaces, role words and platform codes spelled as
 * the export format defines them, the common time layout — and gives every other line back, for
 * the string reader to read and report on exactly as it would have.
 */
export class MessageLineReader implements FastLines {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Shop names by their bytes, and the engine's id of each. */
  private readonly shopNames = new ScopedInterner();
  private readonly shopIds: number[] = [];
  private readonly key: MessageKey = { time: 0, hash: 0 };
  /** The id of the shop every row names through a constant (mapping), once a row has set it. */
  private constantShopId = -1;
  private readonly clock: WallTimeReader;

  private constructor(
    private readonly sink: MessageSink,
    private readonly at: Positions,
    private readonly width: number,
    private readonly delimiter: number,
    private readonly constantPlatform: Platform | null,
    private readonly constantShop: string | undefined,
    offsetOf: WallClockOffset,
    private readonly duplicates: DuplicateCheck<MessageKey>,
    private readonly onDuplicate: (line: number, first: number) => void,
  ) {
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
    this.clock = new WallTimeReader(offsetOf);
  }

  /** A reader for these columns, or null when the layout is one only the string reader handles. */
  static create(options: {
    sink: MessageSink;
    columns: ResolvedColumns;
    width: number;
    delimiter: string;
    offsetOf: WallClockOffset;
    duplicates: DuplicateCheck<MessageKey>;
    onDuplicate: (line: number, first: number) => void;
  }): MessageLineReader | null {
    const { columns } = options;
    const positions = positionsOf(columns);
    const platformText = columns.constants.platform;
    const platform =
      platformText === undefined ? null : (platforms.find((code) => code === platformText) ?? null);
    const shop = columns.constants.shop;
    if (!positions || (platformText !== undefined && !platform) || (shop === undefined && positions.shop < 0))
      return null;
    if (shop !== undefined && (shop.length === 0 || shop.trim() !== shop)) return null;
    if (options.delimiter.length !== 1 || options.delimiter.charCodeAt(0) > 127) return null;
    return new MessageLineReader(
      options.sink,
      positions,
      options.width,
      options.delimiter.charCodeAt(0),
      platform,
      shop,
      options.offsetOf,
      options.duplicates,
      options.onDuplicate,
    );
  }

  /**
   * Reads the line `bytes[start, end)` (no line break): `added` to the sink, `rejected` as a
   * duplicate (reported), or `gave-back` when the string reader must read it.
   */
  read(bytes: Buffer, start: number, end: number, line: number): LineOutcome {
    if (!this.split(bytes, start, end)) return 'gave-back';
    const { at } = this;
    const sender = this.word(bytes, at.sender, senderWords);
    const kind = this.kind(bytes);
    const platform = this.platform(bytes);
    const time = this.time(bytes);
    if (sender < 0 || kind < 0 || platform === null || Number.isNaN(time)) return 'gave-back';
    if (!this.plain(bytes, at.buyer, true) || !this.plain(bytes, at.agent, true)) return 'gave-back';
    if (!this.plain(bytes, at.shop, true) || !this.plain(bytes, at.text, false)) return 'gave-back';
    if (!this.plain(bytes, at.conversation, false)) return 'gave-back';
    this.key.time = time;
    this.key.hash = this.hash(bytes, sender);
    const first = this.duplicates.firstLine(this.key, line);
    if (first !== undefined) {
      this.onDuplicate(line, first);
      return 'rejected';
    }
    this.add(bytes, platform, sender, kind, time);
    return 'added';
  }

  private add(bytes: Buffer, platform: Platform, sender: number, kind: number, time: number): void {
    const { at, sink } = this;
    const shop =
      this.constantShop === undefined ? this.shop(bytes, at.shop, platform) : this.shopOfMapping(platform);
    const buyer = sink.buyerIdOfBytes(
      shop,
      bytes,
      this.starts[at.buyer] as number,
      this.ends[at.buyer] as number,
    );
    const agent = sink.agentIdOfBytes(
      shop,
      bytes,
      this.starts[at.agent] as number,
      this.ends[at.agent] as number,
    );
    const senderName = senders[sender] as (typeof senders)[number];
    if (senderName === 'buyer' && this.screens(bytes, shop, buyer))
      sink.screenText(shop, buyer, this.text(bytes, at.text));
    const replyKind = senderName === 'agent' ? (kinds[kind] as (typeof kinds)[number]) : 'human';
    sink.appendMessage(buyer, agent, messageCode.of(senderName, replyKind), time);
  }

  private screens(bytes: Buffer, shop: number, buyer: number): boolean {
    const { text } = this.at;
    if (text < 0) return this.sink.screensBytes(shop, buyer, bytes, 0, 0);
    return this.sink.screensBytes(shop, buyer, bytes, this.starts[text] as number, this.ends[text] as number);
  }

  private shopOfMapping(platform: Platform): number {
    if (this.constantShopId < 0) this.constantShopId = this.sink.shopId(this.constantShop ?? '', platform);
    return this.constantShopId;
  }

  /** The engine's id of the shop a row names. */
  private shop(bytes: Buffer, field: number, platform: Platform): number {
    const start = this.starts[field] as number;
    const end = this.ends[field] as number;
    const local = this.shopNames.idOfBytes(0, bytes, start, end);
    if (local === this.shopIds.length) this.shopIds.push(this.sink.shopId(this.text(bytes, field), platform));
    return this.shopIds[local] as number;
  }

  /** Finds the fields; false when a quote appears or the count differs from the header's. */
  private split(bytes: Buffer, start: number, end: number): boolean {
    const { starts, ends, delimiter, width } = this;
    let field = 0;
    starts[0] = start;
    for (let index = start; index < end; index++) {
      const byte = bytes[index] as number;
      if (byte === delimiter) {
        ends[field] = index;
        if (++field === width) return false;
        starts[field] = index + 1;
      } else if (byte === quote) return false;
    }
    ends[field] = end;
    return field === width - 1;
  }

  /** A field that needs no trimming (and, if `required`, is not empty); absent columns pass. */
  private plain(bytes: Buffer, field: number, required: boolean): boolean {
    if (field < 0) return !required || this.constantShop !== undefined;
    const start = this.starts[field] as number;
    const end = this.ends[field] as number;
    if (start === end) return !required;
    return bytes[start] !== space && bytes[end - 1] !== space;
  }

  private word(bytes: Buffer, field: number, words: readonly Uint8Array[]): number {
    return matchWord(bytes, this.starts[field] as number, this.ends[field] as number, words);
  }

  /** The reply kind's index in `kinds`, from the kind column or else the auto flag; -1 if unsure. */
  private kind(bytes: Buffer): number {
    const { at } = this;
    if (at.kind >= 0 && this.starts[at.kind] !== this.ends[at.kind])
      return this.word(bytes, at.kind, kindWords);
    if (at.auto < 0) return 0;
    const flag = this.word(bytes, at.auto, autoWords);
    return flag < 0 ? -1 : flag >= 3 ? 2 : 0;
  }

  private platform(bytes: Buffer): Platform | null {
    if (this.at.platform < 0) return this.constantPlatform;
    const index = this.word(bytes, this.at.platform, platformWords);
    return index < 0 ? null : (platforms[index] as Platform);
  }

  private time(bytes: Buffer): number {
    return this.clock.read(bytes, this.starts[this.at.time] as number, this.ends[this.at.time] as number);
  }

  /** The same hash as `messageKeyHash`, over the fields where they lie. */
  private hash(bytes: Buffer, sender: number): number {
    const { at } = this;
    let hash = this.hashField(0x811c9dc5, bytes, at.text);
    hash = this.hashField(hash, bytes, at.buyer);
    hash = this.hashField(hash, bytes, at.agent);
    hash = this.hashField(hash, bytes, at.conversation);
    return hash ^ (senderHash[sender] as number);
  }

  private hashField(hash: number, bytes: Buffer, field: number): number {
    return field < 0
      ? hashBytes(hash, bytes, 0, 0)
      : hashBytes(hash, bytes, this.starts[field] as number, this.ends[field] as number);
  }

  private text(bytes: Buffer, field: number): string {
    return field < 0 ? '' : bytes.toString('utf8', this.starts[field], this.ends[field]);
  }
}
