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
  /** Count of capped response times per whole second, 0 … cap (medians and p90 merge exactly). */
  histogram: Uint32Array;
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

export const emptyAgentParts = (capSec: number): AgentParts => {
  const parts = { histogram: new Uint32Array(capSec + 1) } as AgentParts;
  for (const field of agentFields) parts[field] = 0;
  return parts;
};

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
};

export const addShopParts = (into: ShopParts, from: ShopParts): void => {
  for (const field of shopFields) into[field] += from[field];
};

/** Nearest-rank quantile of a whole-second histogram, or null when it is empty. */
export const histogramQuantile = (histogram: Uint32Array, q: number): number | null => {
  let total = 0;
  for (const count of histogram) total += count;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] as number;
    if (seen >= rank) return i;
  }
  return histogram.length - 1;
};
