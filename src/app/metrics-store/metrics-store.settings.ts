import {
  dayToText,
  localDay,
  type MetricsSettings,
  resolveSettings,
  type SettingsOverride,
  type SettingsPresets,
  textToDay,
} from '../../domain/metrics/index.js';
import { isPlatform, type Platform } from '../../domain/shared/index.js';
import { type Db, inTransaction } from '../../store/database.js';
import { markMetricDaysStale } from '../../store/metric-results.repository.js';
import {
  listShopMetricSettings,
  saveShopMetricSettings as saveVersion,
} from '../../store/shop-metric-settings.repository.js';
import { findShop } from '../../store/shops.repository.js';
import { AppError, type Actor, type Clock, type ErrorDetail, recordAudit } from '../accounts/index.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { overrideIssues } from '../metrics/metrics.settings.js';
import { versionOn } from './metrics-store.overrides.js';

// 店铺绩效设置: a shop's own thresholds, windows and credit policy on top of the presets. Each save
// is a version in force from its day on; the shop's stored results from that day are recomputed
// on their next read, and any reported number that changes is logged as a restatement.

// Shops are in China: "today" is the Asia/Shanghai day, as for the dashboard's default period.
const chinaOffsetMs = 8 * 3_600_000;
// Every later day: a version stays in force until the next one.
const lastDay = textToDay('9999-12-31') ?? Number.MAX_SAFE_INTEGER;

export type MetricSettingsVersionView = {
  effectiveFrom: string;
  /** What the shop changed, in the shape of a --settings file's per-shop entry. */
  overrides: SettingsOverride;
  /** The settings in force from that day: presets, platform preset, then these overrides. */
  settings: MetricsSettings;
  /**
   * What that day would have had without this version: the previous version's overrides (or none)
   * on the same presets. Comparing it with `settings` shows what the version changed.
   */
  previous: MetricsSettings;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
};

export type ShopMetricSettingsView = {
  shop: { id: string; name: string; platform: Platform };
  /** The shops' local day the view was read on. */
  today: string;
  /** The presets alone (with the platform preset) in force today: what an unset value falls back to. */
  preset: MetricsSettings;
  /** The settings in force today, and the version they come from (null: the presets alone). */
  current: { effectiveFrom: string | null; settings: MetricsSettings };
  /** Every version, oldest first. */
  versions: MetricSettingsVersionView[];
};

const settingsErrors = {
  shopNotFound: (path: string) => new AppError('not_found', '店铺不存在', [{ path, message: '店铺不存在' }]),
  invalid: (details: ErrorDetail[]) =>
    new AppError(
      'validation.failed',
      // Each message names its field in Chinese; the paths stay in the details.
      `绩效设置有误：${details.map((detail) => detail.message).join('；')}`,
      details,
    ),
};

type SettingsDeps = { db: Db; clock: Clock; actor: Actor; presets: SettingsPresets };

const shopOf = async ({ db, actor }: { db: Db; actor: Actor }, shopId: string, path: string) => {
  const shop = await findShop({ db, organizationId: actor.organizationId, id: shopId });
  if (!shop || !isPlatform(shop.platform)) throw settingsErrors.shopNotFound(path);
  return { id: shop.id, name: shop.name, platform: shop.platform };
};

const viewOf = async (
  { db, clock, actor, presets }: SettingsDeps,
  shop: ShopMetricSettingsView['shop'],
): Promise<ShopMetricSettingsView> => {
  const today = dayToText(localDay(clock.now().getTime(), chinaOffsetMs));
  const rows = await listShopMetricSettings({ db, organizationId: actor.organizationId, shopIds: [shop.id] });
  const versions = rows.map((row, index) => {
    const overrides = row.overrides as SettingsOverride;
    const on = row.effectiveFrom;
    const before = rows[index - 1]?.overrides as SettingsOverride | undefined;
    return {
      effectiveFrom: on,
      overrides,
      settings: resolveSettings({ presets, platform: shop.platform, on, override: overrides }),
      previous: resolveSettings({ presets, platform: shop.platform, on, override: before }),
      createdBy: row.createdBy,
      createdByName: row.createdByName,
      createdAt: row.createdAt.toISOString(),
    };
  });
  const inForce = versionOn(versions, today);
  return {
    shop,
    today,
    preset: resolveSettings({ presets, platform: shop.platform, on: today }),
    current: {
      effectiveFrom: inForce?.effectiveFrom ?? null,
      settings: resolveSettings({
        presets,
        platform: shop.platform,
        on: today,
        override: inForce?.overrides,
      }),
    },
    versions,
  };
};

/** A shop's settings versions with the values each one puts in force; managers only. */
export const getShopMetricSettings = async (
  deps: SettingsDeps & { shopId: string },
): Promise<ShopMetricSettingsView> => {
  authorize(deps.actor, 'metrics.read');
  return viewOf(deps, await shopOf(deps, deps.shopId, 'params.shopId'));
};

/**
 * The override checked against the schema of a --settings file's per-shop entry: unknown keys and
 * out-of-range values are refused, each named by its field under `at`. Every value is checked as
 * the full settings check it, so the merged settings always pass checkSettings.
 */
const checkedOverride = (overrides: unknown, at: string): SettingsOverride => {
  const issues = overrideIssues(overrides);
  if (issues.length > 0)
    throw settingsErrors.invalid(
      issues.map((issue) => ({ path: issue.path ? `${at}.${issue.path}` : at, message: issue.message })),
    );
  return overrides as SettingsOverride;
};

/**
 * Saves a shop's overrides from `effectiveFrom` on (saving the same day again replaces that
 * version). Unknown keys and out-of-range values are refused, each named by its field. The shop's
 * stored results from that day on are marked stale, so the next read recomputes them (and logs
 * restated numbers); audited.
 */
export const saveShopMetricSettings = async (
  deps: SettingsDeps & {
    shopId: string;
    effectiveFrom: string;
    overrides: unknown;
    /** Where the fields are, for error details: the API's by default. */
    paths?: { shopId: string; effectiveFrom: string; overrides: string };
  },
): Promise<ShopMetricSettingsView> => {
  const { db, clock, actor, effectiveFrom } = deps;
  const paths = deps.paths ?? {
    shopId: 'params.shopId',
    effectiveFrom: 'body.effectiveFrom',
    overrides: 'body.overrides',
  };
  authorize(actor, 'metrics.import');
  const shop = await shopOf(deps, deps.shopId, paths.shopId);
  const fromDay = textToDay(effectiveFrom);
  // 2026-02-30 parses as a day in March: only a date that reads back the same is one.
  if (fromDay === null || dayToText(fromDay) !== effectiveFrom)
    throw settingsErrors.invalid([
      { path: paths.effectiveFrom, message: `生效日期：「${effectiveFrom}」不是 YYYY-MM-DD 日期` },
    ]);
  const overrides = checkedOverride(deps.overrides, paths.overrides);
  await inTransaction(db, async (trx) => {
    await saveVersion({
      db: trx,
      settings: {
        organizationId: actor.organizationId,
        shopId: shop.id,
        effectiveFrom,
        overrides,
        createdBy: actor.userId,
        createdAt: clock.now(),
      },
    });
    await markMetricDaysStale({ db: trx, shopId: shop.id, fromDay, toDay: lastDay });
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'metrics.settings_saved',
      target: shop.id,
      details: { shop: shop.name, effectiveFrom, overrides },
    });
  });
  return viewOf(deps, shop);
};
