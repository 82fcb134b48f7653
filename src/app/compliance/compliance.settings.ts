import type { CustomRule, ShopOverrides } from '../../domain/rules/index.js';
import type { Db } from '../../store/database.js';
import { listShopSettings, type ShopSettingsRecord } from '../../store/inspection-settings.repository.js';
import type { KeyedOverrides } from './compliance.library.js';

// A shop's rule settings (店铺质检设置) are kept as versions, each a full set of overrides that
// applies from its day on. Both the live check and bulk inspection judge a chat by the version in
// force on the chat's (shop-local) day.

export type ShopSettingsVersion = {
  id: string;
  shopId: string;
  effectiveFrom: string;
  rules: NonNullable<ShopOverrides['rules']>;
  custom: CustomRule[];
  createdBy: string | null;
  createdAt: Date;
};

export const toSettingsVersion = (row: ShopSettingsRecord): ShopSettingsVersion => ({
  id: row.id,
  shopId: row.shopId,
  effectiveFrom: row.effectiveFrom,
  rules: row.rules as ShopSettingsVersion['rules'],
  custom: row.custom as CustomRule[],
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/** The version in force on `day` (YYYY-MM-DD) from a shop's versions in date order, as keyed overrides. */
export const settingsInForce = (versions: ShopSettingsVersion[], day: string): KeyedOverrides | undefined => {
  let found: ShopSettingsVersion | undefined;
  for (const version of versions) if (version.effectiveFrom <= day) found = version;
  if (!found) return undefined;
  // Saving the same day again rewrites the row, so its time is part of the key.
  return {
    key: `${found.id}@${found.createdAt.getTime()}`,
    overrides: { rules: found.rules, custom: found.custom },
  };
};

/** Every settings version of the shops, per shop, oldest first. */
export const loadSettingsVersions = async ({
  db,
  organizationId,
  shopIds,
}: {
  db: Db;
  organizationId: string;
  shopIds: string[];
}): Promise<Map<string, ShopSettingsVersion[]>> => {
  const byShop = new Map<string, ShopSettingsVersion[]>(shopIds.map((id) => [id, []]));
  for (const row of await listShopSettings({ db, organizationId, shopIds }))
    byShop.get(row.shopId)?.push(toSettingsVersion(row));
  return byShop;
};
