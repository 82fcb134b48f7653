import {
  type AgentParts,
  addAgentParts,
  addShopParts,
  emptyAgentParts,
  emptyShopParts,
  histogramQuantile,
  type ShopParts,
} from './metrics.aggregate.js';
import { keyDay, keyId, type MetricsComputation } from './metrics.engine.js';
import { dayToText, dayWindowEnd } from './metrics.time.js';

export type RollUpBy = 'agent' | 'agent-day' | 'team' | 'shop';

export type AssistValues = {
  order: { count: number; amount: number };
  payment: { count: number; amount: number };
  followUp: { count: number; amount: number };
};

/** Every per-agent metric. Rates are fractions (null without a denominator), money 元, times seconds. */
export type MetricValues = {
  consulted: number;
  served: number;
  replyRate: number | null;
  unanswered: number;
  avgResponseSec: number | null;
  avgResponseUncappedSec: number | null;
  medianResponseSec: number | null;
  p90ResponseSec: number | null;
  firstResponseSec: number | null;
  slowTurns: number;
  unansweredTurns: number;
  inquiries: number;
  inquiriesOrdered: number;
  inquiriesPaid: number;
  conversion: number | null;
  sales: number;
  buyers: number;
  aov: number | null;
  itemsPerBuyer: number | null;
  assists: AssistValues;
  followUps: number;
  lostInquiries: number;
  refundAmount: number;
  satisfaction: number | null;
  pddReply30sRate: number | null;
  pddAvgResponseSec: number | null;
  dyFirstReply2mRate: number | null;
  dyReply3mRate: number | null;
  afterSale: number;
  robotOnly: number;
};

export type MetricsRow = {
  shop: string;
  agent?: string;
  team?: string;
  day?: string;
  provisional: boolean;
} & MetricValues;

export type ShopValues = {
  silentSales: number;
  silentBuyers: number;
  silentAov: number | null;
  advertisers: number;
  paidSales: number;
  creditedSales: number;
  uncreditedSales: number;
};

export type MetricsReport = {
  rows: MetricsRow[];
  shop: ShopValues;
  shops: ({ shop: string } & ShopValues)[];
};

const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
const secondsOf = (sumMs: number, count: number): number | null =>
  count === 0 ? null : Math.round(sumMs / count / 10) / 100;
const yuan = (amountFen: number): number => Math.round(amountFen) / 100;
const per = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 100) / 100;

/** Turns summed parts into metrics; ratios come from the sums, never from averaged ratios. */
export const valuesOf = (parts: AgentParts): MetricValues => ({
  consulted: parts.consulted,
  served: parts.served,
  replyRate: rate(parts.served, parts.consulted),
  unanswered: parts.consulted - parts.served,
  avgResponseSec: secondsOf(parts.respSumCapped, parts.respCount),
  avgResponseUncappedSec: secondsOf(parts.respSumUncapped, parts.respCount),
  medianResponseSec: histogramQuantile(parts.histogram, 0.5),
  p90ResponseSec: histogramQuantile(parts.histogram, 0.9),
  firstResponseSec: secondsOf(parts.firstSum, parts.firstCount),
  slowTurns: parts.slowTurns,
  unansweredTurns: parts.unansweredTurns,
  inquiries: parts.inquiries,
  inquiriesOrdered: parts.inquiriesOrdered,
  inquiriesPaid: parts.inquiriesPaid,
  conversion: rate(parts.inquiriesPaid, parts.inquiries),
  sales: yuan(parts.sales),
  buyers: parts.buyers,
  aov: parts.buyers === 0 ? null : per(parts.sales / 100, parts.buyers),
  itemsPerBuyer: per(parts.items, parts.buyers),
  assists: {
    order: { count: parts.assistOrderCount, amount: yuan(parts.assistOrderAmount) },
    payment: { count: parts.assistPaymentCount, amount: yuan(parts.assistPaymentAmount) },
    followUp: { count: parts.followUpCount, amount: yuan(parts.followUpAmount) },
  },
  followUps: parts.followUpCount,
  lostInquiries: parts.inquiries - parts.inquiriesPaid,
  refundAmount: yuan(parts.refund),
  satisfaction: rate(parts.ratedGood, parts.rated),
  pddReply30sRate: rate(parts.pddWithin, parts.pddMessages),
  pddAvgResponseSec: secondsOf(parts.pddWaitSum, parts.pddAnswered),
  dyFirstReply2mRate: rate(parts.dyFirstWithin, parts.dySessions),
  dyReply3mRate: rate(parts.dyWithin, parts.dyMessages),
  afterSale: parts.afterSale,
  robotOnly: parts.robotOnly,
});

export const shopValuesOf = (parts: ShopParts): ShopValues => ({
  silentSales: yuan(parts.silentSales),
  silentBuyers: parts.silentBuyers,
  silentAov: parts.silentBuyers === 0 ? null : per(parts.silentSales / 100, parts.silentBuyers),
  advertisers: parts.advertisers,
  paidSales: yuan(parts.paidSales),
  creditedSales: yuan(parts.creditedSales),
  uncreditedSales: yuan(parts.uncreditedSales),
});

type Group = {
  shop: string;
  agent?: string;
  team?: string;
  day?: string;
  provisional: boolean;
  parts: AgentParts;
};

const inRange = (day: number, from: number | null, to: number | null) =>
  (from === null || day >= from) && (to === null || day <= to);

/** Keys a row of the chosen roll-up; null selects no row key beyond the shop. */
const groupKey = (computation: MetricsComputation, agent: number, day: number, by: RollUpBy) => {
  const { data } = computation;
  const shopId = data.agents.scopeOf(agent);
  const shop = data.shops.names[shopId] ?? '';
  const name = data.agents.nameOf(agent);
  if (by === 'agent') return { key: `${shop}\u0001${name}`, shop, agent: name };
  if (by === 'agent-day')
    return { key: `${shop}\u0001${name}\u0001${day}`, shop, agent: name, day: dayToText(day) };
  if (by === 'team') {
    const team = data.settingsOf(shopId).teams[name] ?? shop;
    return { key: `${shop}\u0001${team}`, shop, team };
  }
  return { key: shop, shop };
};

/**
 * Rolls the parts up to rows over the reported days [from, to] (day numbers; null = open).
 * A row is provisional while an attribution window of one of its days is still open at `now`.
 */
export const rollUp = ({
  computation,
  from,
  to,
  by,
  now,
}: {
  computation: MetricsComputation;
  from: number | null;
  to: number | null;
  by: RollUpBy;
  now: number;
}): MetricsReport => {
  const { data } = computation;
  const groups = new Map<string, Group>();
  for (const [key, parts] of computation.agentDays) {
    const agent = keyId(key);
    const day = keyDay(key);
    if (!inRange(day, from, to)) continue;
    const { key: groupId, ...labels } = groupKey(computation, agent, day, by);
    let group = groups.get(groupId);
    if (!group) {
      group = { ...labels, provisional: false, parts: emptyAgentParts(parts.histogram.length - 1) };
      groups.set(groupId, group);
    }
    addAgentParts(group.parts, parts);
    const settings = data.settingsOf(data.agents.scopeOf(agent));
    if (dayWindowEnd(settings.attribution, day, settings.timeZoneOffsetMinutes * 60_000) > now)
      group.provisional = true;
  }
  const rows = [...groups.values()]
    .sort((a, b) =>
      `${a.shop}\u0001${a.team ?? a.agent ?? ''}\u0001${a.day ?? ''}`.localeCompare(
        `${b.shop}\u0001${b.team ?? b.agent ?? ''}\u0001${b.day ?? ''}`,
      ),
    )
    .map(({ parts, ...labels }) => ({ ...labels, ...valuesOf(parts) }));
  const perShop = new Map<number, ShopParts>();
  const total = emptyShopParts();
  for (const [key, parts] of computation.shopDays) {
    if (!inRange(keyDay(key), from, to)) continue;
    const shop = keyId(key);
    const sum = perShop.get(shop) ?? emptyShopParts();
    addShopParts(sum, parts);
    perShop.set(shop, sum);
    addShopParts(total, parts);
  }
  const shops = [...perShop].map(([shop, parts]) => ({
    shop: data.shops.names[shop] ?? '',
    ...shopValuesOf(parts),
  }));
  return { rows, shop: shopValuesOf(total), shops };
};
