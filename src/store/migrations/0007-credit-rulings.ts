import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// A supervisor's ruling on who is credited with an order (落实客服改判): one of the sub-accounts
// that served the buyer, or nobody (agent null). One ruling per order; every change is audited.

export const creditRulingsMigration: Migration = {
  name: '0007-credit-rulings',
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('credit_rulings')
      .addColumn('organization_id', 'uuid', (col) =>
        col.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('shop_id', 'uuid', (col) => col.notNull().references('shops.id').onDelete('cascade'))
      .addColumn('order_id', 'text', (col) => col.notNull())
      .addColumn('agent', 'text')
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('credit_rulings_pk', ['shop_id', 'order_id'])
      .execute();
  },
  down: async (db) => {
    await db.schema.dropTable('credit_rulings').execute();
  },
};
