import { yuanText } from './demo.output.js';
import { orderStatus } from './demo.phrases.js';
import { cumulative, type Random } from './demo.random.js';
import { type ChatOutcome, type DemoContext, followUp, promised, promisedShipping } from './demo.session.js';
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

const secondsPerDay = 86_400;
/** Orders paid before 16:00 leave the same day (the cut-off the demo's 当天发 reply names). */
const sameDayCutoff = 16 * hour;

/**
 * When a paid order ships (wall seconds): before the cut-off the same day from 09:00, after it the
 * next morning, which keeps both 当天发 and 二十四小时内发货. A few ship one to three days late
 * (out of stock, a warehouse backlog) — more often after an agent promised a ship time, since
 * agents promise without checking stock; the demo needs such broken promises for 质检 to find.
 */
const shipTime = (facts: Random, paid: number, promises: number): number => {
  const dayStart = paid - (paid % secondsPerDay);
  const onTime =
    paid - dayStart < sameDayCutoff
      ? Math.max(paid, dayStart + 9 * hour) + facts.int(1200, 3 * hour)
      : dayStart + secondsPerDay + 9 * hour + facts.int(0, 3 * hour);
  const late = facts.chance(promisedShipping(promises) ? 0.08 : 0.03);
  return late ? onTime + facts.int(30 * hour, 80 * hour) : onTime;
};

/** Postage in 分: most orders ship free; a few charge it, some even after 包邮 was promised. */
const postageOf = (facts: Random, promises: number): number =>
  facts.chance(promises & promised.freeShipping ? 0.06 : 0.04) ? facts.pick([600, 800, 1000, 1200]) : 0;

/** Who closed an unpaid order: mostly the platform on payment timeout, or the buyer; rarely the seller. */
const closerOf = (facts: Random): string => {
  const draw = facts.next();
  return draw < 0.6 ? '系统' : draw < 0.95 ? '买家' : '卖家';
};

const orderLine = (
  shop: DemoShop,
  order: { buyer: string; created: string; paid: string; amount: number; items: number; status: string },
  rest: { refund: number; shipped: string; postage: number; closedBy: string },
): string =>
  `${shop.name},${shop.platformName},${nextOrderId(shop)},${order.buyer},${order.created},${order.paid},${yuanText(order.amount)},${order.items},${order.status},${yuanText(rest.refund)},${rest.shipped},${yuanText(rest.postage)},${rest.closedBy}\n`;

/** A price ending in .90 within the shop's band. */
const unitPrice = (random: Random, shop: DemoShop): number =>
  Math.floor(random.int(shop.priceMin, shop.priceMax) / 100) * 100 + 90;

/**
 * Writes one order created at `created`, after a chat whose agents made `promises` (flags of
 * `promised`). Returns whether it was paid, so the caller can add the buyer to the shop's
 * after-sale pool.
 */
export const placeOrder = (
  context: DemoContext,
  shop: DemoShop,
  buyer: string,
  created: number,
  promises = 0,
): boolean => {
  const { random, facts, clock, out } = context;
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
  const shipAt = delay === null ? null : shipTime(facts, created + delay, promises);
  // Orders due to ship after the export was taken have no shipping time yet.
  const shipped = shipAt === null || shipAt > context.end ? '' : clock.format(shipAt);
  const postage = postageOf(facts, promises);
  const closedBy = status === orderStatus.closed ? closerOf(facts) : '';
  out.order(
    orderLine(
      shop,
      { buyer, created: clock.format(created), paid, amount, items, status },
      { refund, shipped, postage, closedBy },
    ),
  );
  if (delay !== null) rememberCustomer(shop, buyer);
  return delay !== null;
};

/**
 * The order an agent closed unasked (the 关闭订单 slip, "我这边帮您把订单关了"): placed during
 * the chat, unpaid, closed by the seller. Drawn from the facts stream.
 */
export const maybeSellerClosed = (
  context: DemoContext,
  shop: DemoShop,
  buyer: string,
  chat: ChatOutcome,
): void => {
  if (chat.closedAt === null) return;
  const { facts, clock, out } = context;
  const created = chat.start + facts.int(1, Math.max(1, chat.closedAt - chat.start - 1));
  const items = facts.chance(0.8) ? 1 : 2;
  out.order(
    orderLine(
      shop,
      {
        buyer,
        created: clock.format(created),
        paid: '',
        amount: items * unitPrice(facts, shop),
        items,
        status: orderStatus.closed,
      },
      { refund: 0, shipped: '', postage: 0, closedBy: '卖家' },
    ),
  );
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
  const paid = placeOrder(context, shop, buyer, created, chat.promised);
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
