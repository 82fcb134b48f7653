import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// 标注样本 of a shop: a label may name the shop's own rules (店铺自定义规则), and the engine's verdict
// on it is then the shop's (its platform's rules, its settings in force). Without a shop an example
// is judged by the built-in library on every platform, as before. `source` tells a reply labelled
// from scratch ('manual') from one a reviewer saved from a finding ('finding').

export const inspectionExampleShopsMigration: Migration = {
  name: '0012-inspection-example-shops',
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .alterTable('inspection_examples')
      .addColumn('shop_id', 'uuid', (col) => col.references('shops.id').onDelete('cascade'))
      .addColumn('source', 'text', (col) => col.notNull().defaultTo('manual'))
      .execute();
    await db.schema
      .alterTable('inspection_examples')
      .addCheckConstraint('inspection_examples_source_check', sql`source in ('manual', 'finding')`)
      .execute();
  },
  down: async (db) => {
    await db.schema
      .alterTable('inspection_examples')
      .dropConstraint('inspection_examples_source_check')
      .execute();
    await db.schema.alterTable('inspection_examples').dropColumn('source').dropColumn('shop_id').execute();
  },
};
