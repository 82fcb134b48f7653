import { bytesOf, type DemoBuffers, type WallClock } from './demo.output.js';
import * as phrases from './demo.phrases.js';
import type { Random } from './demo.random.js';
import { type DemoShop, nextConversationId } from './demo.shops.js';

/**
 * What every simulation step shares: the random stream, the clock formatter, the output, and the
 * end of the generated period (wall seconds; the export is taken then, so nothing ships later).
 * Order facts (shipping, postage, who closed) draw from a stream of their own, `facts`, so the
 * chats, ratings and tickets keep the counts and times they had before orders carried them.
 */
export type DemoContext = {
  random: Random;
  facts: Random;
  clock: WallClock;
  out: DemoBuffers;
  end: number;
};

export type ChatPhase = 'presale' | 'aftersale' | 'ad';

/** What an agent promised in a chat (flags), which the buyer's next order may keep or break. */
export const promised = { shipToday: 1, shipWithinDay: 2, freeShipping: 4 } as const;
const shipPromise = promised.shipToday | promised.shipWithinDay;

/** Whether a chat's promises include a ship time (当天发, 二十四小时内发货). */
export const promisedShipping = (flags: number): boolean => (flags & shipPromise) !== 0;

const promiseOf = new Map<string, number>([
  [phrases.promiseReplies.shipToday, promised.shipToday],
  [phrases.promiseReplies.shipWithinDay, promised.shipWithinDay],
  [phrases.promiseReplies.freeShipping, promised.freeShipping],
]);

/** How a consultation went, for the order, rating and ticket that may follow it. */
export type ChatOutcome = {
  conversation: string;
  agent: string;
  served: boolean;
  start: number;
  lastReply: number;
  end: number;
  /** `promised` flags of the agents' replies. */
  promised: number;
  /** When an agent said they closed the buyer's order (the 关闭订单 slip), or null. */
  closedAt: number | null;
};

const kindText = { human: '人工', assist: '智能辅助', auto: '自动回复', welcome: '欢迎语' } as const;
const secondsPerDay = 86_400;
/** Agents are on duty from 08:00 to midnight; earlier turns get an automatic reply only. */
const dutyStartSecond = 8 * 3600;

type Session = {
  shop: DemoShop;
  conversation: string;
  buyer: string;
  agent: string;
  heads: Record<Sender, Buffer>;
  /** The agent's first own reply was sent (it is the one that should greet). */
  greeted: boolean;
  /** Promises and the closing slip so far, carried over a transfer to another agent. */
  promised: number;
  closedAt: number | null;
};
type Sender = '买家' | '客服' | '系统';

/** The first six fields, the same for every message of one sender in a session with one agent. */
const headsOf = (
  shop: DemoShop,
  conversation: string,
  buyer: string,
  agent: string,
): Record<Sender, Buffer> => {
  const common = `${shop.name},${shop.platformName},${conversation},${buyer},${agent},`;
  return {
    买家: Buffer.from(`${common}买家,`),
    客服: Buffer.from(`${common}客服,`),
    系统: Buffer.from(`${common}系统,`),
  };
};

const openSession = (shop: DemoShop, conversation: string, buyer: string, agent: string): Session => ({
  shop,
  conversation,
  buyer,
  agent,
  heads: headsOf(shop, conversation, buyer, agent),
  greeted: false,
  promised: 0,
  closedAt: null,
});

const say = (
  context: DemoContext,
  session: Session,
  sender: Sender,
  time: number,
  text: string,
  kind: string,
): void => {
  context.out.message(session.heads[sender], context.clock, time, bytesOf(text), bytesOf(kind));
};

const secondOfDay = (time: number): number => time - Math.floor(time / secondsPerDay) * secondsPerDay;

/** Seconds an on-duty agent takes to answer: mostly 5-300 s, with a long tail of slow replies. */
const replyDelay = (random: Random): number => {
  if (random.chance(0.06)) return random.int(300, 1800);
  return Math.max(5, Math.min(300, Math.round(random.logNormal(25, 0.8))));
};

/** When the reply to a turn starting at `turnStart` comes, or null when it never does. */
const replyTime = (
  context: DemoContext,
  session: Session,
  turnStart: number,
  lastBuyer: number,
): number | null => {
  const { random } = context;
  if (secondOfDay(turnStart) < dutyStartSecond) {
    say(context, session, '客服', turnStart + 2, phrases.autoReplies[2] as string, kindText.auto);
    if (!random.chance(0.6)) return null;
    const dayStart = turnStart - secondOfDay(turnStart);
    return Math.max(lastBuyer + 2, dayStart + dutyStartSecond + random.int(60, 3600));
  }
  if (random.chance(0.04)) return null;
  const delay = replyDelay(random);
  if (delay > 60 && random.chance(0.5)) {
    say(
      context,
      session,
      '客服',
      turnStart + 3,
      phrases.autoReplies[random.int(0, 1)] as string,
      kindText.auto,
    );
  }
  return Math.max(turnStart + delay, lastBuyer + 2);
};

const tables = {
  presale: {
    openers: phrases.presaleOpeners,
    followUps: phrases.presaleFollowUps,
    replies: phrases.presaleReplies,
  },
  aftersale: {
    openers: phrases.aftersaleOpeners,
    followUps: phrases.aftersaleFollowUps,
    replies: phrases.aftersaleReplies,
  },
  ad: { openers: phrases.adTexts, followUps: phrases.adTexts, replies: phrases.adReplies },
} as const;

/** Buyer messages of one turn (1-3, seconds apart); returns the time of the last one. */
const buyerTurn = (
  context: DemoContext,
  session: Session,
  phase: ChatPhase,
  start: number,
  first: boolean,
): number => {
  const { random } = context;
  const table = tables[phase];
  say(context, session, '买家', start, random.pick(first ? table.openers : table.followUps), '');
  let time = start;
  const extra = (random.chance(0.35) ? 1 : 0) + (random.chance(0.1) ? 1 : 0);
  for (let index = 0; index < extra; index++) {
    time += random.int(3, 40);
    say(context, session, '买家', time, random.pick(table.followUps), '');
  }
  return time;
};

/**
 * Most agents open with a greeting, and about one reply in a hundred slips into one the platforms
 * punish, so 质检 has something real to find in the demo. Decided from the time, not the random
 * stream, so every count of the generated data stays what it was.
 */
const styled = (session: Session, phase: ChatPhase, at: number, text: string): string => {
  if (phase === 'ad') return text;
  if (at % 997 < 10) return phrases.slipReplies[at % phrases.slipReplies.length] ?? text;
  if (session.greeted) return text;
  session.greeted = true;
  return /^(亲|您好)/.test(text) || at % 100 >= 88 ? text : `亲 您好 ${text}`;
};

/** Notes what a reply promised or did, for the order facts that follow the chat. */
const remember = (session: Session, time: number, text: string): void => {
  session.promised |= promiseOf.get(text) ?? 0;
  if (text === phrases.closeOrderSlip) session.closedAt = time;
};

const agentReply = (context: DemoContext, session: Session, phase: ChatPhase, at: number): number => {
  const { random } = context;
  const replies = tables[phase].replies;
  let time = at;
  const first = random.pick(replies);
  const text = styled(session, phase, time, first);
  say(context, session, '客服', time, text, random.chance(0.1) ? kindText.assist : kindText.human);
  remember(session, time, text);
  if (random.chance(0.3)) {
    time += random.int(5, 60);
    const second = random.pick(replies);
    if (second !== first) {
      say(context, session, '客服', time, second, kindText.human);
      remember(session, time, second);
    }
  }
  return time;
};

const turnCount = (random: Random, phase: ChatPhase): number => {
  if (phase === 'ad') return 1;
  return (
    1 +
    (random.chance(0.7) ? 1 : 0) +
    (random.chance(0.5) ? 1 : 0) +
    (random.chance(0.3) ? random.int(1, 3) : 0)
  );
};

/**
 * One buyer's consultation with the shop: an opening message, an automatic greeting where the
 * shop has one, turns answered after a realistic delay (or never), sometimes a transfer to a
 * second agent. Spam (ads) is mostly ignored, as agents do.
 */
export const simulateChat = (
  context: DemoContext,
  shop: DemoShop,
  buyer: string,
  start: number,
  phase: ChatPhase,
): ChatOutcome => {
  const { random } = context;
  let current = openSession(shop, nextConversationId(shop), buyer, random.pick(shop.agents));
  const turns = turnCount(random, phase);
  let time = start;
  let served = false;
  let lastReply = start;
  for (let turn = 0; turn < turns; turn++) {
    if (turn > 0) time += random.int(10, 240);
    const turnStart = time;
    time = buyerTurn(context, current, phase, turnStart, turn === 0);
    if (turn === 0 && shop.welcome && phase !== 'ad') {
      say(context, current, '客服', turnStart + 1, random.pick(phrases.welcomeTexts), kindText.welcome);
    }
    const reply =
      phase === 'ad' && !random.chance(0.25) ? null : replyTime(context, current, turnStart, time);
    if (reply === null) break;
    time = agentReply(context, current, phase, reply);
    served = true;
    lastReply = time;
    if (turn === 0 && turns > 1 && shop.agents.length > 1 && random.chance(0.15)) {
      time += random.int(5, 30);
      say(context, current, '系统', time, phrases.systemTransfer, '');
      const next = shop.agents[(shop.agents.indexOf(current.agent) + 1) % shop.agents.length] as string;
      const previous = current;
      current = openSession(shop, current.conversation, buyer, next);
      current.promised = previous.promised;
      current.closedAt = previous.closedAt;
    }
  }
  return {
    conversation: current.conversation,
    agent: current.agent,
    served,
    start,
    lastReply,
    end: time,
    promised: current.promised,
    closedAt: current.closedAt,
  };
};

/** A message after the order: the order card (系统) or the agent urging payment (催付). */
export const followUp = (
  context: DemoContext,
  shop: DemoShop,
  chat: ChatOutcome,
  buyer: string,
  time: number,
  kind: 'orderCard' | 'reminder',
): void => {
  const after = openSession(shop, chat.conversation, buyer, chat.agent);
  if (kind === 'orderCard') say(context, after, '系统', time, phrases.systemOrderCard, '');
  else say(context, after, '客服', time, context.random.pick(phrases.paymentReminders), kindText.human);
};
