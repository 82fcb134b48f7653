import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkOrderFacts, type OrderFactMessage, type OrderFacts } from '../../domain/compliance/index.js';
import type { MessageRecord, OrderRecord, RatingRecord, TicketRecord } from '../../domain/metrics/index.js';
import { readMessages, readOrders, readRatings, readTickets } from '../../io/records/index.js';
import { writeDemoData } from './index.js';

const scratch = mkdtempSync(join(tmpdir(), 'kefu-demo-'));
const options = { shops: 5, agents: 4, days: 3, buyersPerDay: 150, seed: 3, start: '2024-06-03' };

const all = async <T>(batches: AsyncGenerator<T[], unknown>): Promise<T[]> => {
  const records: T[] = [];
  for await (const batch of batches) records.push(...batch);
  return records;
};

const hourMs = 3_600_000;
/** Midnight after the last generated day, Shanghai time: when the export is taken. */
const periodEnd = Date.parse(`${options.start}T00:00:00+08:00`) + options.days * 24 * hourMs;
const localDay = (time: number) => Math.floor((time + 8 * hourMs) / (24 * hourMs));
const localHour = (time: number) => Math.floor((time + 8 * hourMs) / hourMs) % 24;
const isManual = (message: MessageRecord) =>
  message.sender === 'agent' && (message.kind === 'human' || message.kind === 'assist');

let messages: MessageRecord[] = [];
let orders: OrderRecord[] = [];
let ratings: RatingRecord[] = [];
let tickets: TicketRecord[] = [];
let platformOf = new Map<string, string>();
let conversations = new Map<string, MessageRecord[]>();

beforeAll(async () => {
  const out = join(scratch, 'a');
  await writeDemoData({ ...options, out });
  // Reject mode: the generated files must import without a single error.
  messages = await all(readMessages({ file: join(out, 'messages.csv') }));
  orders = await all(readOrders({ file: join(out, 'orders.csv') }));
  ratings = await all(readRatings({ file: join(out, 'ratings.csv') }));
  tickets = await all(readTickets({ file: join(out, 'tickets.csv') }));
  platformOf = new Map(messages.map((m) => [m.shop, m.platform]));
  conversations = new Map();
  for (const message of messages) {
    const key = `${message.shop}|${message.conversation}`;
    const list = conversations.get(key) ?? [];
    list.push(message);
    conversations.set(key, list);
  }
  for (const list of conversations.values()) list.sort((a, b) => a.time - b.time);
});

describe('writeDemoData', () => {
  test('when run twice with the same seed, the files are identical; another seed gives other data', async () => {
    await writeDemoData({ ...options, out: join(scratch, 'b') });
    await writeDemoData({ ...options, seed: 4, out: join(scratch, 'c') });
    const bytes = (dir: string, name: string) => readFileSync(join(scratch, dir, name));
    // Buffer.equals, not toEqual: a deep comparison of megabytes element by element takes minutes.
    for (const name of ['messages.csv', 'orders.csv', 'ratings.csv', 'tickets.csv']) {
      expect(bytes('b', name).equals(bytes('a', name))).toBe(true);
    }
    expect(bytes('c', 'messages.csv').equals(bytes('a', 'messages.csv'))).toBe(false);
  });

  test('when given a bad option, it refuses with a range error', async () => {
    await expect(writeDemoData({ ...options, days: 0, out: join(scratch, 'd') })).rejects.toThrowError(
      /days/,
    );
    await expect(writeDemoData({ ...options, start: '6/3', out: join(scratch, 'd') })).rejects.toThrowError(
      /start/,
    );
  });

  test('shops cover the five platforms and agents are sub-accounts of their shop', () => {
    expect(new Set(platformOf.values())).toEqual(new Set(['tmall', 'taobao', 'pdd', 'jd', 'douyin']));
    expect(messages.every((m) => m.agent.startsWith(`${m.shop}:`))).toBe(true);
  });

  test('every conversation opens with the buyer, and every manual reply follows a buyer message', () => {
    for (const list of conversations.values()) {
      expect(list[0]?.sender).toBe('buyer');
      const firstBuyer = list[0]?.time ?? 0;
      for (const message of list) if (isManual(message)) expect(message.time).toBeGreaterThan(firstBuyer);
    }
  });

  test('the chats hold greetings, automatic replies, unanswered turns, ads and midnight crossings', () => {
    const kinds = new Set(messages.filter((m) => m.sender === 'agent').map((m) => m.kind));
    expect(kinds).toEqual(new Set(['human', 'assist', 'auto', 'welcome']));
    const lists = [...conversations.values()];
    expect(lists.some((list) => list.at(-1)?.sender === 'buyer')).toBe(true);
    expect(messages.some((m) => /刷单|推广|加粉|http/.test(m.text))).toBe(true);
    expect(lists.some((list) => localDay(list[0]?.time ?? 0) !== localDay(list.at(-1)?.time ?? 0))).toBe(
      true,
    );
    expect(lists.some((list) => new Set(list.map((m) => m.agent)).size > 1)).toBe(true);
  });

  test('buyers arrive more at the late-morning peak than before dawn', () => {
    const openings = [...conversations.values()].map((list) => localHour(list[0]?.time ?? 0));
    const peak = openings.filter((hour) => hour >= 10 && hour < 12).length;
    const night = openings.filter((hour) => hour >= 3 && hour < 5).length;
    expect(peak).toBeGreaterThan(night * 5);
  });

  test('orders are paid after creation or not at all, some the next day, some refunded, some silent', () => {
    expect(orders.every((o) => o.paid === null || o.paid >= o.created)).toBe(true);
    expect(orders.every((o) => o.refund <= o.amount && o.amount > 0)).toBe(true);
    expect(orders.some((o) => o.paid === null)).toBe(true);
    expect(orders.some((o) => o.paid !== null && localDay(o.paid) > localDay(o.created))).toBe(true);
    expect(orders.some((o) => o.refund > 0)).toBe(true);
    const chatted = new Set(messages.map((m) => `${m.shop}|${m.buyer}`));
    const silent = orders.filter((o) => !chatted.has(`${o.shop}|${o.buyer}`)).length;
    expect(silent).toBeGreaterThan(0);
    expect(silent).toBeLessThan(orders.length / 2);
  });

  test('orders follow their buyer’s chat, and after-sale chats come from buyers with earlier orders', () => {
    const firstMessage = new Map<string, number>();
    for (const m of messages) {
      const key = `${m.shop}|${m.buyer}`;
      firstMessage.set(key, Math.min(firstMessage.get(key) ?? Infinity, m.time));
    }
    for (const order of orders) {
      const first = firstMessage.get(`${order.shop}|${order.buyer}`);
      if (first !== undefined && first < order.created) expect(order.created).toBeGreaterThan(first);
    }
    const earliestOrder = new Map<string, number>();
    for (const o of orders)
      earliestOrder.set(
        `${o.shop}|${o.buyer}`,
        Math.min(earliestOrder.get(`${o.shop}|${o.buyer}`) ?? Infinity, o.created),
      );
    const afterSale = [...conversations.values()].filter((list) => {
      const opened = list[0];
      return (
        opened !== undefined &&
        (earliestOrder.get(`${opened.shop}|${opened.buyer}`) ?? Infinity) < opened.time
      );
    });
    expect(afterSale.length).toBeGreaterThan(0);
    // Every chat of a buyer who had paid before that day opens after the buyer's first order.
    const paidEarlier = new Map<string, number>();
    for (const o of orders)
      if (o.paid !== null)
        paidEarlier.set(
          `${o.shop}|${o.buyer}`,
          Math.min(paidEarlier.get(`${o.shop}|${o.buyer}`) ?? Infinity, o.created),
        );
    const returning = [...conversations.values()].filter((list) => {
      const opened = list[0];
      const firstOrder = opened ? paidEarlier.get(`${opened.shop}|${opened.buyer}`) : undefined;
      return opened !== undefined && firstOrder !== undefined && localDay(firstOrder) < localDay(opened.time);
    });
    expect(returning.length).toBeGreaterThan(0);
  });

  test('ratings are 1-5 on Tmall, JD and Douyin only, by buyers who chatted; tickets only in JD shops', () => {
    expect(ratings.length).toBeGreaterThan(0);
    expect(ratings.every((r) => ['tmall', 'jd', 'douyin'].includes(platformOf.get(r.shop) ?? ''))).toBe(true);
    const chatted = new Set(messages.map((m) => `${m.shop}|${m.buyer}|${m.agent}`));
    expect(ratings.every((r) => chatted.has(`${r.shop}|${r.buyer}|${r.agent}`))).toBe(true);
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((t) => platformOf.get(t.shop) === 'jd')).toBe(true);
    expect(tickets.every((t) => t.reviewed === null || t.reviewed >= t.applied)).toBe(true);
  });
});

describe('order facts for the 质检 order rules', () => {
  test('orders carry 发货时间, 运费 and 关闭方; paid orders ship on time, mostly; only paid ones ship', () => {
    const header = readFileSync(join(scratch, 'a', 'orders.csv'), 'utf8').split('\n', 1)[0];
    expect(header?.split(',').slice(-3)).toEqual(['发货时间', '运费', '关闭方']);
    const paid = orders.filter((order) => order.paid !== null);
    const shipped = paid.filter((order) => order.shipped !== null && order.shipped !== undefined);
    expect(shipped.every((order) => (order.shipped ?? 0) > (order.paid ?? 0))).toBe(true);
    expect(shipped.every((order) => (order.shipped ?? 0) <= periodEnd)).toBe(true);
    // Not shipped yet when the export was taken: paid in the period's last days only.
    const waiting = paid.filter((order) => order.shipped === null);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((order) => (order.paid ?? 0) > periodEnd - 4 * 24 * hourMs)).toBe(true);
    expect(orders.filter((order) => order.paid === null && order.shipped !== null)).toEqual([]);
    expect(orders.every((order) => order.postage !== null && order.postage !== undefined)).toBe(true);
    // Paid before 16:00 → shipped that day; later → the next day.
    const onTime = shipped.filter(
      (order) =>
        localDay(order.shipped ?? 0) - localDay(order.paid ?? 0) ===
        (localHour(order.paid ?? 0) < 16 ? 0 : 1),
    );
    expect(onTime.length / shipped.length).toBeGreaterThan(0.9);
    expect(onTime.length).toBeLessThan(shipped.length);
    const charged = orders.filter((order) => (order.postage ?? 0) > 0).length;
    expect(charged / orders.length).toBeGreaterThan(0.01);
    expect(charged / orders.length).toBeLessThan(0.1);
    const closers = new Set(orders.map((order) => order.closedBy ?? null));
    expect(closers).toEqual(new Set([null, 'buyer', 'seller', 'system']));
    expect(orders.filter((order) => order.closedBy && order.paid !== null)).toEqual([]);
  });

  test('some promises in the chats are broken by the orders: late after 当天发/24 小时, postage after 包邮, closed by the seller', () => {
    const ordersOf = new Map<string, OrderFacts[]>();
    for (const order of orders) {
      const key = `${order.shop}|${order.buyer}`;
      const list = ordersOf.get(key) ?? [];
      list.push({
        order: order.order,
        created: order.created,
        paid: order.paid,
        amount: order.amount,
        shipped: order.shipped ?? null,
        postage: order.postage ?? null,
        closedBy: order.closedBy ?? null,
      });
      ordersOf.set(key, list);
    }
    const broken = new Map<string, number>();
    for (const list of conversations.values()) {
      let buyerText = '';
      const replies: OrderFactMessage[] = [];
      for (const [index, message] of list.entries()) {
        if (message.sender === 'buyer') buyerText += message.text;
        if (!isManual(message)) continue;
        replies.push({ messageIndex: index, time: message.time, text: message.text, buyerText });
        buyerText = '';
      }
      const first = list[0];
      for (const finding of checkOrderFacts({
        messages: replies,
        orders: ordersOf.get(`${first?.shop}|${first?.buyer}`) ?? [],
        offsetMs: () => 8 * hourMs,
      }))
        broken.set(finding.rule, (broken.get(finding.rule) ?? 0) + 1);
    }
    expect([...broken.keys()].sort()).toEqual(['close_order', 'free_shipping', 'late_shipping']);
    // A few, not most: the demo's agents keep their promises as a rule.
    expect([...broken.values()].reduce((sum, count) => sum + count, 0)).toBeLessThan(orders.length / 20);
  });
});
