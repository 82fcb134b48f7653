import {
  type AgentParts,
  addWait,
  emptyAgentParts,
  emptyShopParts,
  type ShopParts,
} from './metrics.aggregate.js';
import { type Column, int32Column } from './metrics.columns.js';
import {
  type AssistKind,
  flag,
  inRange,
  localClock,
  type MetricsSink,
  type Reception,
  type ShopContext,
  shopContext,
} from './metrics.context.js';
import { type BuyerOrder, creditOrders, readOrders } from './metrics.credit.js';
import { filterReason, type MetricsData } from './metrics.data.js';
import { localDay } from './metrics.time.js';
import { BuyerWalker } from './metrics.turns.js';

type Table<K extends string> = Record<K, Column<Int32Array>>;
const table = <K extends string>(...keys: K[]): Table<K> =>
  Object.fromEntries(keys.map((key) => [key, int32Column()])) as Table<K>;

/**
 * Bumped whenever a change makes the engine publish different numbers from the same records and
 * settings (2: median and p90 response times of the real waits, above the 600 s cap too), so that
 * results stored by an older engine are recomputed instead of read.
 */
export const metricsEngineVersion = 2;

/** Assist kinds as stored in the trail. */
export const assistKinds: AssistKind[] = ['order', 'payment', 'followUp'];

/** Drill-down tables (typed columns): which buyers, orders and receptions made each number. */
export type MetricsTrail = {
  receptions: Table<'buyer' | 'agent' | 'day' | 'flags'>;
  credits: Table<'order' | 'buyer' | 'agent' | 'day'>;
  assists: Table<'order' | 'buyer' | 'agent' | 'day' | 'kind'>;
  silent: Table<'order' | 'buyer' | 'shop' | 'day'>;
  /** Buyers left out per shop-day, with their `filterReason` (advertisers among them). */
  filtered: Table<'buyer' | 'shop' | 'day' | 'reason'>;
};

/** Parts per (agent, day) and (shop, day) over every day of the input, plus the trail. */
export type MetricsComputation = {
  data: MetricsData;
  agentDays: Map<number, AgentParts>;
  shopDays: Map<number, ShopParts>;
  trail: MetricsTrail;
};

const dayKey = (id: number, day: number) => id * 1_000_000 + day;
export const keyId = (key: number) => Math.floor(key / 1_000_000);
export const keyDay = (key: number) => key % 1_000_000;

/** Pre-sale or not, with hindsight: a later order inside the window makes it an inquiry after all. */
const classify = (reception: Reception, orders: BuyerOrder[], context: ShopContext) => {
  let afterSale = false;
  let orderedAfter = false;
  for (const order of orders) {
    const paidBefore = !Number.isNaN(order.paid) && order.paid <= reception.start;
    if (
      order.created >= reception.start - context.lookBackMs &&
      order.created < reception.start &&
      paidBefore
    ) {
      afterSale = true;
    }
    if (order.created >= reception.start && order.created < reception.end) orderedAfter = true;
  }
  reception.inquiry = !afterSale || (context.hindsight && orderedAfter);
  reception.afterSale = !reception.inquiry;
};

/** What `bookReception` works out once per reception for the parts and the flags. */
type Booking = { robot: boolean; excluded: boolean; dySession: boolean };

const receptionFlags = (
  reception: Reception,
  { robot, excluded, dySession }: Booking,
  context: ShopContext,
) =>
  (reception.served ? flag.served : 0) |
  (robot ? flag.robotOnly : 0) |
  (reception.afterSale ? flag.afterSale : 0) |
  (reception.inquiry && !excluded ? flag.inquiry : 0) |
  (reception.ordered ? flag.ordered : 0) |
  (reception.paid ? flag.paid : 0) |
  (reception.respCount > 0 ? flag.answered : 0) |
  (reception.firstCount > 0 ? flag.firstAnswered : 0) |
  (reception.slow > 0 ? flag.slow : 0) |
  (reception.unanswered > 0 ? flag.unansweredTurn : 0) |
  (reception.pddMessages > 0 ? flag.pdd : 0) |
  (reception.pddWithin < reception.pddMessages ? flag.pddMissed : 0) |
  (dySession ? flag.dySession : 0) |
  (reception.dyWithin < reception.dyMessages ? flag.dyMissed : 0) |
  (reception.tbTurns > 0 ? flag.tb : 0) |
  (reception.tbWithin < reception.tbTurns ? flag.tbMissed : 0) |
  (excluded ? flag.assistExcluded : 0) |
  (reception.dyFirstWithin ? flag.dyFirstWithin : 0) |
  (reception.verySlow >= context.slowReceptionTurns ? flag.slowReception : 0) |
  (reception.last - reception.start > context.longReceptionMs ? flag.longReception : 0);

/** Adds a finished reception into its agent-day parts. Robot-only receptions stay out. */
const bookReception = (reception: Reception, buyer: number, sink: MetricsSink, context: ShopContext) => {
  const parts = sink.agentDay(reception.agent, reception.day);
  const robot = reception.hadAuto && !reception.served;
  const excluded = reception.assist && !reception.ordered && !reception.paid;
  const dySession = inRange(localClock(reception.start, context), context.dyHours);
  sink.reception(buyer, reception, receptionFlags(reception, { robot, excluded, dySession }, context));
  if (robot) {
    parts.robotOnly++;
    return;
  }
  parts.consulted++;
  if (reception.served) parts.served++;
  parts.respCount += reception.respCount;
  parts.respSumCapped += reception.respSumCapped;
  parts.respSumUncapped += reception.respSumUncapped;
  for (let i = 0; i < reception.seconds.length; i++) addWait(parts, reception.seconds.at(i));
  parts.firstCount += reception.firstCount;
  parts.firstSum += reception.firstSum;
  parts.slowTurns += reception.slow;
  parts.unansweredTurns += reception.unanswered;
  parts.pddMessages += reception.pddMessages;
  parts.pddWithin += reception.pddWithin;
  parts.pddAnswered += reception.pddAnswered;
  parts.pddWaitSum += reception.pddWaitSum;
  if (dySession) {
    parts.dySessions++;
    if (reception.dyFirstWithin) parts.dyFirstWithin++;
  }
  parts.dyMessages += reception.dyMessages;
  parts.dyWithin += reception.dyWithin;
  parts.tbTurns += reception.tbTurns;
  parts.tbWithin += reception.tbWithin;
  if (reception.verySlow >= context.slowReceptionTurns) parts.slowReceptions++;
  if (reception.last - reception.start > context.longReceptionMs) parts.longReceptions++;
  if (reception.afterSale) parts.afterSale++;
  if (reception.inquiry && !excluded) {
    parts.inquiries++;
    if (reception.ordered) parts.inquiriesOrdered++;
    if (reception.paid) parts.inquiriesPaid++;
  }
};

const emptyTrail = (): MetricsTrail => ({
  receptions: table('buyer', 'agent', 'day', 'flags'),
  credits: table('order', 'buyer', 'agent', 'day'),
  assists: table('order', 'buyer', 'agent', 'day', 'kind'),
  silent: table('order', 'buyer', 'shop', 'day'),
  filtered: table('buyer', 'shop', 'day', 'reason'),
});

const createSink = (data: MetricsData, computation: MetricsComputation): MetricsSink => {
  const { agentDays, shopDays, trail } = computation;
  return {
    agentDay: (agent, day) => {
      const key = dayKey(agent, day);
      let parts = agentDays.get(key);
      if (!parts) {
        parts = emptyAgentParts(data.settingsOf(data.agents.scopeOf(agent)).response.capSec);
        agentDays.set(key, parts);
      }
      return parts;
    },
    shopDay: (shop, day) => {
      const key = dayKey(shop, day);
      let parts = shopDays.get(key);
      if (!parts) {
        parts = emptyShopParts();
        shopDays.set(key, parts);
      }
      return parts;
    },
    reception: (buyer, reception, flags) => {
      // One row per reception: pushed column by column, without a temporary object.
      const table = trail.receptions;
      table.buyer.push(buyer);
      table.agent.push(reception.agent);
      table.day.push(reception.day);
      table.flags.push(flags);
    },
    credited: (order, buyer, agent, day) => {
      const table = trail.credits;
      table.order.push(order);
      table.buyer.push(buyer);
      table.agent.push(agent);
      table.day.push(day);
    },
    assisted: (order, buyer, agent, day, kind) => {
      const table = trail.assists;
      table.order.push(order);
      table.buyer.push(buyer);
      table.agent.push(agent);
      table.day.push(day);
      table.kind.push(assistKinds.indexOf(kind));
    },
    silent: (order, buyer, shop, day) => pushRow(trail.silent, { order, buyer, shop, day }),
  };
};

/** Pushes a row of a table that takes few rows (per order and buyer ones go column by column). */
const pushRow = <K extends string>(into: Table<K>, row: Record<K, number>) => {
  for (const key of Object.keys(row) as K[]) into[key].push(row[key]);
};

const filteredField = {
  [filterReason.advertiser]: 'advertisers',
  [filterReason.account]: 'filteredAccounts',
  [filterReason.staff]: 'filteredStaff',
  [filterReason.ownAccount]: 'filteredOwn',
} as const;

/**
 * A filtered buyer (an advertiser, a listed account, platform staff, one of the shop's own
 * accounts) is counted once per shop and day they wrote, with the reason; nothing else of
 * theirs counts, and their paid orders stay uncredited.
 */
const bookFiltered = (
  buyer: number,
  reason: number,
  shop: number,
  times: number[],
  orders: BuyerOrder[],
  sink: MetricsSink,
  context: ShopContext,
  trail: MetricsTrail,
) => {
  const days = new Set(times.map((time) => localDay(time, context.offsetMs)));
  const field = filteredField[reason as keyof typeof filteredField];
  for (const day of days) {
    sink.shopDay(shop, day)[field]++;
    pushRow(trail.filtered, { buyer, shop, day, reason });
  }
  for (const order of orders) {
    if (Number.isNaN(order.paid)) continue;
    const parts = sink.shopDay(shop, localDay(order.paid, context.offsetMs));
    parts.paidOrders++;
    parts.paidSales += order.amount;
    parts.uncreditedSales += order.amount;
  }
};

/** The times of a buyer's own messages among rows[0, count) (with their times in times[0, count)). */
const buyerMessageTimes = (
  data: MetricsData,
  rows: Uint32Array,
  times: Float64Array,
  count: number,
): number[] => {
  const buyerTimes: number[] = [];
  for (let i = 0; i < count; i++) {
    if (data.messageCode.get(rows[i] as number) >> 2 === 0) buyerTimes.push(times[i] as number);
  }
  return buyerTimes;
};

/**
 * Computes every metric's parts in one pass over the buyers: each buyer's messages (grouped in
 * O(n) and sorted by time) become receptions and turns, then its orders are credited.
 */
export const computeMetrics = ({ data }: { data: MetricsData }): MetricsComputation => {
  const computation: MetricsComputation = {
    data,
    agentDays: new Map(),
    shopDays: new Map(),
    trail: emptyTrail(),
  };
  const sink = createSink(data, computation);
  const buyers = data.buyers.size;
  const walker = new BuyerWalker();
  data.classifyBuyers();
  const contexts = data.shops.names.map((_, shop) => shopContext(data.settingsOf(shop)));
  for (let buyer = 0; buyer < buyers; buyer++) {
    const shop = data.buyers.scopeOf(buyer);
    const context = contexts[shop] as ShopContext;
    const orderRows = data.buyerOrders.rows(buyer, data.orderCreated);
    const buyerOrders = readOrders(data, orderRows.rows, 0, orderRows.count);
    const { rows, times, count } = data.buyerMessages.rows(buyer, data.messageTime);
    const reason = data.filtered.get(buyer);
    if (reason !== filterReason.none) {
      const buyerTimes = buyerMessageTimes(data, rows, times, count);
      bookFiltered(buyer, reason, shop, buyerTimes, buyerOrders, sink, context, computation.trail);
      continue;
    }
    const chat = walker.walk(data, rows, times, count, context);
    const { receptions } = chat;
    for (let i = 0; i < receptions.length; i++) classify(receptions.at(i), buyerOrders, context);
    const silentDays = creditOrders(buyerOrders, { chat, buyer, shop, context, sink });
    for (const day of silentDays) sink.shopDay(shop, day).silentBuyers++;
    for (let i = 0; i < receptions.length; i++) bookReception(receptions.at(i), buyer, sink, context);
  }
  bookRatings(data, sink);
  return computation;
};

/** 满意度: ratings count on the agent's day of the rating; filtered buyers' ratings are left out. */
const bookRatings = (data: MetricsData, sink: MetricsSink) => {
  for (let row = 0; row < data.ratingTime.length; row++) {
    const buyer = data.ratingBuyer.get(row);
    if (data.filtered.get(buyer) !== filterReason.none) continue;
    const agent = data.ratingAgent.get(row);
    const settings = data.settingsOf(data.agents.scopeOf(agent));
    const day = localDay(data.ratingTime.get(row), settings.timeZoneOffsetMinutes * 60_000);
    const parts = sink.agentDay(agent, day);
    parts.rated++;
    const stars = data.ratingStars.get(row);
    if (stars >= 4) parts.ratedGood++;
    if (stars <= 2) parts.ratedBad++;
  }
};
