import { dayToText, type SettingsOverride } from '../../domain/metrics/index.js';
import type { Db } from '../../store/database.js';
import { listShopMetricSettings } from '../../store/shop-metric-settings.repository.js';

// A shop's own metric settings (店铺绩效设置) are versions of a SettingsOverride, each in force from
// its day until the next one. These helpers pick the version in force and split recomputes so
// that each engine run sees one version per shop.

/** One saved version of a shop's overrides. */
export type ShopOverrideVersion = { effectiveFrom: string; overrides: SettingsOverride };

/** Every shop's override versions, oldest first (shops without any are absent). */
export const loadShopOverrides = async ({
  db,
  organizationId,
  shopIds,
}: {
  db: Db;
  organizationId: string;
  shopIds: string[];
}): Promise<Map<string, ShopOverrideVersion[]>> => {
  const versions = new Map<string, ShopOverrideVersion[]>();
  // Rows were validated against the override schema when they were saved.
  for (const row of await listShopMetricSettings({ db, organizationId, shopIds })) {
    const list = versions.get(row.shopId) ?? [];
    list.push({ effectiveFrom: row.effectiveFrom, overrides: row.overrides as SettingsOverride });
    versions.set(row.shopId, list);
  }
  return versions;
};

/** The index of the version in force on `on` (YYYY-MM-DD) in an oldest-first list; -1: none yet. */
const indexOn = (versions: ShopOverrideVersion[], on: string): number =>
  versions.findLastIndex((version) => version.effectiveFrom <= on);

/** The version in force on `on` (YYYY-MM-DD): the latest effective by then, if any. */
export const versionOn = (
  versions: ShopOverrideVersion[] | undefined,
  on: string,
): ShopOverrideVersion | undefined => (versions ? versions[indexOn(versions, on)] : undefined);

/** Each shop's overrides in force on `on` (YYYY-MM-DD). */
export const overridesOn = (
  versions: Map<string, ShopOverrideVersion[]>,
  on: string,
): Map<string, SettingsOverride> => {
  const inForce = new Map<string, SettingsOverride>();
  for (const [shopId, list] of versions) {
    const version = versionOn(list, on);
    if (version) inForce.set(shopId, version.overrides);
  }
  return inForce;
};

/** One engine run of a recompute: the days to compute per shop, and each shop's overrides. */
export type SettingsPass = { days: Map<string, number[]>; overrides: Map<string, SettingsOverride> };

/**
 * Splits the days to recompute (per shop id) at the shops' version boundaries: pass k holds the
 * k-th run of days of every shop that share one version, so no stored day is computed with the
 * settings of another day. Shops without versions need one pass, as before.
 */
export const settingsPasses = (
  needed: Map<string, number[]>,
  versions: Map<string, ShopOverrideVersion[]>,
): SettingsPass[] => {
  const passes: SettingsPass[] = [];
  for (const [shopId, days] of needed) {
    const list = versions.get(shopId) ?? [];
    let run = -1;
    let current: number | undefined;
    for (const day of [...days].sort((a, b) => a - b)) {
      const index = indexOn(list, dayToText(day));
      if (index !== current) {
        run += 1;
        current = index;
      }
      let pass = passes[run];
      if (!pass) {
        pass = { days: new Map(), overrides: new Map() };
        passes.push(pass);
      }
      const runDays = pass.days.get(shopId);
      if (runDays) runDays.push(day);
      else pass.days.set(shopId, [day]);
      const version = list[index];
      if (version) pass.overrides.set(shopId, version.overrides);
    }
  }
  return passes;
};
