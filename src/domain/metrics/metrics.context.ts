import type { AgentParts, ShopParts } from './metrics.aggregate.js';
import type { AttributionWindow, CreditMode, MetricsSettings } from './metrics.settings.js';
import type { NumberList } from './metrics.scratch.js';
import { type ClockRange, dayMs, localClockMs, toClockRange } from './metrics.time.js';

/** A shop's settings turned into the millisecond constants the hot loop needs. */
export type ShopContext = {
  offsetMs: number;
  lookBackMs: number;
  capMs: number;
  capSec: number;
  slowMs: number;
  excludeZero: boolean;
  unansweredAtCap: boolean;
  window: AttributionWindow;
  creditMode: CreditMode;
  pickFirst: boolean;
  hindsight: boolean;
  pddHours: ClockRange;
  pddWithinMs: number;
  dyHours: ClockRange;
  dyFirstWithinMs: number;
  dyWithinMs: number;
  tbHours: ClockRange;
  tbWithinMs: number;
  slowReceptionMs: number;
  slowReceptionTurns: number;
  longReceptionMs: number;
};

export const shopContext = (settings: MetricsSettings): ShopContext => ({
  offsetMs: settings.timeZoneOffsetMinutes * 60_000,
  lookBackMs: settings.lookBackDays * dayMs,
  capMs: settings.response.capSec * 1000,
  capSec: settings.response.capSec,
  slowMs: settings.slowThresholdSec * 1000,
  excludeZero: settings.response.excludeZeroSecond,
  unansweredAtCap: settings.response.unanswered === 'cap',
  window: settings.attribution,
  creditMode: settings.credit.mode,
  pickFirst: settings.credit.pick === 'first',
  hindsight: settings.hindsight,
  pddHours: toClockRange(settings.hours.pdd),
  pddWithinMs: settings.pdd.replyWithinSec * 1000,
  dyHours: toClockRange(settings.hours.douyin),
  dyFirstWithinMs: settings.douyin.firstReplyWithinSec * 1000,
  dyWithinMs: settings.douyin.replyWithinSec * 1000,
  tbHours: toClockRange(settings.hours.taobao),
  tbWithinMs: settings.taobao.replyWithinSec * 1000,
  slowReceptionMs: settings.slowReception.thresholdSec * 1000,
  slowReceptionTurns: settings.slowReception.turns,
  longReceptionMs: settings.longReceptionMinutes * 60_000,
});

/** Milliseconds since the shop's local midnight. */
export const localClock = (time: number, context: ShopContext): number =>
  localClockMs(time, context.offsetMs);

/** Whether a local clock (`localClock`) falls inside `[range.from, range.to)`. */
export const inRange = (clock: number, range: ClockRange): boolean => clock >= range.from && clock < range.to;

/** Bits of a reception's flags, kept for drill-down. */
export const flag = {
  served: 1,
  robotOnly: 2,
  afterSale: 4,
  inquiry: 8,
  ordered: 16,
  paid: 32,
  answered: 64,
  firstAnswered: 128,
  slow: 256,
  unansweredTurn: 512,
  pdd: 1024,
  pddMissed: 2048,
  dySession: 4096,
  dyMissed: 8192,
  assistExcluded: 16384,
  dyFirstWithin: 32768,
  slowReception: 65536,
  longReception: 131072,
  tbMissed: 262144,
  tb: 524288,
} as const;

/** One buyer with one agent on one local day, while its buyer is being processed. */
export type Reception = {
  agent: number;
  day: number;
  start: number;
  /** End of the attribution window (exclusive). */
  end: number;
  firstManual: number;
  served: boolean;
  hadAuto: boolean;
  turns: number;
  respCount: number;
  respSumCapped: number;
  respSumUncapped: number;
  firstCount: number;
  firstSum: number;
  slow: number;
  unanswered: number;
  /** Each recorded wait in whole seconds (for the median and p90). */
  seconds: NumberList;
  pddMessages: number;
  pddWithin: number;
  pddAnswered: number;
  pddWaitSum: number;
  dyFirstWithin: boolean;
  dyMessages: number;
  dyWithin: number;
  /** Turns started in Taobao's hours, and those answered by a human within 3 minutes the same day. */
  tbTurns: number;
  tbWithin: number;
  /** Turns answered after the slow-reception threshold. */
  verySlow: number;
  /** The reception's last message, for its duration (长接待). */
  last: number;
  afterSale: boolean;
  inquiry: boolean;
  ordered: boolean;
  paid: boolean;
  assist: boolean;
  buyerCounted: boolean;
};

export type AssistKind = 'order' | 'payment' | 'followUp';

/** Where the per-buyer pass writes its results. */
export type MetricsSink = {
  agentDay: (agent: number, day: number) => AgentParts;
  shopDay: (shop: number, day: number) => ShopParts;
  reception: (buyer: number, reception: Reception, flags: number) => void;
  credited: (order: number, buyer: number, agent: number, day: number) => void;
  assisted: (order: number, buyer: number, agent: number, day: number, kind: AssistKind) => void;
  silent: (order: number, buyer: number, shop: number, day: number) => void;
};
