import {
  computeMetrics,
  type MetricsComputation,
  MetricsData,
  type MetricsSettings,
  resolveSettings,
  type SettingsOverride,
  type SettingsPresets,
  textToDay,
  dayToText,
} from '../../domain/metrics/index.js';
import { hasPermission } from '../../domain/accounts/index.js';
import type { Platform } from '../../domain/shared/index.js';
import type { Db } from '../../store/database.js';
import {
  type AgentOwner,
  selectAgentOwners,
  selectMessages,
  selectOrders,
  selectRatings,
  selectTickets,
} from '../../store/metrics-read.repository.js';
import type { StoredShop } from '../../store/metrics.repository.js';
import { listShops } from '../../store/shops.repository.js';
import type { Actor } from '../accounts/index.js';
import { metricsStoreErrors } from './metrics-store.errors.js';
import { loadShopOverrides, overridesOn } from './metrics-store.overrides.js';

// Records before the period decide pre-sale vs after-sale (look-back), records after it decide
// whether an inquiry converted (attribution). The widest presets need 31 days back, 16 ahead.
export const lookBackDays = 31;
export const lookAheadDays = 16;

/** The period asked for, as day numbers; default the last 7 full days before `today`. */
export const periodOf = ({ from, to, today }: { from?: string; to?: string; today: number }) => {
  const toDay = to === undefined ? today - 1 : textToDay(to);
  const fromDay = from === undefined ? (toDay ?? today) - 6 : textToDay(from);
  if (fromDay === null || toDay === null) throw metricsStoreErrors.badPeriod('日期格式应为 YYYY-MM-DD');
  if (fromDay > toDay) throw metricsStoreErrors.badPeriod('开始日期晚于结束日期');
  if (toDay - fromDay > 366) throw metricsStoreErrors.badPeriod('一次最多查询 366 天');
  return { fromDay, toDay };
};

/**
 * Whose rows the actor may see: everyone (managers) or only the agent's own sub-accounts.
 * `null` means no restriction.
 */
export const visibleAgents = (actor: Actor, owners: AgentOwner[]): Set<string> | null => {
  if (hasPermission(actor.role, 'metrics.read')) return null;
  if (actor.role !== 'agent' || actor.userId === null) throw metricsStoreErrors.agentForbidden();
  return new Set(owners.filter((owner) => owner.userId === actor.userId).map((owner) => owner.agent));
};

export type StoredComputation = {
  computation: MetricsComputation;
  shops: StoredShop[];
  owners: AgentOwner[];
  visible: Set<string> | null;
};

/** The organisation's shops asked for (all when `shopIds` is absent), its agents' owners, and who may see what. */
export const metricsScope = async ({
  db,
  actor,
  shopIds,
}: {
  db: Db;
  actor: Actor;
  shopIds?: string[] | undefined;
}) => {
  const owners = await selectAgentOwners({ db, organizationId: actor.organizationId });
  const visible = visibleAgents(actor, owners);
  const all = await listShops({ db, organizationId: actor.organizationId });
  const shops: StoredShop[] = all
    .filter((shop) => !shopIds || shopIds.includes(shop.id))
    .map((shop) => ({ id: shop.id, name: shop.name, platform: shop.platform as Platform }));
  return { owners, visible, shops };
};

/**
 * Loads the records of the organisation's shops around [fromDay, toDay] and runs the KPI engine,
 * with each shop's own settings (店铺绩效设置) on top of the presets and each sub-account's team
 * taken from its user.
 */
export const computeStored = async ({
  db,
  actor,
  presets,
  fromDay,
  toDay,
  shopIds,
  keepOrderIds = false,
  overrides,
}: {
  db: Db;
  actor: Actor;
  presets: SettingsPresets;
  fromDay: number;
  toDay: number;
  shopIds?: string[] | undefined;
  keepOrderIds?: boolean;
  /** Each shop's overrides (by shop id) for this run; by default those in force on `fromDay`. */
  overrides?: Map<string, SettingsOverride>;
}): Promise<StoredComputation> => {
  const { owners, visible, shops } = await metricsScope({ db, actor, shopIds });
  const teams: Record<string, string> = {};
  for (const owner of owners) if (owner.teamName) teams[owner.agent] = owner.teamName;
  const on = dayToText(fromDay);
  // The engine takes one settings object per shop for a whole run, so a run resolves the presets
  // and the shop's version by its first day. Stored results stay exact all the same: their
  // recomputes are split at version boundaries (settingsPasses in metrics-store.results.ts).
  const own =
    overrides ??
    overridesOn(
      await loadShopOverrides({
        db,
        organizationId: actor.organizationId,
        shopIds: shops.map((shop) => shop.id),
      }),
      on,
    );
  const idOfShop = new Map(shops.map((shop) => [shop.name, shop.id]));
  const data = new MetricsData(
    (shop, platform): MetricsSettings => {
      const override = own.get(idOfShop.get(shop) ?? '');
      const base = resolveSettings({ presets, platform: platform ?? 'taobao', on, override });
      return { ...base, teams: { ...base.teams, ...teams } };
    },
    { keepOrderIds },
  );
  const range = { db, shops, fromDay: fromDay - lookBackDays, toDay: toDay + lookAheadDays };
  for (const record of await selectMessages(range)) data.addMessage(record);
  for (const record of await selectOrders(range)) data.addOrder(record);
  for (const record of await selectRatings(range)) data.addRating(record);
  for (const record of await selectTickets(range)) data.addTicket(record);
  return { computation: computeMetrics({ data }), shops, owners, visible };
};
