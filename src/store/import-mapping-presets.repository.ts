import type { Db } from './database.js';

// 列映射预设: one row per shop and record kind, the shop's header of each field.

export type ImportMappingPresetRecord = {
  shopId: string;
  kind: string;
  /** field → the shop's header */
  columns: Record<string, string>;
  updatedBy: string | null;
  updatedAt: Date;
};

/** The organisation's presets, optionally of one shop and kind, by shop and kind. */
export const listImportMappingPresets = async ({
  db,
  organizationId,
  shopId,
  kind,
}: {
  db: Db;
  organizationId: string;
  shopId?: string;
  kind?: string;
}): Promise<ImportMappingPresetRecord[]> => {
  let query = db
    .selectFrom('importMappingPresets')
    .select(['shopId', 'kind', 'columns', 'updatedBy', 'updatedAt'])
    .where('organizationId', '=', organizationId);
  if (shopId) query = query.where('shopId', '=', shopId);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('shopId').orderBy('kind').execute();
};

/** Saves a shop's preset for a kind; saving again replaces it. */
export const saveImportMappingPreset = async ({
  db,
  preset,
}: {
  db: Db;
  preset: {
    organizationId: string;
    shopId: string;
    kind: string;
    columns: Record<string, string>;
    updatedBy: string | null;
    updatedAt: Date;
  };
}): Promise<void> => {
  const columns = JSON.stringify(preset.columns);
  await db
    .insertInto('importMappingPresets')
    .values({ ...preset, columns })
    .onConflict((oc) =>
      oc.constraint('import_mapping_presets_shop_kind_unique').doUpdateSet({
        columns,
        updatedBy: preset.updatedBy,
        updatedAt: preset.updatedAt,
      }),
    )
    .execute();
};
