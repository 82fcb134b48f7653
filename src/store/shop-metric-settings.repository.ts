import type { Db } from './database.js';

// Shop metric settings (店铺绩效设置): one row per shop and day it takes effect.

export type ShopMetricSettingsRecord = {
  shopId: string;
  effectiveFrom: string;
  overrides: unknown;
  createdBy: string | null;
  /** The display name of the user who saved it (null: the CLI, or a deleted user). */
  createdByName: string | null;
  createdAt: Date;
};

/** Every settings version of some shops of the organisation, oldest first per shop. */
export const listShopMetricSettings = async ({
  db,
  organizationId,
  shopIds,
}: {
  db: Db;
  organizationId: string;
  shopIds: string[];
}): Promise<ShopMetricSettingsRecord[]> =>
  shopIds.length === 0
    ? []
    : db
        .selectFrom('shopMetricSettings')
        .leftJoin('users', 'users.id', 'shopMetricSettings.createdBy')
        .select([
          'shopMetricSettings.shopId',
          'shopMetricSettings.effectiveFrom',
          'shopMetricSettings.overrides',
          'shopMetricSettings.createdBy',
          'users.displayName as createdByName',
          'shopMetricSettings.createdAt',
        ])
        .where('shopMetricSettings.organizationId', '=', organizationId)
        .where('shopMetricSettings.shopId', 'in', shopIds)
        .orderBy('shopMetricSettings.shopId')
        .orderBy('shopMetricSettings.effectiveFrom')
        .execute();

/** Saves the overrides that apply from `effectiveFrom`; saving the same day again replaces them. */
export const saveShopMetricSettings = async ({
  db,
  settings,
}: {
  db: Db;
  settings: {
    organizationId: string;
    shopId: string;
    effectiveFrom: string;
    overrides: unknown;
    createdBy: string | null;
    createdAt: Date;
  };
}): Promise<void> => {
  const overrides = JSON.stringify(settings.overrides);
  await db
    .insertInto('shopMetricSettings')
    .values({ ...settings, overrides })
    .onConflict((oc) =>
      oc.constraint('shop_metric_settings_effective_unique').doUpdateSet({
        overrides,
        createdBy: settings.createdBy,
        createdAt: settings.createdAt,
      }),
    )
    .execute();
};
