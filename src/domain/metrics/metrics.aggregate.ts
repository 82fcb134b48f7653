// Additive parts of every metric. Roll-ups sum parts and recompute ratios from them, so a
// ratio is never an average of ratios and a mean is always weighted by its count.

/** The summable parts kept per agent and day. Money in 分, times in milliseconds. */
export const agentFields = [
  'consulted',
  'served',
  'robotOnly',
  'afterSale',
  'respCount',
  'respSumCapped',
  'respSumUncapped',
  'firstCount',
  'firstSum',
  'slowTurns',
  'unansweredTurns',
  'inquiries',
  'inquiriesOrdered',
  'inquiriesPaid',
  'sales',
  'buyers',
  'items',
  'refund',
  'assistOrderCount',
  'assistOrderAmount',
  'assistPaymentCount',
  'assistPaymentAmount',
  'followUpCount',
  'followUpAmount',
  'rated',
  'ratedGood',
  'ratedBad',
  'pddMessages',
  'pddWithin',
  'pddAnswered',
  'pddWaitSum',
  'dySessions',
  'dyFirstWithin',
  'dyMessages',
  'dyWithin',
  'tbTurns',
  'tbWithin',
  'slowReceptions',
  'longReceptions',
] as const;
export type AgentField = (typeof agentFields)[number];

/** Parts of one agent (or team, or shop) over one day (or a period). */
export type AgentParts = Record<AgentField, number> & {
  /** Count of response times per whole second, 0 … cap (medians and p90 merge exactly). */
  histogram: Uint32Array;
  /**
   * Response times longer than the cap, count per whole second: the cap is for means only, and
   * median and p90 are of the real waits (kpi.md). Rare, so kept sparse.
   */
  beyondCap: Map<number, number>;
};

export const shopFields = [
  'paidOrders',
  'paidSales',
  'creditedSales',
  'silentSales',
  'silentOrders',
  'silentBuyers',
  'uncreditedSales',
  'advertisers',
  'filteredAccounts',
  'filteredStaff',
  'filteredOwn',
] as const;
export type ShopField = (typeof shopFields)[number];
export type ShopParts = Record<ShopField, number>;

/**
 * Parts at zero, every field written out in one literal: an object given its 39 fields one by
 * one in a loop becomes a slow dictionary in V8, and the per-buyer pass updates these fields for
 * every reception. `satisfies` keeps the literal in step with `agentFields`.
 */
export const emptyAgentParts = (capSec: number): AgentParts =>
  ({
    histogram: new Uint32Array(capSec + 1),
    beyondCap: new Map<number, number>(),
    consulted: 0,
    served: 0,
    robotOnly: 0,
    afterSale: 0,
    respCount: 0,
    respSumCapped: 0,
    respSumUncapped: 0,
    firstCount: 0,
    firstSum: 0,
    slowTurns: 0,
    unansweredTurns: 0,
    inquiries: 0,
    inquiriesOrdered: 0,
    inquiriesPaid: 0,
    sales: 0,
    buyers: 0,
    items: 0,
    refund: 0,
    assistOrderCount: 0,
    assistOrderAmount: 0,
    assistPaymentCount: 0,
    assistPaymentAmount: 0,
    followUpCount: 0,
    followUpAmount: 0,
    rated: 0,
    ratedGood: 0,
    ratedBad: 0,
    pddMessages: 0,
    pddWithin: 0,
    pddAnswered: 0,
    pddWaitSum: 0,
    dySessions: 0,
    dyFirstWithin: 0,
    dyMessages: 0,
    dyWithin: 0,
    tbTurns: 0,
    tbWithin: 0,
    slowReceptions: 0,
    longReceptions: 0,
  }) satisfies AgentParts;

export const emptyShopParts = (): ShopParts => {
  const parts = {} as ShopParts;
  for (const field of shopFields) parts[field] = 0;
  return parts;
};

/** Adds `from` into `into` (histograms of different caps merge up to the shorter one). */
export const addAgentParts = (into: AgentParts, from: AgentParts): void => {
  for (const field of agentFields) into[field] += from[field];
  const n = Math.min(into.histogram.length, from.histogram.length);
  for (let i = 0; i < n; i++) into.histogram[i] = (into.histogram[i] ?? 0) + (from.histogram[i] ?? 0);
  for (const [second, count] of from.beyondCap) addWait(into, second, count);
};

/** Counts `count` response times of `second` whole seconds. */
export const addWait = (parts: AgentParts, second: number, count = 1): void => {
  if (second < parts.histogram.length) parts.histogram[second] = (parts.histogram[second] ?? 0) + count;
  else parts.beyondCap.set(second, (parts.beyondCap.get(second) ?? 0) + count);
};

export const addShopParts = (into: ShopParts, from: ShopParts): void => {
  for (const field of shopFields) into[field] += from[field];
};

/** Nearest-rank quantile of the response times in whole seconds, or null when there are none. */
export const responseQuantile = (parts: AgentParts, q: number): number | null => {
  const { histogram, beyondCap } = parts;
  let total = 0;
  for (const count of histogram) total += count;
  for (const count of beyondCap.values()) total += count;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] as number;
    if (seen >= rank) return i;
  }
  const longer = [...beyondCap.keys()].sort((a, b) => a - b);
  for (const second of longer) {
    seen += beyondCap.get(second) as number;
    if (seen >= rank) return second;
  }
  return longer.at(-1) ?? histogram.length - 1;
};
