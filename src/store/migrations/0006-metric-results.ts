import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// Materialised KPI results (绩效). The engine's summable parts are kept per agent and shop-local
// day, so a dashboard rolls stored parts up instead of re-reading a month of chats. A result day
// is fresh until an import adds records that can change it (its look-back and attribution
// windows) or the settings it was computed with change; then it is recomputed on the next read.
// When a recompute changes a day that had been reported, the change is logged (重述 restatement).

const owned = (db: Kysely<unknown>, table: string) =>
  db.schema
    .createTable(table)
    .addColumn('organization_id', 'uuid', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('shop_id', 'uuid', (col) => col.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('day', 'integer', (col) => col.notNull());

export const metricResultsMigration: Migration = {
  name: '0006-metric-results',
  up: async (db: Kysely<unknown>) => {
    await owned(db, 'metric_days')
      .addColumn('settings_hash', 'text', (col) => col.notNull())
      .addColumn('stale', 'boolean', (col) => col.notNull())
      .addColumn('computed_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('metric_days_pk', ['shop_id', 'day'])
      .execute();
    await owned(db, 'metric_agent_days')
      .addColumn('agent', 'text', (col) => col.notNull())
      .addColumn('parts', 'jsonb', (col) => col.notNull())
      .addPrimaryKeyConstraint('metric_agent_days_pk', ['shop_id', 'day', 'agent'])
      .execute();
    await owned(db, 'metric_shop_days')
      .addColumn('parts', 'jsonb', (col) => col.notNull())
      .addPrimaryKeyConstraint('metric_shop_days_pk', ['shop_id', 'day'])
      .execute();
    await owned(db, 'metric_restatements')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('agent', 'text', (col) => col.notNull())
      .addColumn('metric', 'text', (col) => col.notNull())
      .addColumn('before', 'double precision', (col) => col.notNull())
      .addColumn('after', 'double precision', (col) => col.notNull())
      .addColumn('reported_at', 'timestamptz', (col) => col.notNull())
      .addColumn('restated_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('metric_restatements_organization_idx')
      .on('metric_restatements')
      .columns(['organization_id', 'restated_at'])
      .execute();
  },
  down: async (db) => {
    for (const table of ['metric_restatements', 'metric_shop_days', 'metric_agent_days', 'metric_days'])
      await db.schema.dropTable(table).execute();
  },
};
