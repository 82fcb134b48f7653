import { flag } from './metrics.context.js';
import { filterReason } from './metrics.data.js';
import { assistKinds, type MetricsComputation } from './metrics.engine.js';
import { dayToText, localDay } from './metrics.time.js';

/** One buyer (and conversation: shop, buyer, agent, day) behind a number. */
export type ExplainRef = {
  shop: string;
  buyer: string;
  agent?: string;
  day: string;
  /** Order id for order-based metrics (sales, assists, silent sales). */
  order?: string;
  /** For a rate: true when this ref is in the numerator, false when only in the denominator. */
  hit: boolean;
};

export type ExplainResult = { metric: string; buyers: string[]; refs: ExplainRef[] };

/** [base, hit]: a reception is listed when its flags contain all of `base` (and none of `not`). */
type FlagRule = { base: number; not?: number; hit?: number; missed?: number };

const receptionRules: Record<string, FlagRule> = {
  consulted: { base: 0, not: flag.robotOnly },
  served: { base: flag.served, not: flag.robotOnly },
  replyRate: { base: 0, not: flag.robotOnly, hit: flag.served },
  unanswered: { base: 0, not: flag.robotOnly | flag.served },
  avgResponseSec: { base: flag.answered },
  avgResponseUncappedSec: { base: flag.answered },
  medianResponseSec: { base: flag.answered },
  p90ResponseSec: { base: flag.answered },
  firstResponseSec: { base: flag.firstAnswered },
  slowTurns: { base: flag.slow },
  unansweredTurns: { base: flag.unansweredTurn, not: flag.robotOnly },
  inquiries: { base: flag.inquiry, not: flag.robotOnly },
  inquiriesOrdered: { base: flag.inquiry | flag.ordered, not: flag.robotOnly },
  inquiriesPaid: { base: flag.inquiry | flag.paid, not: flag.robotOnly },
  conversion: { base: flag.inquiry, not: flag.robotOnly, hit: flag.paid },
  lostInquiries: { base: flag.inquiry, not: flag.robotOnly | flag.paid },
  afterSale: { base: flag.afterSale, not: flag.robotOnly },
  robotOnly: { base: flag.robotOnly },
  pddReply30sRate: { base: flag.pdd, not: flag.robotOnly, missed: flag.pddMissed },
  pddAvgResponseSec: { base: flag.pdd, not: flag.robotOnly, missed: flag.pddMissed },
  dyFirstReply2mRate: { base: flag.dySession, not: flag.robotOnly, hit: flag.dyFirstWithin },
  dyReply3mRate: { base: 0, not: flag.robotOnly, missed: flag.dyMissed },
  tbReply3mRate: { base: flag.tb, not: flag.robotOnly, missed: flag.tbMissed },
  slowReceptions: { base: flag.slowReception },
  longReceptions: { base: flag.longReception },
};

const creditMetrics = new Set(['sales', 'buyers', 'aov', 'itemsPerBuyer', 'refundAmount']);
const silentMetrics = new Set(['silentSales', 'silentBuyers', 'silentAov']);

/** What to drill into: a metric, optionally one shop, one agent (sub-account) and a day range. */
export type ExplainQuery = {
  computation: MetricsComputation;
  metric: string;
  shop?: string;
  agent?: string;
  /** One day (days since 1970, shop-local); or a range with from / to. */
  day?: number;
  from?: number | null;
  to?: number | null;
};

const matches = (query: ExplainQuery, shop: string, agent: string | undefined, day: number) =>
  (query.shop === undefined || query.shop === shop) &&
  (query.agent === undefined || query.agent === agent) &&
  (query.day === undefined || query.day === day) &&
  (query.from === undefined || query.from === null || day >= query.from) &&
  (query.to === undefined || query.to === null || day <= query.to);

type Push = (buyer: number, agent: number | null, day: number, hit: boolean, order?: number) => void;

const fromReceptions = (computation: MetricsComputation, rule: FlagRule, push: Push) => {
  const table = computation.trail.receptions;
  for (let i = 0; i < table.flags.length; i++) {
    const flags = table.flags.get(i);
    if ((flags & rule.base) !== rule.base || (rule.not !== undefined && (flags & rule.not) !== 0)) continue;
    const hit =
      rule.hit !== undefined
        ? (flags & rule.hit) !== 0
        : rule.missed !== undefined
          ? (flags & rule.missed) === 0
          : true;
    push(table.buyer.get(i), table.agent.get(i), table.day.get(i), hit);
  }
};

/** Order-based metrics: credited orders, assists (optionally one kind) and silent orders. */
const fromOrders = (computation: MetricsComputation, metric: string, push: Push): boolean => {
  const { credits, assists, silent } = computation.trail;
  if (creditMetrics.has(metric) || metric === 'refundRate') {
    // 退款率: every credited order, the refunded ones as hits.
    const refunded = (order: number) =>
      metric !== 'refundRate' || computation.data.orderRefund.get(order) > 0;
    for (let i = 0; i < credits.order.length; i++) {
      const order = credits.order.get(i);
      push(credits.buyer.get(i), credits.agent.get(i), credits.day.get(i), refunded(order), order);
    }
  } else if (metric === 'assists' || metric === 'followUps') {
    const followUp = assistKinds.indexOf('followUp');
    for (let i = 0; i < assists.order.length; i++) {
      if (metric === 'followUps' && assists.kind.get(i) !== followUp) continue;
      push(assists.buyer.get(i), assists.agent.get(i), assists.day.get(i), true, assists.order.get(i));
    }
  } else if (silentMetrics.has(metric)) {
    for (let i = 0; i < silent.order.length; i++)
      push(silent.buyer.get(i), null, silent.day.get(i), true, silent.order.get(i));
  } else {
    return false;
  }
  return true;
};

// The filtered-buyer counts and the reason each one lists.
const filteredMetrics: Record<string, number> = {
  advertisers: filterReason.advertiser,
  filteredAccounts: filterReason.account,
  filteredStaff: filterReason.staff,
  filteredOwn: filterReason.ownAccount,
};

/** Filtered buyers per shop-day (advertisers …), and ratings (a hit when 4-5 stars). */
const fromBuyers = (computation: MetricsComputation, metric: string, push: Push): boolean => {
  const { data, trail } = computation;
  const reason = filteredMetrics[metric];
  if (reason !== undefined) {
    const table = trail.filtered;
    for (let i = 0; i < table.buyer.length; i++)
      if (table.reason.get(i) === reason) push(table.buyer.get(i), null, table.day.get(i), true);
    return true;
  }
  if (metric !== 'satisfaction') return false;
  for (let row = 0; row < data.ratingTime.length; row++) {
    const buyer = data.ratingBuyer.get(row);
    if (data.filtered.get(buyer) !== filterReason.none) continue;
    const offset = data.settingsOf(data.buyers.scopeOf(buyer)).timeZoneOffsetMinutes * 60_000;
    push(
      buyer,
      data.ratingAgent.get(row),
      localDay(data.ratingTime.get(row), offset),
      data.ratingStars.get(row) >= 4,
    );
  }
  return true;
};

/**
 * Lists the buyers and conversations behind a metric for an agent and days, so every number can
 * be traced (`explain({ metric: 'inquiriesPaid', agent: '旗舰店:小美', from: day, to: day })`).
 */
export const explain = (query: ExplainQuery): ExplainResult => {
  const { computation, metric } = query;
  const { data } = computation;
  const refs: ExplainRef[] = [];
  const push: Push = (buyer, agent, day, hit, order) => {
    const shop = data.shops.names[data.buyers.scopeOf(buyer)] ?? '';
    const name = agent === null ? undefined : data.agents.nameOf(agent);
    if (!matches(query, shop, name, day)) return;
    const ref: ExplainRef = { shop, buyer: data.buyers.nameOf(buyer), day: dayToText(day), hit };
    if (name !== undefined) ref.agent = name;
    if (order !== undefined && data.orderIds) ref.order = data.orderIds[order] ?? '';
    refs.push(ref);
  };
  const rule = receptionRules[metric];
  if (rule) fromReceptions(computation, rule, push);
  else if (!fromOrders(computation, metric, push) && !fromBuyers(computation, metric, push)) {
    throw new Error(`metrics.unknown_metric: ${metric}`);
  }
  return { metric, buyers: [...new Set(refs.map((ref) => ref.buyer))], refs };
};
