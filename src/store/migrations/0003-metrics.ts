import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// KPI records (绩效): chat messages, orders, ratings and JD tickets of an organisation's shops,
// each with its shop-local day (days since 1970-01-01) for period queries. Natural keys make a
// re-import of the same export a no-op: a message is its shop, buyer, agent, time, sender and text
// (md5), an order its shop and order id (a later export may update payment and refund).

const now = sql`now()`;

const recordColumns = (db: Kysely<unknown>, table: string) =>
  db.schema
    .createTable(table)
    .addColumn('organization_id', 'uuid', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('shop_id', 'uuid', (col) => col.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('day', 'integer', (col) => col.notNull());

const createRecordTables = async (db: Kysely<unknown>) => {
  await recordColumns(db, 'messages')
    // '' when the export has no conversation id, so it can be part of the natural key.
    .addColumn('conversation', 'text', (col) => col.notNull())
    .addColumn('buyer', 'text', (col) => col.notNull())
    .addColumn('agent', 'text', (col) => col.notNull())
    .addColumn('sender', 'text', (col) => col.notNull())
    .addColumn('time', 'timestamptz', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('text_hash', 'text', (col) => col.notNull())
    .addUniqueConstraint('messages_natural_key', ['shop_id', 'buyer', 'agent', 'time', 'sender', 'text_hash'])
    .execute();
  await recordColumns(db, 'orders')
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('buyer', 'text', (col) => col.notNull())
    .addColumn('created', 'timestamptz', (col) => col.notNull())
    .addColumn('paid', 'timestamptz')
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('items', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('refund', 'bigint', (col) => col.notNull())
    .addColumn('shipped', 'timestamptz')
    .addColumn('postage', 'bigint')
    .addColumn('closed_by', 'text')
    .addColumn('sku', 'text')
    .addPrimaryKeyConstraint('orders_pk', ['shop_id', 'order_id'])
    .execute();
  await recordColumns(db, 'ratings')
    .addColumn('conversation', 'text', (col) => col.notNull())
    .addColumn('buyer', 'text', (col) => col.notNull())
    .addColumn('agent', 'text', (col) => col.notNull())
    .addColumn('time', 'timestamptz', (col) => col.notNull())
    .addColumn('stars', 'smallint', (col) => col.notNull().check(sql`stars between 1 and 5`))
    .addUniqueConstraint('ratings_natural_key', ['shop_id', 'buyer', 'agent', 'time', 'conversation'])
    .execute();
  await recordColumns(db, 'tickets')
    .addColumn('ticket', 'text', (col) => col.notNull())
    .addColumn('agent', 'text', (col) => col.notNull())
    .addColumn('applied', 'timestamptz', (col) => col.notNull())
    .addColumn('reviewed', 'timestamptz')
    .addColumn('ready', 'timestamptz')
    .addColumn('resolved', 'timestamptz')
    .addColumn('awaiting_customer', 'boolean', (col) => col.notNull())
    .addColumn('sampled', 'boolean', (col) => col.notNull())
    .addColumn('sample_passed', 'boolean')
    .addPrimaryKeyConstraint('tickets_pk', ['shop_id', 'ticket'])
    .execute();
  for (const table of ['messages', 'orders', 'ratings', 'tickets']) {
    await db.schema.createIndex(`${table}_shop_day_idx`).on(table).columns(['shop_id', 'day']).execute();
  }
};

export const metricsMigration: Migration = {
  name: '0003-metrics',
  up: async (db: Kysely<unknown>) => {
    await createRecordTables(db);
    await db.schema
      .createTable('import_jobs')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('organization_id', 'uuid', (col) =>
        col.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (col) =>
        col.notNull().check(sql`kind in ('messages', 'orders', 'ratings', 'tickets')`),
      )
      .addColumn('file_name', 'text', (col) => col.notNull())
      .addColumn('mode', 'text', (col) => col.notNull().check(sql`mode in ('reject', 'skip')`))
      .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('done', 'rejected')`))
      .addColumn('rows_read', 'integer', (col) => col.notNull())
      .addColumn('rows_inserted', 'integer', (col) => col.notNull())
      .addColumn('rows_rejected', 'integer', (col) => col.notNull())
      .addColumn('issues', 'jsonb', (col) => col.notNull())
      .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
      .addColumn('finished_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createIndex('import_jobs_organization_idx')
      .on('import_jobs')
      .columns(['organization_id', 'started_at'])
      .execute();
  },
  down: async (db) => {
    for (const table of ['import_jobs', 'tickets', 'ratings', 'orders', 'messages'])
      await db.schema.dropTable(table).execute();
  },
};
