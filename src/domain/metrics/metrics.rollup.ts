import {
  type AgentParts,
  addAgentParts,
  addShopParts,
  emptyAgentParts,
  emptyShopParts,
  type ShopParts,
} from './metrics.aggregate.js';
import { keyDay, keyId, type MetricsComputation } from './metrics.engine.js';
import { type MetricsReport, type RollUpBy, shopValuesOf, valuesOf } from './metrics.rows.js';
import type { MetricsSettings } from './metrics.settings.js';
import { dayToText, dayWindowEnd } from './metrics.time.js';

// Roll-ups work on plain entries — one agent's parts on one day — so parts computed now and parts
// kept from an earlier computation (materialised per agent-day in the store) roll up the same way.

/** One agent's summable parts on one shop-local day. */
export type AgentDayEntry = { shop: string; agent: string; day: number; parts: AgentParts };
/** One shop's shop-level parts (silent sales, advertisers) on one day. */
export type ShopDayEntry = { shop: string; day: number; parts: ShopParts };

export type RollUpEntriesInput = {
  agentDays: Iterable<AgentDayEntry>;
  shopDays: Iterable<ShopDayEntry>;
  by: RollUpBy;
  /** The team an agent's rows roll up into (`by: 'team'`); the shop when it has none. */
  teamOf: (shop: string, agent: string) => string;
  /** Whether a day's numbers may still change (an attribution window is open). */
  isProvisional: (shop: string, day: number) => boolean;
};

type Group = {
  shop: string;
  agent?: string;
  team?: string;
  day?: string;
  provisional: boolean;
  parts: AgentParts;
};

const groupKey = (entry: AgentDayEntry, by: RollUpBy, teamOf: RollUpEntriesInput['teamOf']) => {
  const { shop, agent, day } = entry;
  if (by === 'agent') return { key: `${shop}\u0001${agent}`, shop, agent };
  if (by === 'agent-day')
    return { key: `${shop}\u0001${agent}\u0001${day}`, shop, agent, day: dayToText(day) };
  if (by === 'team') {
    const team = teamOf(shop, agent);
    return { key: `${shop}\u0001${team}`, shop, team };
  }
  return { key: shop, shop };
};

const sortKey = (group: Omit<Group, 'parts'>) =>
  `${group.shop}\u0001${group.team ?? group.agent ?? ''}\u0001${group.day ?? ''}`;

/** Rolls entries up to rows; ratios are recomputed from the summed parts. */
export const rollUpEntries = ({
  agentDays,
  shopDays,
  by,
  teamOf,
  isProvisional,
}: RollUpEntriesInput): MetricsReport => {
  const groups = new Map<string, Group>();
  for (const entry of agentDays) {
    const { key, ...labels } = groupKey(entry, by, teamOf);
    let group = groups.get(key);
    if (!group) {
      group = { ...labels, provisional: false, parts: emptyAgentParts(entry.parts.histogram.length - 1) };
      groups.set(key, group);
    }
    addAgentParts(group.parts, entry.parts);
    if (isProvisional(entry.shop, entry.day)) group.provisional = true;
  }
  const rows = [...groups.values()]
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
    .map(({ parts, ...labels }) => ({ ...labels, ...valuesOf(parts) }));
  const perShop = new Map<string, ShopParts>();
  const total = emptyShopParts();
  for (const entry of shopDays) {
    const sum = perShop.get(entry.shop) ?? emptyShopParts();
    addShopParts(sum, entry.parts);
    perShop.set(entry.shop, sum);
    addShopParts(total, entry.parts);
  }
  const shops = [...perShop].map(([shop, parts]) => ({ shop, ...shopValuesOf(parts) }));
  return { rows, shop: shopValuesOf(total), shops };
};

const inRange = (day: number, from: number | null, to: number | null) =>
  (from === null || day >= from) && (to === null || day <= to);

/** A computation's parts over the days [from, to] (null = open) as plain entries. */
export const entriesOf = (computation: MetricsComputation, from: number | null, to: number | null) => {
  const { data } = computation;
  const agentDays: AgentDayEntry[] = [];
  for (const [key, parts] of computation.agentDays) {
    const day = keyDay(key);
    if (!inRange(day, from, to)) continue;
    const agent = keyId(key);
    const shop = data.shops.names[data.agents.scopeOf(agent)] ?? '';
    agentDays.push({ shop, agent: data.agents.nameOf(agent), day, parts });
  }
  const shopDays: ShopDayEntry[] = [];
  for (const [key, parts] of computation.shopDays) {
    const day = keyDay(key);
    if (inRange(day, from, to)) shopDays.push({ shop: data.shops.names[keyId(key)] ?? '', day, parts });
  }
  return { agentDays, shopDays };
};

/** Whether a day's numbers may still change at `now`: its attribution window has not closed. */
export const isProvisionalDay = (settings: MetricsSettings, day: number, now: number): boolean =>
  dayWindowEnd(settings.attribution, day, settings.timeZoneOffsetMinutes * 60_000) > now;

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
  const shopIds = new Map(data.shops.names.map((name, id) => [name, id]));
  const settingsOf = (shop: string) => data.settingsOf(shopIds.get(shop) ?? 0);
  return rollUpEntries({
    ...entriesOf(computation, from, to),
    by,
    teamOf: (shop, agent) => settingsOf(shop).teams[agent] ?? shop,
    isProvisional: (shop, day) => isProvisionalDay(settingsOf(shop), day, now),
  });
};
