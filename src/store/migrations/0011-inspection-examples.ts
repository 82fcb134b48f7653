import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// 标注样本: agent replies a trainer or reviewer labels by hand (the rules each breaks, none when
// compliant), with the buyer's message when the label depends on it. With the reviewed findings
// they export as the evaluation set's lines (学习闭环), so the rule library is measured against the
// shop's own chats and the set grows with every tricky case someone meets.

export const inspectionExamplesMigration: Migration = {
  name: '0011-inspection-examples',
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('inspection_examples')
      .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('organization_id', 'uuid', (col) =>
        col.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('agent', 'text', (col) => col.notNull())
      .addColumn('buyer', 'text')
      // ["offsite_contact", …]; [] = compliant
      .addColumn('rules', 'jsonb', (col) => col.notNull())
      .addColumn('note', 'text', (col) => col.notNull())
      .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('inspection_examples_organization')
      .on('inspection_examples')
      .columns(['organization_id', 'created_at'])
      .execute();
  },
  down: async (db) => {
    await db.schema.dropTable('inspection_examples').execute();
  },
};
