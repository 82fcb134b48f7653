import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// 列映射预设: a shop's own export headers mapped to Kefu's fields, one preset per shop and record
// kind (e.g. the shop's 千牛聊天记录导出 for messages). Saving again replaces it; the import step
// and `kefu import --shop` fill the mapping from it.

export const importMappingPresetsMigration: Migration = {
  name: '0013-import-mapping-presets',
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('import_mapping_presets')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('organization_id', 'uuid', (col) =>
        col.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('shop_id', 'uuid', (col) => col.notNull().references('shops.id').onDelete('cascade'))
      .addColumn('kind', 'text', (col) =>
        col.notNull().check(sql`kind in ('messages', 'orders', 'ratings', 'tickets')`),
      )
      // { field: header } (ColumnMapping.columns)
      .addColumn('columns', 'jsonb', (col) => col.notNull())
      .addColumn('updated_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('import_mapping_presets_shop_kind_unique', ['shop_id', 'kind'])
      .execute();
  },
  down: async (db) => {
    await db.schema.dropTable('import_mapping_presets').execute();
  },
};
