import { type AgentParts, responseQuantile, type ShopParts } from './metrics.aggregate.js';

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
  /** 慢接待: receptions with several turns answered after the slow-reception threshold. */
  slowReceptions: number;
  /** 长接待: receptions lasting longer than the setting. */
  longReceptions: number;
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
  /** Refunded amount / credited sales. */
  refundRate: number | null;
  satisfaction: number | null;
  pddReply30sRate: number | null;
  pddAvgResponseSec: number | null;
  dyFirstReply2mRate: number | null;
  dyReply3mRate: number | null;
  /** 淘宝3分钟人工响应率: turns answered by a human within 3 minutes / turns, 08:00-23:00. */
  tbReply3mRate: number | null;
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
  /** Buyers left out by the chat filters, by reason: listed accounts, platform staff, own accounts. */
  filtered: { accounts: number; staff: number; ownAccounts: number };
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
  medianResponseSec: responseQuantile(parts, 0.5),
  p90ResponseSec: responseQuantile(parts, 0.9),
  firstResponseSec: secondsOf(parts.firstSum, parts.firstCount),
  slowTurns: parts.slowTurns,
  slowReceptions: parts.slowReceptions,
  longReceptions: parts.longReceptions,
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
  refundRate: rate(parts.refund, parts.sales),
  satisfaction: rate(parts.ratedGood, parts.rated),
  pddReply30sRate: rate(parts.pddWithin, parts.pddMessages),
  pddAvgResponseSec: secondsOf(parts.pddWaitSum, parts.pddAnswered),
  dyFirstReply2mRate: rate(parts.dyFirstWithin, parts.dySessions),
  dyReply3mRate: rate(parts.dyWithin, parts.dyMessages),
  tbReply3mRate: rate(parts.tbWithin, parts.tbTurns),
  afterSale: parts.afterSale,
  robotOnly: parts.robotOnly,
});

export const shopValuesOf = (parts: ShopParts): ShopValues => ({
  silentSales: yuan(parts.silentSales),
  silentBuyers: parts.silentBuyers,
  silentAov: parts.silentBuyers === 0 ? null : per(parts.silentSales / 100, parts.silentBuyers),
  advertisers: parts.advertisers,
  filtered: { accounts: parts.filteredAccounts, staff: parts.filteredStaff, ownAccounts: parts.filteredOwn },
  paidSales: yuan(parts.paidSales),
  creditedSales: yuan(parts.creditedSales),
  uncreditedSales: yuan(parts.uncreditedSales),
});
