// Order-fact rules (订单事实): what an agent said, judged against what then happened to the buyer's
// orders in the same shop. Words alone cannot tell whether "今天发货" was kept; the order's shipping
// time can. Three facts are checked, each reported under the platform rule it breaks:
//   late_shipping  a promised ship time (今天/当天/明天/N 小时内/N 天内发货) vs when the order shipped
//   free_shipping  包邮 promised vs postage charged on an order placed around the chat
//   close_order    the agent says they close the order, and the shop (seller) did close it
// Only known facts are judged: an order without a shipping time or postage is never a finding.

/** The facts of one order of the buyer, times in epoch ms, amounts in 分. */
export type OrderFacts = {
  order: string;
  created: number;
  paid: number | null;
  amount: number;
  shipped: number | null;
  postage: number | null;
  closedBy: string | null;
};

/** An agent's manual reply in a conversation, with the buyer's text since the previous reply. */
export type OrderFactMessage = { messageIndex: number; time: number; text: string; buyerText: string };

export type OrderFactRule = 'late_shipping' | 'free_shipping' | 'close_order';

export type OrderFactFinding = {
  rule: OrderFactRule;
  messageIndex: number;
  /** UTF-16 offsets of the promise in the reply. */
  start: number;
  end: number;
  /** The promise, the order and the fact that breaks it, in one line. */
  evidence: string;
  order: string;
};

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const stop = '[^，。！？,.!?；;\\n]';

const chineseNumbers: Record<string, number> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  二十四: 24,
  四十八: 48,
  七十二: 72,
};
const numberOf = (text: string): number => chineseNumbers[text] ?? Number(text);

type Deadline = (input: { said: number; paid: number; offsetMs: (time: number) => number }) => number | null;

const endOfLocalDay = (time: number, offsetMs: number, plusDays: number) =>
  (Math.floor((time + offsetMs) / dayMs) + 1 + plusDays) * dayMs - offsetMs;

const localDayOf = (time: number, offsetMs: number) => Math.floor((time + offsetMs) / dayMs);

type ShipPromise = { start: number; end: number; deadline: Deadline };

const shipVerb = '(给您发货|给您发出|发货|发出|寄出|发走|给您发|安排发)';
// Before the promise or inside it (今天没法发货): a refusal, not a promise.
const negated = /不|没法|无法|没办法|难以/;

const sameOrNextDay = (plusDays: number, cutoffHour: number | null): Deadline => {
  return ({ said, paid, offsetMs }) => {
    const offset = offsetMs(said);
    // "今天发" binds orders paid by the end of the day it was said, not later ones.
    if (localDayOf(paid, offset) > localDayOf(said, offset)) return null;
    if (cutoffHour !== null && (paid + offset) % dayMs >= cutoffHour * hourMs) return null;
    return endOfLocalDay(said, offset, plusDays);
  };
};

const within = (spanMs: number): Deadline => {
  return ({ said, paid }) => Math.max(said, paid) + spanMs;
};

const shipPatterns: { regex: RegExp; deadline: (match: RegExpExecArray, text: string) => Deadline }[] = [
  {
    regex: new RegExp(`(今天|今日|当天|当日)${stop}{0,6}?${shipVerb}`, 'g'),
    deadline: (_match, text) => {
      const cutoff = /([0-9]{1,2}|[一二三四五六七八九十]{1,3})点(前|之前|以前)(付款|拍下|下单)/.exec(text);
      return sameOrNextDay(0, cutoff ? numberOf(cutoff[1] ?? '') + (/下午|晚上/.test(text) ? 12 : 0) : null);
    },
  },
  {
    regex: new RegExp(`(明天|明日|次日|第二天)${stop}{0,6}?${shipVerb}`, 'g'),
    deadline: () => sameOrNextDay(1, null),
  },
  {
    regex: new RegExp(
      `([0-9]{1,3}|二十四|四十八|七十二)个?(小时|h)(内|之内|以内)${stop}{0,4}?${shipVerb}`,
      'gi',
    ),
    deadline: (match) => within(numberOf(match[1] ?? '') * hourMs),
  },
  {
    regex: new RegExp(`([0-9]{1,2}|[一两二三四五六七])(天|日)(内|之内|以内)${stop}{0,4}?${shipVerb}`, 'g'),
    deadline: (match) => within(numberOf(match[1] ?? '') * dayMs),
  },
];

const shipPromises = (text: string): ShipPromise[] => {
  if (/预售|定制/.test(text)) return [];
  const found: ShipPromise[] = [];
  for (const { regex, deadline } of shipPatterns) {
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      if (negated.test(text.slice(Math.max(0, match.index - 2), match.index + match[0].length))) continue;
      found.push({ start: match.index, end: match.index + match[0].length, deadline: deadline(match, text) });
    }
  }
  return found;
};

const two = (value: number) => String(value).padStart(2, '0');

/** `MM-DD HH:mm` in the shop's local time. */
const localText = (time: number, offsetMs: number): string => {
  const local = new Date(time + offsetMs);
  return `${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
};

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

const quote = (text: string, start: number, end: number) => `「${text.slice(start, end)}」`;

const lateShipping = (
  message: OrderFactMessage,
  orders: OrderFacts[],
  offsetMs: (time: number) => number,
): OrderFactFinding[] => {
  const findings: OrderFactFinding[] = [];
  for (const promise of shipPromises(message.text)) {
    for (const order of orders) {
      if (order.paid === null || order.shipped === null) continue;
      // The order the promise is about: paid in the days around the chat.
      if (order.paid < message.time - 3 * dayMs || order.paid > message.time + dayMs) continue;
      const deadline = promise.deadline({ said: message.time, paid: order.paid, offsetMs });
      if (deadline === null || order.shipped <= deadline) continue;
      const offset = offsetMs(order.shipped);
      findings.push({
        rule: 'late_shipping',
        messageIndex: message.messageIndex,
        start: promise.start,
        end: promise.end,
        evidence: `${quote(message.text, promise.start, promise.end)} → 订单 ${order.order} 于 ${localText(order.shipped, offset)} 发货，晚于承诺的 ${localText(deadline, offset)}`,
        order: order.order,
      });
      break;
    }
  }
  return findings;
};

const freeShippingPromise = /(?<!不|不是|没有|不能|不参加|不享受|非)包邮(?![吗嘛?？])/g;
const regionalException = /偏远|新疆|西藏|港澳台|海外|除外|青海|内蒙/;

const freeShipping = (
  message: OrderFactMessage,
  orders: OrderFacts[],
  offsetMs: (time: number) => number,
): OrderFactFinding[] => {
  // Exclusions by region must be on the page beforehand; with one named we cannot judge the address.
  if (regionalException.test(message.text)) return [];
  freeShippingPromise.lastIndex = 0;
  const match = freeShippingPromise.exec(message.text);
  if (!match) return [];
  const threshold = /满\s*([0-9]{1,6})\s*(元|块)?\s*(就|即)?包邮/.exec(message.text);
  const minimum = threshold ? Number(threshold[1]) * 100 : 0;
  for (const order of orders) {
    if (order.postage === null || order.postage <= 0 || order.amount < minimum) continue;
    if (order.created < message.time - dayMs || order.created > message.time + 3 * dayMs) continue;
    return [
      {
        rule: 'free_shipping',
        messageIndex: message.messageIndex,
        start: match.index,
        end: match.index + match[0].length,
        evidence: `${quote(message.text, match.index, match.index + match[0].length)} → 订单 ${order.order}（${localText(order.created, offsetMs(order.created))} 下单）收取运费 ${yuan(order.postage)}`,
        order: order.order,
      },
    ];
  }
  return [];
};

const closeSaid = new RegExp(
  `(帮您|给您|替您|我|我们|这边|已经|已|直接|先|就)${stop}{0,6}?(关闭|关掉|关了|取消)`,
);
const closeHedged = /自动|系统|您可以|您自己|请您|麻烦您|自行|不能|无法|不会|不可以|没法|下单账号/;
const buyerAsked = /关闭|关掉|关了|取消|不要了|不想要|拍错|拍多|买错|不买了|退掉/;

const closedByShop = (message: OrderFactMessage, orders: OrderFacts[]): OrderFactFinding[] => {
  const match = closeSaid.exec(message.text);
  // A buyer asking to close from the purchasing account is allowed; the words rule judges the rest.
  if (!match || closeHedged.test(message.text) || buyerAsked.test(message.buyerText)) return [];
  for (const order of orders) {
    if (order.closedBy !== 'seller') continue;
    if (order.created < message.time - 3 * dayMs || order.created > message.time + hourMs) continue;
    return [
      {
        rule: 'close_order',
        messageIndex: message.messageIndex,
        start: match.index,
        end: match.index + match[0].length,
        evidence: `${quote(message.text, match.index, match.index + match[0].length)} → 订单 ${order.order} 被店铺关闭，买家未要求关闭`,
        order: order.order,
      },
    ];
  }
  return [];
};

/**
 * Judges a conversation's agent replies against the buyer's orders in the same shop. `offsetMs`
 * gives the shop's offset from UTC at a time (local days decide "今天"). Orders are the buyer's,
 * in any order; at most one finding per reply and rule, naming the first order that breaks it.
 */
export const checkOrderFacts = ({
  messages,
  orders,
  offsetMs,
}: {
  messages: OrderFactMessage[];
  orders: OrderFacts[];
  offsetMs: (time: number) => number;
}): OrderFactFinding[] => {
  if (orders.length === 0) return [];
  const sorted = [...orders].sort((a, b) => a.created - b.created);
  return messages.flatMap((message) => [
    ...lateShipping(message, sorted, offsetMs).slice(0, 1),
    ...freeShipping(message, sorted, offsetMs),
    ...closedByShop(message, sorted),
  ]);
};
