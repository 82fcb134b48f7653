import type { MessageRecord, OrderRecord, RatingRecord, TicketRecord } from '../../domain/metrics/index.js';
import { buildMessage, buildOrder, buildRating, buildTicket } from './records.build.js';
import { hashText, keyDuplicates, recentDuplicates } from './records.duplicates.js';
import type { RecordKind } from './records.fields.js';
import {
  type ImportSummary,
  type KindReader,
  type ReadOptions,
  readWith,
  validateWith,
} from './records.read.js';

const separator = '\u0001';

const senderCode = { buyer: 1, agent: 2, system: 3 } as const;

const messageHash = (m: MessageRecord): number => {
  let hash = hashText(0x811c9dc5, m.text);
  hash = hashText(hash, m.buyer);
  hash = hashText(hash, m.agent);
  hash = hashText(hash, m.conversation ?? '');
  // Shops differ in their buyers and sub-accounts already; the sender is one of three words.
  return hash ^ senderCode[m.sender];
};

/** How many recent messages a repeated message is looked for among (exports repeat one next to itself). */
export const messageDuplicateWindow = 10_000;

export const messageReader: KindReader<MessageRecord> = {
  kind: 'messages',
  build: buildMessage,
  duplicates: recentDuplicates((m: MessageRecord) => m.time, messageHash, messageDuplicateWindow),
};

export const orderReader: KindReader<OrderRecord> = {
  kind: 'orders',
  build: buildOrder,
  duplicates: keyDuplicates((o: OrderRecord) => o.shop + separator + o.order),
};

export const ratingReader: KindReader<RatingRecord> = {
  kind: 'ratings',
  build: buildRating,
  duplicates: keyDuplicates(
    (r: RatingRecord) =>
      r.shop +
      separator +
      r.buyer +
      separator +
      r.agent +
      separator +
      r.time +
      separator +
      (r.conversation ?? ''),
  ),
};

export const ticketReader: KindReader<TicketRecord> = {
  kind: 'tickets',
  build: buildTicket,
  duplicates: keyDuplicates((t: TicketRecord) => t.shop + separator + t.ticket),
};

export const readers: { [K in RecordKind]: KindReader<unknown> } = {
  messages: messageReader as KindReader<unknown>,
  orders: orderReader as KindReader<unknown>,
  ratings: ratingReader as KindReader<unknown>,
  tickets: ticketReader as KindReader<unknown>,
};

/** Chat messages (聊天记录) from CSV/TSV, JSONL or XLSX, in batches of ~2,000. */
export const readMessages = (options: ReadOptions): AsyncGenerator<MessageRecord[], ImportSummary> =>
  readWith(messageReader, options);

/** Orders (订单) from CSV/TSV, JSONL or XLSX, in batches. */
export const readOrders = (options: ReadOptions): AsyncGenerator<OrderRecord[], ImportSummary> =>
  readWith(orderReader, options);

/** Service ratings (客服评价), in batches. */
export const readRatings = (options: ReadOptions): AsyncGenerator<RatingRecord[], ImportSummary> =>
  readWith(ratingReader, options);

/** JD after-sale service tickets (服务单), in batches. */
export const readTickets = (options: ReadOptions): AsyncGenerator<TicketRecord[], ImportSummary> =>
  readWith(ticketReader, options);

/** Validates a file without keeping records: counts and issues (what reject mode would say). */
export const validateFile = ({
  kind,
  ...options
}: ReadOptions & { kind: RecordKind }): Promise<ImportSummary> => validateWith(readers[kind], options);
