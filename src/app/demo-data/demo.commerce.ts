import { yuanText } from './demo.output.js';
import { orderStatus } from './demo.phrases.js';
import { cumulative, Random } from './demo.random.js';
import { type ChatOutcome, type DemoContext, followUp } from './demo.session.js';
import { type DemoShop, nextOrderId, nextTicketId, rememberCustomer } from './demo.shops.js';

const hour = 3600;
const starWeights = cumulative([4, 4, 7, 15, 70]);
const starTexts = ['非常不满意', '不满意', '一般', '满意', '非常满意'];

/** When the order is paid: usually minutes to hours later, sometimes the next day, sometimes never. */
const paymentDelay = (random: Random): number | null => {
  const draw = random.next();
  if (draw < 0.7) return Math.max(20, Math.min(4 * hour, Math.round(random.logNormal(300, 1.2))));
  if (draw < 0.78) return random.int(12 * hour, 30 * hour);
  return null;
};

/** A seed from an order id, so shipping facts draw from their own stream and the rest stays as it was. */
const seedOf = (order: string): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < order.length; index++)
    hash = Math.imul(hash ^ order.charCodeAt(index), 0x01000193);
  return hash >>> 0;
};

/**
 * Shipping facts for the 质检 order rules: most paid orders ship within a day, a few days late
 * (after an agent may have promised 今天发); a few charge postage; closed orders are mostly closed
 * by the buyer, some by the seller.
 */
const fulfilment = (order: string, paidAt: number | null, closed: boolean) => {
  const random = new Random(seedOf(order));
  const late = random.chance(0.05);
  const shipped =
    paidAt === null ? null : paidAt + (late ? random.int(50 * hour, 96 * hour) : random.int(hour, 20 * hour));
  const postage = random.chance(0.04) ? 1000 : 0;
  const closedBy = closed ? (random.chance(0.8) ? '买家' : '卖家') : '';
  return { shipped, postage, closedBy };
};

/** A price ending in .90 within the shop's band. */
const unitPrice = (random: Random, shop: DemoShop): number =>
  Math.floor(random.int(shop.priceMin, shop.priceMax) / 100) * 100 + 90;

/**
 * Writes one order created at `created`. Returns whether it was paid, so the caller can add the
 * buyer to the shop's after-sale pool.
 */
export const placeOrder = (context: DemoContext, shop: DemoShop, buyer: string, created: number): boolean => {
  const { random, clock, out } = context;
  const items = random.chance(0.7) ? 1 : random.chance(0.67) ? 2 : 3;
  const amount = items * unitPrice(random, shop);
  const delay = paymentDelay(random);
  let status: string = random.chance(0.5) ? orderStatus.unpaid : orderStatus.closed;
  let refund = 0;
  if (delay !== null) {
    status = orderStatus.paid;
    if (random.chance(0.07)) {
      const full = items === 1 || random.chance(0.6);
      refund = full ? amount : amount / items;
      status = full ? orderStatus.refunded : orderStatus.partlyRefunded;
    }
  }
  const paid = delay === null ? '' : clock.format(created + delay);
  const order = nextOrderId(shop);
  const facts = fulfilment(order, delay === null ? null : created + delay, status === orderStatus.closed);
  const shipped = facts.shipped === null ? '' : clock.format(facts.shipped);
  out.order(
    `${shop.name},${shop.platformName},${order},${buyer},${clock.format(created)},${paid},${yuanText(amount)},${items},${status},${yuanText(refund)},${shipped},${yuanText(facts.postage)},${facts.closedBy}\n`,
  );
  if (delay !== null) rememberCustomer(shop, buyer);
  return delay !== null;
};

/** After a pre-sale chat: maybe an order minutes later, an order card, a payment reminder. */
export const maybeConvert = (
  context: DemoContext,
  shop: DemoShop,
  buyer: string,
  chat: ChatOutcome,
): void => {
  const { random } = context;
  if (!chat.served || !random.chance(0.38)) return;
  const created = chat.lastReply + random.int(60, 1200);
  if (random.chance(0.3)) followUp(context, shop, chat, buyer, created + 1, 'orderCard');
  const paid = placeOrder(context, shop, buyer, created);
  if (!paid && random.chance(0.5))
    followUp(context, shop, chat, buyer, created + random.int(600, 3600), 'reminder');
};

const ratedPlatforms = new Set(['tmall', 'jd', 'douyin']);

/** Tmall, JD and Douyin buyers sometimes rate the service after the chat. */
export const maybeRate = (context: DemoContext, shop: DemoShop, buyer: string, chat: ChatOutcome): void => {
  const { random, clock, out } = context;
  if (!chat.served || !ratedPlatforms.has(shop.platform) || !random.chance(0.25)) return;
  const stars = starTexts[random.weighted(starWeights)] as string;
  const time = clock.format(chat.end + random.int(30, 1800));
  out.rating(`${shop.name},${chat.conversation},${buyer},${chat.agent},${time},${stars}\n`);
};

const flag = (value: boolean): string => (value ? '是' : '否');

/** JD after-sale chats often become a service ticket (服务单), reviewed and handled later. */
export const maybeTicket = (context: DemoContext, shop: DemoShop, chat: ChatOutcome): void => {
  const { random, clock, out } = context;
  if (shop.platform !== 'jd' || !random.chance(0.6)) return;
  const applied = chat.end + random.int(60, 1800);
  const reviewed = random.chance(0.95)
    ? applied + Math.round(Math.min(6 * hour, random.logNormal(900, 0.9)))
    : null;
  const ready = reviewed === null ? null : reviewed + random.int(0, 600);
  const resolved =
    ready !== null && random.chance(0.9)
      ? ready + Math.round(Math.min(8 * hour, random.logNormal(1200, 0.8)))
      : null;
  const sampled = random.chance(0.1);
  const time = (value: number | null) => (value === null ? '' : clock.format(value));
  out.ticket(
    `${shop.name},${nextTicketId(shop)},${chat.agent},${clock.format(applied)},${time(reviewed)},${time(ready)},${time(resolved)},${flag(random.chance(0.08))},${flag(sampled)},${sampled ? (random.chance(0.9) ? '通过' : '不通过') : ''}\n`,
  );
};
