import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// Shop metric settings (店铺绩效设置): a shop's own thresholds, windows and credit policy on top of
// the presets (data/settings/metrics.presets.json), in the shape of a `kefu metrics --settings`
// file's per-shop entry. Each row is a version that applies from its shop-local day on; saving the
// same day again replaces it. The same idea as 0005's shop_rule_settings for 质检.

export const shopMetricSettingsMigration: Migration = {
  name: '0008-shop-metric-settings',
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('shop_metric_settings')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('organization_id', 'uuid', (col) =>
        col.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('shop_id', 'uuid', (col) => col.notNull().references('shops.id').onDelete('cascade'))
      .addColumn('effective_from', 'text', (col) =>
        col.notNull().check(sql`effective_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
      )
      // { slowThresholdSec?, attribution?, credit?: { mode?, pick? }, … } (SettingsOverride)
      .addColumn('overrides', 'jsonb', (col) => col.notNull())
      .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('shop_metric_settings_effective_unique', [
        'organization_id',
        'shop_id',
        'effective_from',
      ])
      .execute();
  },
  down: async (db) => {
    await db.schema.dropTable('shop_metric_settings').execute();
  },
};
