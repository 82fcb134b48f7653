import type { Reception, ShopContext } from './metrics.context.js';
import { type MetricsData, messageCode } from './metrics.data.js';
import { localClockMs, localDay, windowEnd } from './metrics.time.js';

/** What one buyer's messages yield: receptions, manual replies and buyer message times. */
export type BuyerChat = {
  receptions: Reception[];
  /** Manual replies as [agent, time] pairs, in time order. */
  manualAgents: number[];
  manualTimes: number[];
  buyerTimes: number[];
};

type AgentState = {
  agent: number;
  open: boolean;
  start: number;
  reception: Reception | null;
  first: boolean;
  times: number[];
};

/** Sets every field of a (possibly reused) reception for a new buyer-agent-day. */
const resetReception = (
  reception: Reception,
  agent: number,
  day: number,
  start: number,
  end: number,
): Reception => {
  reception.agent = agent;
  reception.day = day;
  reception.start = start;
  reception.end = end;
  reception.firstManual = Number.POSITIVE_INFINITY;
  reception.served = false;
  reception.hadAuto = false;
  reception.turns = 0;
  reception.respCount = 0;
  reception.respSumCapped = 0;
  reception.respSumUncapped = 0;
  reception.firstCount = 0;
  reception.firstSum = 0;
  reception.slow = 0;
  reception.unanswered = 0;
  reception.seconds.length = 0;
  reception.pddMessages = 0;
  reception.pddWithin = 0;
  reception.pddAnswered = 0;
  reception.pddWaitSum = 0;
  reception.dyFirstWithin = false;
  reception.dyMessages = 0;
  reception.dyWithin = 0;
  reception.tbTurns = 0;
  reception.tbWithin = 0;
  reception.verySlow = 0;
  reception.last = start;
  reception.afterSale = false;
  reception.inquiry = false;
  reception.ordered = false;
  reception.paid = false;
  reception.assist = false;
  reception.buyerCounted = false;
  return reception;
};

const blankReception = (): Reception => resetReception({ seconds: [] } as unknown as Reception, 0, 0, 0, 0);

type NewReception = (agent: number, day: number, start: number, end: number) => Reception;

const findReception = (list: Reception[], agent: number, day: number): Reception | undefined => {
  for (let i = list.length - 1; i >= 0; i--) {
    const reception = list[i] as Reception;
    if (reception.agent === agent && reception.day === day) return reception;
  }
  return undefined;
};

const recordWait = (reception: Reception, wait: number, first: boolean, context: ShopContext) => {
  const capped = Math.min(wait, context.capMs);
  reception.respCount++;
  reception.respSumCapped += capped;
  reception.respSumUncapped += wait;
  // Quantiles are of the real waits; only the means use the capped ones.
  reception.seconds.push(Math.floor(wait / 1000));
  if (first) {
    reception.firstCount++;
    reception.firstSum += capped;
  }
};

/**
 * Taobao's 3-minute rate counts turns started in its hours; a turn whose reply falls on another
 * day (crossing midnight) is left out, an unanswered one counts as missed.
 */
const countTaobaoTurn = (reception: Reception, start: number, reply: number, context: ShopContext) => {
  const clock = localClockMs(start, context.offsetMs);
  if (clock < context.tbHours.from || clock >= context.tbHours.to) return;
  if (localDay(reply, context.offsetMs) !== localDay(start, context.offsetMs)) {
    reception.tbTurns--;
    return;
  }
  if (reply - start <= context.tbWithinMs) reception.tbWithin++;
};

/** A manual reply at `time` ends the agent's open turn. */
const closeTurn = (state: AgentState, time: number, context: ShopContext): void => {
  const reception = state.reception as Reception;
  const wait = time - state.start;
  reception.served = true;
  if (time < reception.firstManual) reception.firstManual = time;
  if (!(context.excludeZero && wait < 1000)) recordWait(reception, wait, state.first, context);
  if (wait > context.slowMs) reception.slow++;
  if (wait > context.slowReceptionMs) reception.verySlow++;
  if (time > reception.last) reception.last = time;
  countTaobaoTurn(reception, state.start, time, context);
  if (state.first) reception.dyFirstWithin = wait <= context.dyFirstWithinMs;
  for (const asked of state.times) {
    const messageWait = time - asked;
    const clock = localClockMs(asked, context.offsetMs);
    if (clock >= context.pddHours.from && clock < context.pddHours.to) {
      reception.pddAnswered++;
      reception.pddWaitSum += messageWait;
      if (messageWait <= context.pddWithinMs) reception.pddWithin++;
    }
    if (clock >= context.dyHours.from && clock < context.dyHours.to && messageWait <= context.dyWithinMs) {
      reception.dyWithin++;
    }
  }
  state.open = false;
};

const openTurn = (
  state: AgentState,
  time: number,
  receptions: Reception[],
  context: ShopContext,
  make: NewReception,
) => {
  const day = localDay(time, context.offsetMs);
  let reception = findReception(receptions, state.agent, day);
  if (!reception) {
    reception = make(state.agent, day, time, windowEnd(context.window, time, day, context.offsetMs));
    receptions.push(reception);
  }
  state.open = true;
  state.start = time;
  state.reception = reception;
  state.first = reception.turns === 0;
  state.times.length = 0;
  reception.turns++;
  const clock = localClockMs(time, context.offsetMs);
  if (clock >= context.tbHours.from && clock < context.tbHours.to) reception.tbTurns++;
};

/**
 * Walks buyers one after another into receptions and turns, reusing its scratch objects: the
 * chat it returns is valid until the next `walk`. A turn is a run of buyer messages to one agent;
 * it and its reply belong to the day it started.
 */
export class BuyerWalker {
  private readonly chat: BuyerChat = { receptions: [], manualAgents: [], manualTimes: [], buyerTimes: [] };
  private readonly receptionPool: Reception[] = [];
  private readonly statePool: AgentState[] = [];
  private states: AgentState[] = [];
  private readonly outreach: number[] = [];
  private readonly make: NewReception = (agent, day, start, end) => {
    const used = this.chat.receptions.length;
    let reception = this.receptionPool[used];
    if (!reception) {
      reception = blankReception();
      this.receptionPool.push(reception);
    }
    return resetReception(reception, agent, day, start, end);
  };

  private stateOf(agent: number): AgentState {
    for (const state of this.states) if (state.agent === agent) return state;
    let state = this.statePool[this.states.length];
    if (!state) {
      state = { agent, open: false, start: 0, reception: null, first: false, times: [] };
      this.statePool.push(state);
    }
    state.agent = agent;
    state.open = false;
    state.reception = null;
    state.times.length = 0;
    this.states.push(state);
    return state;
  }

  /** Walks one buyer's messages: rows[0, count), sorted by time. */
  walk(data: MetricsData, rows: Uint32Array, count: number, context: ShopContext): BuyerChat {
    const { chat, outreach } = this;
    chat.receptions.length = 0;
    chat.manualAgents.length = 0;
    chat.manualTimes.length = 0;
    chat.buyerTimes.length = 0;
    this.states.length = 0;
    outreach.length = 0;
    for (let i = 0; i < count; i++) {
      const row = rows[i] as number;
      const code = data.messageCode.get(row);
      const sender = messageCode.sender(code);
      if (sender > messageCode.agent) continue;
      const time = data.messageTime.get(row);
      const state = this.stateOf(data.messageAgent.get(row));
      if (sender === messageCode.buyer) {
        chat.buyerTimes.push(time);
        if (!state.open) openTurn(state, time, chat.receptions, context, this.make);
        state.times.push(time);
        const reception = state.reception as Reception;
        if (time > reception.last) reception.last = time;
        const clock = localClockMs(time, context.offsetMs);
        if (clock >= context.pddHours.from && clock < context.pddHours.to) reception.pddMessages++;
        if (clock >= context.dyHours.from && clock < context.dyHours.to) reception.dyMessages++;
      } else if (messageCode.kind(code) < messageCode.autoKind) {
        chat.manualAgents.push(state.agent);
        chat.manualTimes.push(time);
        if (state.open) closeTurn(state, time, context);
        else outreach.push(state.agent, time);
      } else if (messageCode.kind(code) === messageCode.autoKind) {
        const reception = state.open
          ? state.reception
          : findReception(chat.receptions, state.agent, localDay(time, context.offsetMs));
        if (reception) reception.hadAuto = true;
      }
    }
    finishBuyer(chat, this.states, outreach, context);
    return chat;
  }
}

/** Turns still open at the end were never answered; replies outside a turn still serve the day. */
const finishBuyer = (chat: BuyerChat, states: AgentState[], outreach: number[], context: ShopContext) => {
  for (const state of states) {
    if (!state.open) continue;
    const reception = state.reception as Reception;
    reception.unanswered++;
    if (context.unansweredAtCap) recordWait(reception, context.capMs, state.first, context);
  }
  for (let i = 0; i < outreach.length; i += 2) {
    const time = outreach[i + 1] as number;
    const reception = findReception(chat.receptions, outreach[i] as number, localDay(time, context.offsetMs));
    if (!reception) continue;
    reception.served = true;
    if (time < reception.firstManual) reception.firstManual = time;
  }
};
