import type { MetricsSink, Reception, ShopContext } from './metrics.context.js';
import { creditRuling, type MetricsData } from './metrics.data.js';
import { localDay, windowEnd } from './metrics.time.js';
import type { BuyerChat } from './metrics.turns.js';

/** One of the buyer's orders, read out of the columns. */
export type BuyerOrder = {
  row: number;
  created: number;
  paid: number;
  amount: number;
  items: number;
  refund: number;
  /** A supervisor's ruling (`creditRuling` or an agent id). */
  ruling: number;
};

/** The agent holding a role (order or payment) and the reception the role is booked on. */
type Role = { agent: number; reception: Reception };

/**
 * Receptions that served the buyer before `moment` and whose attribution window still holds it;
 * the chosen agent is the last (or first, by setting) to reply manually before `moment`.
 */
const roleAt = (
  chat: BuyerChat,
  moment: number,
  context: ShopContext,
): { role: Role | null; agents: Role[] } => {
  const agents: Role[] = [];
  for (let i = 0; i < chat.receptions.length; i++) {
    const reception = chat.receptions.at(i);
    if (!(reception.firstManual < moment && reception.start <= moment && moment < reception.end)) continue;
    const known = agents.find((role) => role.agent === reception.agent);
    if (!known) agents.push({ agent: reception.agent, reception });
    else if (reception.start > known.reception.start) known.reception = reception;
  }
  if (agents.length === 0) return { role: null, agents };
  let best: Role | null = null;
  let bestTime = 0;
  for (const role of agents) {
    const time = replyTime(chat, role.agent, moment, context.pickFirst);
    const better = best === null || (context.pickFirst ? time < bestTime : time >= bestTime);
    if (better) {
      best = role;
      bestTime = time;
    }
  }
  return { role: best, agents };
};

/** The agent's last manual reply before `moment` (or the first one, with `first`). */
const replyTime = (chat: BuyerChat, agent: number, moment: number, first: boolean): number => {
  let found = first ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  for (let i = 0; i < chat.manualTimes.length; i++) {
    const time = chat.manualTimes.at(i);
    if (time >= moment) break;
    if (chat.manualAgents.at(i) !== agent) continue;
    if (first) return time;
    found = time;
  }
  return found;
};

const creditedRole = (
  orderRole: Role | null,
  paymentRole: Role | null,
  context: ShopContext,
): Role | null => {
  if (context.creditMode === 'order') return orderRole;
  if (context.creditMode === 'payment') return paymentRole ?? orderRole;
  return orderRole ?? paymentRole;
};

/** Marks the credited agent's inquiries that this order converted. */
const markConversion = (chat: BuyerChat, agent: number, order: BuyerOrder) => {
  for (let i = 0; i < chat.receptions.length; i++) {
    const reception = chat.receptions.at(i);
    if (reception.agent !== agent) continue;
    if (order.created >= reception.start && order.created < reception.end) reception.ordered = true;
    const paidInside = order.paid >= reception.start && order.paid < reception.end;
    if (paidInside && order.created < reception.end) reception.paid = true;
  }
};

type OrderContext = { chat: BuyerChat; buyer: number; shop: number; context: ShopContext; sink: MetricsSink };

const bookAssists = (
  order: BuyerOrder,
  credited: Role | null,
  orderAgents: Role[],
  paymentRole: Role | null,
  { chat, buyer, context, sink }: OrderContext,
) => {
  const paid = !Number.isNaN(order.paid);
  const amount = paid ? order.amount : 0;
  // The agents booked for this order so far: a handful, so a list beats a set.
  const done: number[] = credited ? [credited.agent] : [];
  for (const role of orderAgents) {
    if (done.includes(role.agent)) continue;
    done.push(role.agent);
    role.reception.assist = true;
    const parts = sink.agentDay(role.agent, role.reception.day);
    parts.assistOrderCount++;
    parts.assistOrderAmount += amount;
    sink.assisted(order.row, buyer, role.agent, role.reception.day, 'order');
  }
  if (paid && paymentRole && !done.includes(paymentRole.agent)) {
    done.push(paymentRole.agent);
    const parts = sink.agentDay(paymentRole.agent, paymentRole.reception.day);
    parts.assistPaymentCount++;
    parts.assistPaymentAmount += amount;
    sink.assisted(order.row, buyer, paymentRole.agent, paymentRole.reception.day, 'payment');
  }
  const until = paid
    ? order.paid
    : windowEnd(context.window, order.created, localDay(order.created, context.offsetMs), context.offsetMs);
  for (let i = 0; i < chat.manualTimes.length; i++) {
    const time = chat.manualTimes.at(i);
    const agent = chat.manualAgents.at(i);
    if (time < order.created || time > until || done.includes(agent)) continue;
    done.push(agent);
    const day = localDay(time, context.offsetMs);
    const parts = sink.agentDay(agent, day);
    parts.followUpCount++;
    parts.followUpAmount += amount;
    sink.assisted(order.row, buyer, agent, day, 'followUp');
  }
};

/** True when the buyer wrote between `from` and `to` (inclusive). */
const consultedBetween = (chat: BuyerChat, from: number, to: number): boolean => {
  for (let i = 0; i < chat.buyerTimes.length; i++) {
    const time = chat.buyerTimes.at(i);
    if (time >= from && time <= to) return true;
  }
  return false;
};

const bookPaidOrder = (order: BuyerOrder, credited: Role | null, counted: boolean, orders: OrderContext) => {
  const { chat, buyer, shop, context, sink } = orders;
  const day = localDay(order.paid, context.offsetMs);
  const shopParts = sink.shopDay(shop, day);
  shopParts.paidOrders++;
  shopParts.paidSales += order.amount;
  if (counted && credited) {
    shopParts.creditedSales += order.amount;
    const reception = credited.reception;
    const parts = sink.agentDay(credited.agent, reception.day);
    parts.sales += order.amount;
    parts.items += order.items;
    parts.refund += order.refund;
    if (!reception.buyerCounted) parts.buyers++;
    reception.buyerCounted = true;
    sink.credited(order.row, buyer, credited.agent, reception.day);
  } else if (!consultedBetween(chat, order.created - context.lookBackMs, order.paid)) {
    shopParts.silentSales += order.amount;
    shopParts.silentOrders++;
    sink.silent(order.row, buyer, shop, day);
  } else {
    shopParts.uncreditedSales += order.amount;
  }
};

const noDays: ReadonlySet<number> = new Set();
/**
 * A supervisor's ruling picks among the agents who served the buyer in the window, or credits no
 * one (`role: null`: the sale stays uncredited). Null when there is no ruling, or it names an
 * agent who did not serve the buyer then (the credit mode decides as usual).
 */
const ruled = (order: BuyerOrder, byOrder: Role[], byPayment: Role[]): { role: Role | null } | null => {
  if (order.ruling === creditRuling.none) return null;
  if (order.ruling === creditRuling.noOne) return { role: null };
  const role = [...byOrder, ...byPayment].find((one) => one.agent === order.ruling);
  return role ? { role } : null;
};

/**
 * Credits each of one buyer's orders (落实客服), books assists, and marks which of the
 * credited agent's inquiries ordered and paid. Returns the local days with silent orders.
 */
export const creditOrders = (orders: BuyerOrder[], orderContext: OrderContext): ReadonlySet<number> => {
  const { chat, context } = orderContext;
  let silentDays: Set<number> | null = null;
  for (const order of orders) {
    const paid = !Number.isNaN(order.paid);
    const byOrder = roleAt(chat, order.created, context);
    const byPayment = paid ? roleAt(chat, order.paid, context) : { role: null, agents: [] };
    const ruling = ruled(order, byOrder.agents, byPayment.agents);
    const credited = ruling ? ruling.role : creditedRole(byOrder.role, byPayment.role, context);
    if (credited) markConversion(chat, credited.agent, order);
    bookAssists(order, credited, byOrder.agents, byPayment.role, orderContext);
    if (!paid) continue;
    const counted = credited !== null && order.paid < credited.reception.end;
    const before = orderContext.sink.shopDay(orderContext.shop, localDay(order.paid, context.offsetMs));
    const silentBefore = before.silentOrders;
    bookPaidOrder(order, credited, counted, orderContext);
    if (before.silentOrders > silentBefore) {
      silentDays ??= new Set();
      silentDays.add(localDay(order.paid, context.offsetMs));
    }
  }
  return silentDays ?? noDays;
};

/** Reads a buyer's orders (rows order[from, to), sorted by creation time). */
export const readOrders = (data: MetricsData, order: Uint32Array, from: number, to: number): BuyerOrder[] => {
  const orders: BuyerOrder[] = [];
  for (let i = from; i < to; i++) {
    const row = order[i] as number;
    orders.push({
      row,
      created: data.orderCreated.get(row),
      paid: data.orderPaid.get(row),
      amount: data.orderAmount.get(row),
      items: data.orderItems.get(row),
      refund: data.orderRefund.get(row),
      ruling: data.orderCredit.get(row),
    });
  }
  return orders;
};
