import { type MetricsData, messageCode, ScopedInterner } from '../../domain/metrics/index.js';
import { type Platform, platforms } from '../../domain/shared/index.js';
import { hashBytes } from '../../domain/metrics/index.js';
import { type MessageLayout, row, rowStride } from './records.message-parse.js';
import type { DuplicateCheck } from './records.read.js';

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

const senders = ['buyer', 'agent', 'system'] as const;
/** As the string reader's hash: buyer 1, agent 2, system 3. */
const senderHash = [1, 2, 3];
const kinds = ['human', 'assist', 'auto', 'welcome'] as const;
/**
 * `messageCode.of` per sender index (kind human), and per kind index for agents' messages,
 * worked out once: by name it costs two keyed lookups per message.
 */
const senderCodes = senders.map((sender) => messageCode.of(sender, 'human'));
const agentCodes = kinds.map((kind) => messageCode.of('agent', kind));

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

/**
 * Feeds the engine with the lines the worker parsed: finds repeated messages, interns shops,
 * buyers and agents by their bytes, screens buyer texts for ads and appends each message.
 */
export class MessageRows {
  /** Shop names by their bytes, and the engine's id of each. */
  private readonly shopNames = new ScopedInterner();
  private readonly shopIds: number[] = [];
  private readonly key: MessageKey = { time: 0, hash: 0 };

  constructor(
    private readonly sink: MessageSink,
    private readonly layout: MessageLayout,
    private readonly duplicates: DuplicateCheck<MessageKey>,
    private readonly onDuplicate: (line: number, first: number) => void,
  ) {}

  /** Adds the parsed row `index` of a chunk (line `line`), or reports it as a repeat. */
  apply(bytes: Buffer, rows: Int32Array, index: number, time: number, line: number): 'added' | 'rejected' {
    const base = index * rowStride;
    this.key.time = time;
    this.key.hash = rows[base + row.hash] as number;
    const first = this.duplicates.firstLine(this.key, line);
    if (first !== undefined) {
      this.onDuplicate(line, first);
      return 'rejected';
    }
    const { sink } = this;
    const shop = this.shop(bytes, rows, base);
    const buyer = sink.buyerIdOfBytes(
      shop,
      bytes,
      rows[base + row.buyer] as number,
      rows[base + row.buyer + 1] as number,
    );
    const agent = sink.agentIdOfBytes(
      shop,
      bytes,
      rows[base + row.agent] as number,
      rows[base + row.agent + 1] as number,
    );
    const senderIndex = rows[base + row.sender] as number;
    const sender = senders[senderIndex] as (typeof senders)[number];
    const textStart = rows[base + row.text] as number;
    const textEnd = rows[base + row.text + 1] as number;
    if (sender === 'buyer' && sink.screensBytes(shop, buyer, bytes, textStart, textEnd))
      sink.screenText(shop, buyer, bytes.toString('utf8', textStart, textEnd));
    const code = sender === 'agent' ? agentCodes[rows[base + row.kind] as number] : senderCodes[senderIndex];
    sink.appendMessage(buyer, agent, code as number, time);
    return 'added';
  }

  /** The engine's id of a row's shop; the first row naming it gives its platform (settings). */
  private shop(bytes: Buffer, rows: Int32Array, base: number): number {
    const { constantShop } = this.layout;
    const start = rows[base + row.shop] as number;
    const end = rows[base + row.shop + 1] as number;
    const local = constantShop === null ? this.shopNames.idOfBytes(0, bytes, start, end) : 0;
    if (local < this.shopIds.length) return this.shopIds[local] as number;
    const platform = platforms[rows[base + row.platform] as number] as Platform;
    this.shopIds.push(this.sink.shopId(constantShop ?? bytes.toString('utf8', start, end), platform));
    return this.shopIds[local] as number;
  }
}
