import { dayToText, localDay, resolveSettings } from '../../domain/metrics/index.js';
import { isPlatform } from '../../domain/shared/index.js';
import {
  columnSynonyms,
  type FilePreview,
  fieldNamedBy,
  previewFile,
  type RecordKind,
  suggestMapping,
} from '../../io/records/index.js';
import type { Db } from '../../store/database.js';
import {
  listImportMappingPresets,
  saveImportMappingPreset as savePresetRow,
} from '../../store/import-mapping-presets.repository.js';
import { listShops, type ShopRecord } from '../../store/shops.repository.js';
import { AppError, type Actor, recordAudit } from '../accounts/index.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { loadPresets } from '../metrics/metrics.settings.js';
import { metricsStoreErrors } from './metrics-store.errors.js';
import { loadShopOverrides, versionOn } from './metrics-store.overrides.js';
import type { MetricsStoreDeps } from './metrics-store.types.js';

// 列映射: shops' own exports name their columns their own way. The user maps each header to a
// field (header → field), and the mapping is saved per shop and kind as a preset that later
// imports of that shop start from. （不导入）: a header mapped to "" is not imported, and the field
// its name stands for gets no column instead of falling back to that header by the synonyms. The
// readers and the preset keep this as field → "" (a field without a column).

/** header → field, as the user (or the shop's preset) maps them; "" = （不导入）. */
export type HeaderMapping = Record<string, string>;

export type MappingPresetView = {
  shopId: string;
  shopName: string;
  kind: RecordKind;
  mapping: HeaderMapping;
  updatedAt: string;
};

const invalid = (message: string, path: string) =>
  new AppError('validation.failed', message, [{ path, message }]);

/**
 * Checks a header → field mapping against the kind's fields and turns it into the readers'
 * field → header. Unknown fields and a field fed by two headers are refused, each named. A header
 * mapped to "" leaves the field it names without a column (field → ""), unless another header
 * is chosen for that field; a header that names no field is simply not imported.
 */
export const columnsOf = (kind: RecordKind, mapping: HeaderMapping, path: string): Record<string, string> => {
  const fields = columnSynonyms[kind].map((spec) => spec.field);
  const columns: Record<string, string> = {};
  const ignored: string[] = [];
  for (const [header, field] of Object.entries(mapping)) {
    if (field === '') {
      ignored.push(header);
      continue;
    }
    if (!fields.includes(field))
      throw invalid(
        `列「${header}」映射到未知字段 ${field}（可选：${fields.join('、')}）`,
        `${path}.${header}`,
      );
    const other = columns[field];
    if (other !== undefined)
      throw invalid(`字段 ${field} 同时对应了列「${other}」和「${header}」，只能选一列`, `${path}.${header}`);
    columns[field] = header;
  }
  for (const header of ignored) {
    const field = fieldNamedBy(kind, header);
    if (field !== undefined && columns[field] === undefined) columns[field] = '';
  }
  return columns;
};

/**
 * field → header back to header → field. A field without a column shows as the file's header
 * that names it, mapped to "", or (outside a file, or when that header feeds another field) as
 * its own name mapped to "" — which `columnsOf` reads back the same.
 */
const headerMappingOf = (
  columns: Record<string, string>,
  named: Record<string, string> = {},
): HeaderMapping => {
  const mapping: HeaderMapping = {};
  for (const [field, header] of Object.entries(columns)) if (header !== '') mapping[header] = field;
  for (const [field, header] of Object.entries(columns)) {
    if (header !== '') continue;
    const shown = named[field];
    const key = shown !== undefined && mapping[shown] === undefined ? shown : field;
    if (mapping[key] === undefined) mapping[key] = '';
  }
  return mapping;
};

/** The field → header columns of a shop's saved preset for a kind, if it has one. */
export const presetColumns = async ({
  db,
  actor,
  shopId,
  kind,
}: {
  db: Db;
  actor: Actor;
  shopId: string;
  kind: RecordKind;
}): Promise<Record<string, string> | undefined> => {
  const [row] = await listImportMappingPresets({ db, organizationId: actor.organizationId, shopId, kind });
  return row?.columns;
};

const fixedZone = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

/**
 * The zone that times written without an offset are read in: the 店铺时区 of the shop's metrics
 * settings in force today. A file of several shops is read in their common zone; when they
 * differ, in Asia/Shanghai (choosing the shop makes the zone its own).
 */
export const importTimeZone = async ({
  db,
  clock,
  actor,
  shops,
}: MetricsStoreDeps & { shops: ShopRecord[] }): Promise<string> => {
  const presets = await loadPresets();
  const versions = await loadShopOverrides({
    db,
    organizationId: actor.organizationId,
    shopIds: shops.map((shop) => shop.id),
  });
  // Shops are in China: "today" is the Asia/Shanghai day, as in the settings view.
  const today = dayToText(localDay(clock.now().getTime(), 8 * 3_600_000));
  const zones = new Set<number>();
  for (const shop of shops) {
    if (!isPlatform(shop.platform)) continue;
    const override = versionOn(versions.get(shop.id), today)?.overrides;
    zones.add(
      resolveSettings({ presets, platform: shop.platform, on: today, override }).timeZoneOffsetMinutes,
    );
  }
  const [only] = zones;
  return zones.size === 1 && only !== undefined ? fixedZone(only) : 'Asia/Shanghai';
};

/** The organisation's saved presets with their shops' names. */
export const listMappingPresets = async ({
  db,
  actor,
}: Omit<MetricsStoreDeps, 'clock'>): Promise<MappingPresetView[]> => {
  authorize(actor, 'metrics.import');
  const shops = new Map(
    (await listShops({ db, organizationId: actor.organizationId })).map((shop) => [shop.id, shop.name]),
  );
  const rows = await listImportMappingPresets({ db, organizationId: actor.organizationId });
  return rows.map((row) => ({
    shopId: row.shopId,
    shopName: shops.get(row.shopId) ?? '',
    kind: row.kind as RecordKind,
    mapping: headerMappingOf(row.columns),
    updatedAt: row.updatedAt.toISOString(),
  }));
};

const shopOf = async (db: Db, actor: Actor, shopId: string) => {
  const shop = (await listShops({ db, organizationId: actor.organizationId })).find(
    (one) => one.id === shopId,
  );
  if (!shop) throw metricsStoreErrors.shopNotFound();
  return shop;
};

/** Saves (or replaces) a shop's preset for a kind; audited. */
export const saveMappingPreset = async ({
  db,
  clock,
  actor,
  shopId,
  kind,
  mapping,
  path = 'body.mapping',
}: MetricsStoreDeps & { shopId: string; kind: RecordKind; mapping: HeaderMapping; path?: string }) => {
  authorize(actor, 'metrics.import');
  const shop = await shopOf(db, actor, shopId);
  const columns = columnsOf(kind, mapping, path);
  await savePresetRow({
    db,
    preset: {
      organizationId: actor.organizationId,
      shopId,
      kind,
      columns,
      updatedBy: actor.userId,
      updatedAt: clock.now(),
    },
  });
  await recordAudit({
    db,
    clock,
    actor,
    action: 'metrics.mapping_saved',
    target: shopId,
    details: { shop: shop.name, kind, mapping },
  });
};

export type ImportPreview = Omit<FilePreview, 'suggestedMapping'> & {
  /** Every field of the kind, in order, and whether a file must have it. */
  fields: { field: string; required: boolean }[];
  /** header → field from the synonyms alone. */
  suggested: HeaderMapping;
  /** The shop's saved preset (null: none, or no shop chosen). */
  preset: HeaderMapping | null;
  /** What the mapping step starts from: the preset's headers the file has, then the suggestion. */
  mapping: HeaderMapping;
};

/**
 * Reads the start of an upload: its headers, a few rows and the mapping to start from (the
 * shop's preset, then header synonyms), with the problems that mapping leaves (a required field
 * without a column, bad values in the sample), read in the shop's time zone.
 */
export const previewImport = async ({
  db,
  clock,
  actor,
  kind,
  file,
  bytes,
  shopId,
  mapping,
}: MetricsStoreDeps & {
  kind: RecordKind;
  /** The upload's name (its extension picks the format) and its bytes. */
  file: string;
  bytes: Uint8Array;
  shopId?: string;
  mapping?: HeaderMapping;
}): Promise<ImportPreview> => {
  authorize(actor, 'metrics.import');
  const shops = await listShops({ db, organizationId: actor.organizationId });
  const shop = shopId ? await shopOf(db, actor, shopId) : undefined;
  const saved = shop ? await presetColumns({ db, actor, shopId: shop.id, kind }) : undefined;
  const timeZone = await importTimeZone({ db, clock, actor, shops: shop ? [shop] : shops });
  const chosen = mapping ? columnsOf(kind, mapping, 'body.mapping') : undefined;
  const constants = shop ? { shop: shop.name, platform: shop.platform } : undefined;
  const read = async (columns: Record<string, string> | undefined) =>
    previewFile({
      file,
      // Read twice at most (headers first, then with the preset): a fresh stream each time.
      source: (async function* () {
        yield bytes;
      })(),
      kind,
      timeZone,
      mapping: { ...(columns ? { columns } : {}), ...(constants ? { constants } : {}) },
    });
  // The headers are needed to know which of the preset's columns this file has.
  const first = await read(chosen);
  const suggestedColumns = suggestMapping(kind, first.headers);
  const startColumns = chosen ?? startingColumns(first.headers, saved, suggestedColumns);
  const preview = chosen || !saved ? first : await read(startColumns);
  const { suggestedMapping: _unused, ...rest } = preview;
  return {
    ...rest,
    fields: columnSynonyms[kind].map(({ field, required }) => ({ field, required })),
    suggested: headerMappingOf(suggestedColumns),
    preset: saved ? headerMappingOf(saved) : null,
    mapping: headerMappingOf(startColumns, suggestedColumns),
  };
};

/**
 * The preset's columns the file has and its fields without a column, then the suggestion for
 * fields (and headers) still free.
 */
const startingColumns = (
  headers: readonly string[],
  saved: Record<string, string> | undefined,
  suggested: Record<string, string>,
): Record<string, string> => {
  const columns: Record<string, string> = {};
  for (const [field, header] of Object.entries(saved ?? {}))
    if (header === '' || headers.includes(header)) columns[field] = header;
  const taken = new Set(Object.values(columns));
  for (const [field, header] of Object.entries(suggested))
    if (columns[field] === undefined && !taken.has(header)) columns[field] = header;
  return columns;
};
