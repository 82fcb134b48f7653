import { inRange, localClock, type Reception, type ShopContext } from './metrics.context.js';
import { type MetricsData, messageCode } from './metrics.data.js';
import { NumberList, Pool } from './metrics.scratch.js';
import { localDay, windowEnd } from './metrics.time.js';

/** What one buyer's messages yield: receptions, manual replies and buyer message times. */
export type BuyerChat = {
  receptions: Pool<Reception>;
  /** Manual replies as (agent, time) pairs, in time order. */
  manualAgents: NumberList;
  manualTimes: NumberList;
  buyerTimes: NumberList;
};

type AgentState = {
  agent: number;
  open: boolean;
  /** The open turn's first buyer message, and its local clock. */
  start: number;
  startClock: number;
  reception: Reception | null;
  first: boolean;
  /** The open turn's buyer messages, and their local clocks (worked out once per message). */
  times: NumberList;
  clocks: NumberList;
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
  reception.seconds.clear();
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

const blankReception = (): Reception =>
  resetReception({ seconds: new NumberList() } as unknown as Reception, 0, 0, 0, 0);

const findReception = (list: Pool<Reception>, agent: number, day: number): Reception | undefined => {
  for (let i = list.length - 1; i >= 0; i--) {
    const reception = list.at(i);
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
 * day (crossing midnight) is left out, an unanswered one counts as missed. A turn belongs to the
 * day it started, its reception's day.
 */
const countTaobaoTurn = (state: AgentState, reception: Reception, reply: number, context: ShopContext) => {
  if (!inRange(state.startClock, context.tbHours)) return;
  if (localDay(reply, context.offsetMs) !== reception.day) {
    reception.tbTurns--;
    return;
  }
  if (reply - state.start <= context.tbWithinMs) reception.tbWithin++;
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
  countTaobaoTurn(state, reception, time, context);
  if (state.first) reception.dyFirstWithin = wait <= context.dyFirstWithinMs;
  for (let i = 0; i < state.times.length; i++) {
    const messageWait = time - state.times.at(i);
    const clock = state.clocks.at(i);
    if (inRange(clock, context.pddHours)) {
      reception.pddAnswered++;
      reception.pddWaitSum += messageWait;
      if (messageWait <= context.pddWithinMs) reception.pddWithin++;
    }
    if (inRange(clock, context.dyHours) && messageWait <= context.dyWithinMs) reception.dyWithin++;
  }
  state.open = false;
};

/** A buyer message at `time` (local clock `clock`) to an agent without an open turn opens one. */
const openTurn = (
  state: AgentState,
  time: number,
  clock: number,
  receptions: Pool<Reception>,
  context: ShopContext,
) => {
  const day = localDay(time, context.offsetMs);
  let reception = findReception(receptions, state.agent, day);
  if (!reception) {
    const end = windowEnd(context.window, time, day, context.offsetMs);
    reception = resetReception(receptions.add(), state.agent, day, time, end);
  }
  state.open = true;
  state.start = time;
  state.startClock = clock;
  state.reception = reception;
  state.first = reception.turns === 0;
  state.times.clear();
  state.clocks.clear();
  reception.turns++;
  if (inRange(clock, context.tbHours)) reception.tbTurns++;
};

const blankState = (): AgentState => ({
  agent: 0,
  open: false,
  start: 0,
  startClock: 0,
  reception: null,
  first: false,
  times: new NumberList(),
  clocks: new NumberList(),
});

/**
 * Walks buyers one after another into receptions and turns, reusing its scratch objects: the
 * chat it returns is valid until the next `walk`. A turn is a run of buyer messages to one agent;
 * it and its reply belong to the day it started.
 */
export class BuyerWalker {
  private readonly chat: BuyerChat = {
    receptions: new Pool(blankReception),
    manualAgents: new NumberList(),
    manualTimes: new NumberList(),
    buyerTimes: new NumberList(),
  };
  private readonly states = new Pool(blankState);
  /** Manual replies outside a turn, as (agent, time) pairs. */
  private readonly outreach = new NumberList();

  private stateOf(agent: number): AgentState {
    const { states } = this;
    for (let i = 0; i < states.length; i++) {
      const state = states.at(i);
      if (state.agent === agent) return state;
    }
    const state = states.add();
    state.agent = agent;
    state.open = false;
    state.reception = null;
    state.times.clear();
    state.clocks.clear();
    return state;
  }

  /**
   * Walks one buyer's messages: rows[0, count), sorted by time, with their times in
   * times[0, count).
   */
  walk(
    data: MetricsData,
    rows: Uint32Array,
    times: Float64Array,
    count: number,
    context: ShopContext,
  ): BuyerChat {
    const { chat, outreach } = this;
    chat.receptions.clear();
    chat.manualAgents.clear();
    chat.manualTimes.clear();
    chat.buyerTimes.clear();
    this.states.clear();
    outreach.clear();
    for (let i = 0; i < count; i++) {
      const row = rows[i] as number;
      const code = data.messageCode.get(row);
      const sender = messageCode.sender(code);
      if (sender > messageCode.agent) continue;
      const time = times[i] as number;
      const state = this.stateOf(data.messageAgent.get(row));
      if (sender === messageCode.buyer) this.buyerMessage(state, time, context);
      else if (messageCode.kind(code) < messageCode.autoKind) {
        chat.manualAgents.push(state.agent);
        chat.manualTimes.push(time);
        if (state.open) closeTurn(state, time, context);
        else {
          outreach.push(state.agent);
          outreach.push(time);
        }
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

  /** A buyer message opens a turn with its agent or joins the open one. */
  private buyerMessage(state: AgentState, time: number, context: ShopContext): void {
    const clock = localClock(time, context);
    this.chat.buyerTimes.push(time);
    if (!state.open) openTurn(state, time, clock, this.chat.receptions, context);
    state.times.push(time);
    state.clocks.push(clock);
    const reception = state.reception as Reception;
    if (time > reception.last) reception.last = time;
    if (inRange(clock, context.pddHours)) reception.pddMessages++;
    if (inRange(clock, context.dyHours)) reception.dyMessages++;
  }
}

/** Turns still open at the end were never answered; replies outside a turn still serve the day. */
const finishBuyer = (
  chat: BuyerChat,
  states: Pool<AgentState>,
  outreach: NumberList,
  context: ShopContext,
) => {
  for (let i = 0; i < states.length; i++) {
    const state = states.at(i);
    if (!state.open) continue;
    const reception = state.reception as Reception;
    reception.unanswered++;
    if (context.unansweredAtCap) recordWait(reception, context.capMs, state.first, context);
  }
  for (let i = 0; i < outreach.length; i += 2) {
    const time = outreach.at(i + 1);
    const reception = findReception(chat.receptions, outreach.at(i), localDay(time, context.offsetMs));
    if (!reception) continue;
    reception.served = true;
    if (time < reception.firstManual) reception.firstManual = time;
  }
};
