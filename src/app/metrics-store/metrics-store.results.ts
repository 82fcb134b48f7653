import { createHash } from 'node:crypto';
import {
  type AgentDayEntry,
  type AgentParts,
  type AgentPartsJson,
  agentPartsFromJson,
  agentPartsToJson,
  dayToText,
  entriesOf,
  isProvisionalDay,
  type MetricsSettings,
  metricsEngineVersion,
  resolveSettings,
  type RollUpEntriesInput,
  type SettingsOverride,
  type SettingsPresets,
  type ShopDayEntry,
  shopPartsFromJson,
  valuesOf,
} from '../../domain/metrics/index.js';
import { type Db, inTransaction } from '../../store/database.js';
import {
  insertRestatements,
  type Restatement,
  replaceShopResults,
  selectAgentDays,
  selectComputedAt,
  selectMetricDays,
  selectShopDays,
  selectMetricGenerations,
} from '../../store/metric-results.repository.js';
import type { AgentOwner } from '../../store/metrics-read.repository.js';
import type { StoredShop } from '../../store/metrics.repository.js';
import type { Actor, Clock } from '../accounts/index.js';
import { computeStored } from './metrics-store.compute.js';
import { loadShopOverrides, type SettingsPass, settingsPasses } from './metrics-store.overrides.js';

// Dashboards read KPI parts materialised per agent-day. A requested day that was never computed,
// was marked stale by an import, or was computed under other settings is recomputed first (with
// its look-back and attribution context); the rest are read as stored.

/**
 * Identifies the settings and the engine version results were computed with: editing the presets,
 * or upgrading to an engine that computes some KPI differently, recomputes every stored day.
 */
export const settingsHashOf = (presets: SettingsPresets, engineVersion = metricsEngineVersion): string =>
  createHash('sha256')
    .update(`engine ${engineVersion}\n${JSON.stringify(presets)}`)
    .digest('hex')
    .slice(0, 16);

type ResultsInput = {
  db: Db;
  clock: Clock;
  actor: Actor;
  presets: SettingsPresets;
  shops: StoredShop[];
  fromDay: number;
  toDay: number;
};

/** The (shop, day) pairs of the range that must be computed before they can be read. */
const daysToCompute = async ({ db, presets, shops, fromDay, toDay }: ResultsInput) => {
  const hash = settingsHashOf(presets);
  const statuses = await selectMetricDays({ db, shopIds: shops.map((shop) => shop.id), fromDay, toDay });
  const fresh = new Set(
    statuses
      .filter((row) => !row.stale && row.settingsHash === hash)
      .map((row) => `${row.shopId}/${row.day}`),
  );
  const needed = new Map<string, number[]>();
  for (const shop of shops) {
    const days: number[] = [];
    for (let day = fromDay; day <= toDay; day += 1) if (!fresh.has(`${shop.id}/${day}`)) days.push(day);
    if (days.length > 0) needed.set(shop.id, days);
  }
  return needed;
};

// The numbers a supervisor reports from; a recompute that changes one of them is a restatement.
export const restatedMetrics = [
  'consulted',
  'served',
  'inquiries',
  'inquiriesPaid',
  'sales',
  'buyers',
] as const;
export type RestatedMetric = (typeof restatedMetrics)[number];

const restatementsOf = (
  before: Map<string, AgentParts>,
  after: Map<string, AgentParts>,
  reportedAt: Map<number, Date>,
  shopId: string,
  restatedAt: Date,
): Restatement[] => {
  const out: Restatement[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const [day, agent] = [Number(key.slice(0, key.indexOf('/'))), key.slice(key.indexOf('/') + 1)];
    const reported = reportedAt.get(day);
    if (!reported) continue;
    const old = before.get(key);
    const now = after.get(key);
    const oldValues = old ? valuesOf(old) : undefined;
    const newValues = now ? valuesOf(now) : undefined;
    for (const metric of restatedMetrics) {
      const was = oldValues?.[metric] ?? 0;
      const is = newValues?.[metric] ?? 0;
      if (was !== is)
        out.push({ shopId, day, agent, metric, before: was, after: is, reportedAt: reported, restatedAt });
    }
  }
  return out;
};

const byDayAgent = (rows: { day: number; agent: string; parts: AgentParts }[]) =>
  new Map(rows.map((row) => [`${row.day}/${row.agent}`, row.parts]));

/**
 * Recomputes the needed days of every shop in one engine pass per run of days sharing each shop's
 * settings version (one pass when no shop has versions), then stores them shop by shop.
 */
const computeAndStore = async (input: ResultsInput, needed: Map<string, number[]>) => {
  const organizationId = input.actor.organizationId;
  const shopIds = [...needed.keys()];
  // Noted before settings and records are read: a stale mark after this point moves it.
  const generations = await selectMetricGenerations({ db: input.db, shopIds });
  const versions = await loadShopOverrides({ db: input.db, organizationId, shopIds });
  for (const pass of settingsPasses(needed, versions)) await computePass(input, pass, generations);
};

const computePass = async (
  input: ResultsInput,
  { days: needed, overrides }: SettingsPass,
  generations: Map<string, number>,
) => {
  const all = [...needed.values()].flat();
  const from = Math.min(...all);
  const to = Math.max(...all);
  const { computation } = await computeStored({
    ...input,
    fromDay: from,
    toDay: to,
    shopIds: [...needed.keys()],
    overrides,
  });
  const entries = entriesOf(computation, from, to);
  const at = input.clock.now();
  const settingsHash = settingsHashOf(input.presets);
  for (const [shopId, days] of needed) {
    const shop = input.shops.find((one) => one.id === shopId);
    const wanted = new Set(days);
    const mine = <T extends { shop: string; day: number }>(rows: T[]) =>
      rows.filter((row) => row.shop === shop?.name && wanted.has(row.day));
    const agentDays = mine(entries.agentDays);
    await inTransaction(input.db, async (trx) => {
      const reportedAt = new Map(
        (await selectComputedAt({ db: trx, shopId, days })).map((row) => [row.day, row.computedAt]),
      );
      const previous = (await selectAgentDays({ db: trx, shopIds: [shopId], fromDay: from, toDay: to }))
        .filter((row) => wanted.has(row.day))
        .map((row) => ({ ...row, parts: agentPartsFromJson(row.parts as AgentPartsJson) }));
      const restated = restatementsOf(byDayAgent(previous), byDayAgent(agentDays), reportedAt, shopId, at);
      await insertRestatements({
        db: trx,
        organizationId: input.actor.organizationId,
        restatements: restated,
      });
      await replaceShopResults({
        trx,
        organizationId: input.actor.organizationId,
        shopId,
        days,
        settingsHash,
        generation: generations.get(shopId) ?? 0,
        agentDays: agentDays.map((row) => ({
          day: row.day,
          agent: row.agent,
          parts: agentPartsToJson(row.parts),
        })),
        shopDays: mine(entries.shopDays).map((row) => ({ day: row.day, parts: row.parts })),
        at,
      });
    });
  }
};

/**
 * The KPI parts of the shops over [fromDay, toDay] as roll-up entries, computing and storing the
 * days that are missing or stale first. `computed` says how many shop-days had to be computed.
 */
export const storedEntries = async (
  input: ResultsInput,
): Promise<{ agentDays: AgentDayEntry[]; shopDays: ShopDayEntry[]; computed: number }> => {
  const needed = await daysToCompute(input);
  if (needed.size > 0) await computeAndStore(input, needed);
  const range = {
    db: input.db,
    shopIds: input.shops.map((shop) => shop.id),
    fromDay: input.fromDay,
    toDay: input.toDay,
  };
  const names = new Map(input.shops.map((shop) => [shop.id, shop.name]));
  const agentDays = (await selectAgentDays(range)).map((row) => ({
    shop: names.get(row.shopId) ?? '',
    agent: row.agent,
    day: row.day,
    parts: agentPartsFromJson(row.parts as AgentPartsJson),
  }));
  const shopDays = (await selectShopDays(range)).map((row) => ({
    shop: names.get(row.shopId) ?? '',
    day: row.day,
    parts: shopPartsFromJson(row.parts as Record<string, number>),
  }));
  return { agentDays, shopDays, computed: [...needed.values()].reduce((sum, days) => sum + days.length, 0) };
};

/**
 * How stored entries roll up today: teams from the agents' users (then the presets), and which
 * days are still provisional at `now` under each shop's attribution window.
 */
export const rollUpJudges = ({
  presets,
  shops,
  owners,
  now,
  today,
  overrides,
}: {
  presets: SettingsPresets;
  shops: StoredShop[];
  owners: Map<string, AgentOwner>;
  now: number;
  /** The shops' local day at `now`: the settings version in force then decides. */
  today: number;
  /** Each shop's own overrides in force `today`, by shop id (店铺绩效设置). */
  overrides: Map<string, SettingsOverride>;
}): Pick<RollUpEntriesInput, 'teamOf' | 'isProvisional'> => {
  const on = dayToText(today);
  const settings = new Map<string, MetricsSettings>(
    shops.map((shop) => [
      shop.name,
      resolveSettings({ presets, platform: shop.platform, on, override: overrides.get(shop.id) }),
    ]),
  );
  return {
    teamOf: (shop, agent) => owners.get(agent)?.teamName ?? settings.get(shop)?.teams[agent] ?? shop,
    isProvisional: (shop, day) => {
      const shopSettings = settings.get(shop);
      return shopSettings ? isProvisionalDay(shopSettings, day, now) : false;
    },
  };
};
