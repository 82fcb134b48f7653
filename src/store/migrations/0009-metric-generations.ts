import type { Kysely } from 'kysely';
import type { Migration } from './migration.types.js';

// A counter per shop, raised whenever something marks the shop's stored KPI days stale (an import,
// a settings version, a credit ruling). A recompute notes it before reading the records and
// compares it when storing: if it moved meanwhile, the days it computed are stored as stale, not
// fresh, so a dashboard read racing an import or a settings save never keeps outdated numbers.

export const metricGenerationsMigration: Migration = {
  name: '0009-metric-generations',
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('metric_generations')
      .addColumn('shop_id', 'uuid', (col) => col.primaryKey().references('shops.id').onDelete('cascade'))
      .addColumn('generation', 'integer', (col) => col.notNull())
      .execute();
  },
  down: async (db) => {
    await db.schema.dropTable('metric_generations').execute();
  },
};
