import type { MessageRecord, OrderRecord, RatingRecord, TicketRecord } from '../../domain/metrics/index.js';
import { type Fen, fen, type Millis, millis } from '../../domain/shared/index.js';
import { valueProblems } from './records.messages.js';
import type { RowReader } from './records.row.js';
import { parseKind, parsePlatform, parseSender, parseStars } from './records.values.js';

/** Builds one record from the current row of a `RowReader`, or null when the row is bad. */
export type RecordBuilder<T> = (row: RowReader) => T | null;

/** The shop of a row: its column or constant, else the `店铺:` prefix of the sub-account. */
const shopOf = (row: RowReader, agent: string): string => {
  const shop = row.text('shop');
  if (shop.length > 0) return shop;
  const colon = agent.indexOf(':');
  if (colon > 0) return agent.slice(0, colon);
  row.fail('shop', 'import.missing_value', valueProblems.noShop());
  return '';
};

const replyKindOf = (row: RowReader) => {
  const kindText = row.text('kind');
  if (kindText.length > 0) {
    const kind = parseKind(kindText);
    if (kind) return kind;
    row.fail('kind', 'import.bad_value', valueProblems.badKind(kindText));
    return 'human';
  }
  return row.flag('auto', false) ? 'auto' : 'human';
};

export const buildMessage: RecordBuilder<MessageRecord> = (row) => {
  const buyer = row.required('buyer');
  const agent = row.required('agent');
  const shop = shopOf(row, agent);
  const platformText = row.required('platform');
  const platform = parsePlatform(platformText);
  if (!platform && platformText.length > 0)
    row.fail('platform', 'import.bad_value', valueProblems.badPlatform(platformText));
  const senderText = row.required('sender');
  const sender = senderText.length > 0 ? parseSender(senderText, buyer, agent) : null;
  if (!sender && senderText.length > 0)
    row.fail('sender', 'import.unknown_sender', valueProblems.badSender(senderText));
  const time = row.time('time', true);
  const text = row.text('text');
  const kind = replyKindOf(row);
  if (!row.ok || !platform || !sender || time === null) return null;
  const conversation = row.text('conversation');
  const record: MessageRecord = {
    shop,
    platform,
    buyer,
    agent,
    sender,
    time: millis(time),
    text,
    kind: sender === 'agent' ? kind : 'human',
  };
  if (conversation.length > 0) record.conversation = conversation;
  return record;
};

const closers = new Map<string, 'buyer' | 'seller' | 'system'>([
  ['buyer', 'buyer'],
  ['买家', 'buyer'],
  ['seller', 'seller'],
  ['卖家', 'seller'],
  ['商家', 'seller'],
  ['system', 'system'],
  ['系统', 'system'],
]);

const optionalOrderFacts = (row: RowReader, record: OrderRecord): void => {
  if (row.has('shipped')) record.shipped = row.time('shipped', false) as Millis | null;
  if (row.has('postage')) record.postage = row.amount('postage', false, null) as Fen | null;
  if (row.has('sku')) record.sku = row.text('sku') || null;
  if (row.has('closedBy')) {
    const text = row.text('closedBy');
    const closedBy = closers.get(text.toLowerCase()) ?? null;
    if (text.length > 0 && !closedBy) row.fail('closedBy', 'import.bad_value', valueProblems.badCloser(text));
    record.closedBy = closedBy;
  }
};

export const buildOrder: RecordBuilder<OrderRecord> = (row) => {
  const shop = row.required('shop');
  const order = row.required('order');
  const buyer = row.required('buyer');
  const created = row.time('created', true);
  const paid = row.time('paid', false);
  const amount = row.amount('amount', true, 0) ?? 0;
  const refund = row.amount('refund', false, 0) ?? 0;
  const items = row.count('items', 1);
  if (created !== null && paid !== null && paid < created) {
    row.fail(
      'paid',
      'import.bad_time',
      valueProblems.paidBeforeCreated(row.text('paid'), row.text('created')),
    );
  }
  if (refund > amount)
    row.fail(
      'refund',
      'import.bad_amount',
      valueProblems.refundOverAmount(row.text('refund'), row.text('amount')),
    );
  if (created === null) return null;
  const record: OrderRecord = {
    shop,
    order,
    buyer,
    created: millis(created),
    paid: paid === null ? null : millis(paid),
    amount: fen(amount),
    items,
    status: row.text('status'),
    refund: fen(refund),
  };
  optionalOrderFacts(row, record);
  return row.ok ? record : null;
};

export const buildRating: RecordBuilder<RatingRecord> = (row) => {
  const buyer = row.required('buyer');
  const agent = row.required('agent');
  const shop = shopOf(row, agent);
  const time = row.time('time', true);
  const starsText = row.required('stars');
  const stars = parseStars(starsText);
  if (!stars && starsText.length > 0)
    row.fail('stars', 'import.bad_value', valueProblems.badStars(starsText));
  if (!row.ok || time === null || !stars) return null;
  const record: RatingRecord = { shop, buyer, agent, time: millis(time), stars };
  const conversation = row.text('conversation');
  if (conversation.length > 0) record.conversation = conversation;
  return record;
};

const passWords = new Map([
  ['通过', true],
  ['合格', true],
  ['不通过', false],
  ['不合格', false],
]);

export const buildTicket: RecordBuilder<TicketRecord> = (row) => {
  const ticket = row.required('ticket');
  const agent = row.required('agent');
  const shop = shopOf(row, agent);
  const applied = row.time('applied', true);
  const reviewed = row.time('reviewed', false);
  const ready = row.time('ready', false);
  const resolved = row.time('resolved', false);
  const passText = row.text('samplePassed');
  const samplePassed = passWords.get(passText) ?? row.flag('samplePassed', null);
  if (applied !== null && reviewed !== null && reviewed < applied) {
    row.fail(
      'reviewed',
      'import.bad_time',
      valueProblems.reviewedBeforeApplied(row.text('reviewed'), row.text('applied')),
    );
  }
  const record: TicketRecord = {
    shop,
    ticket,
    agent,
    applied: millis(applied ?? 0),
    reviewed: reviewed === null ? null : millis(reviewed),
    ready: ready === null ? null : millis(ready),
    resolved: resolved === null ? null : millis(resolved),
    awaitingCustomer: row.flag('awaitingCustomer', false) ?? false,
    sampled: row.flag('sampled', false) ?? false,
    samplePassed,
  };
  return row.ok && applied !== null ? record : null;
};
