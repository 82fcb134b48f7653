import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// Bulk inspection (质检). A run judges the stored chats of a period; its findings are keyed by what
// they are about (shop, conversation, message time, rule, offset), not by the run, so running the
// same period again updates them in place and a reviewer's confirm/dismiss/appeal survives.
// Shop rule settings are versioned by the day they take effect: a chat is judged by the settings in
// force on its day. Score sheets (质检评分表) and samples (抽检) are the manual side of inspection.

const id = sql`gen_random_uuid()`;
const now = sql`now()`;
const organization = (col: ColumnDefinitionBuilder) =>
  col.notNull().references('organizations.id').onDelete('cascade');
const user = (col: ColumnDefinitionBuilder) => col.references('users.id').onDelete('set null');
const isoDay = (column: string) => sql.raw(`${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`);

const findingStatuses = `('open', 'confirmed', 'dismissed', 'appealed', 'appeal_upheld', 'appeal_rejected')`;

const createRuns = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('inspection_runs')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', organization)
    // null = every shop of the organisation
    .addColumn('shop_id', 'uuid', (col) => col.references('shops.id').onDelete('cascade'))
    .addColumn('from_day', 'integer', (col) => col.notNull())
    .addColumn('to_day', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('running', 'done', 'failed')`))
    .addColumn('messages_total', 'integer', (col) => col.notNull())
    .addColumn('messages_checked', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('findings_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_by', 'uuid', user)
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('finished_at', 'timestamptz')
    .addCheckConstraint('inspection_runs_period_check', sql`from_day <= to_day`)
    .execute();
  await db.schema
    .createIndex('inspection_runs_organization_idx')
    .on('inspection_runs')
    .columns(['organization_id', 'started_at'])
    .execute();
};

const createFindings = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('findings')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', organization)
    .addColumn('run_id', 'uuid', (col) => col.references('inspection_runs.id').onDelete('set null'))
    .addColumn('shop_id', 'uuid', (col) => col.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('day', 'integer', (col) => col.notNull())
    .addColumn('conversation', 'text', (col) => col.notNull())
    .addColumn('buyer', 'text', (col) => col.notNull())
    .addColumn('agent', 'text', (col) => col.notNull())
    .addColumn('message_time', 'timestamptz', (col) => col.notNull())
    .addColumn('message_text_hash', 'text', (col) => col.notNull())
    .addColumn('rule_id', 'text', (col) => col.notNull())
    .addColumn('rule_version', 'integer', (col) => col.notNull())
    .addColumn('rule_title', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('points', 'real', (col) => col.notNull())
    .addColumn('start', 'integer', (col) => col.notNull())
    .addColumn('end', 'integer', (col) => col.notNull())
    .addColumn('evidence', 'text', (col) => col.notNull())
    // The order an order-fact finding (promised ship time, 包邮, closed by the shop) is about.
    .addColumn('order_id', 'text')
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('open')
        .check(sql.raw(`status in ${findingStatuses}`)),
    )
    .addColumn('dismiss_reason', 'text')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'uuid', user)
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('appeal_text', 'text')
    .addColumn('appealed_by', 'uuid', user)
    .addColumn('appealed_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', user)
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text')
    .addUniqueConstraint('findings_natural_key', [
      'organization_id',
      'shop_id',
      'conversation',
      'message_time',
      'rule_id',
      'start',
    ])
    .execute();
  await db.schema.createIndex('findings_shop_day_idx').on('findings').columns(['shop_id', 'day']).execute();
  await db.schema
    .createIndex('findings_organization_status_idx')
    .on('findings')
    .columns(['organization_id', 'status', 'day'])
    .execute();
  // Bulk runs read a shop's chats conversation by conversation; the conversation view reads one.
  await db.schema
    .createIndex('messages_conversation_idx')
    .on('messages')
    .columns(['shop_id', 'conversation', 'buyer', 'time'])
    .execute();
};

const createSettingsAndSheets = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('shop_rule_settings')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', organization)
    .addColumn('shop_id', 'uuid', (col) => col.notNull().references('shops.id').onDelete('cascade'))
    // The shop-local day (YYYY-MM-DD) from which this whole set of settings applies.
    .addColumn('effective_from', 'text', (col) => col.notNull().check(isoDay('effective_from')))
    // { ruleId: { enabled?, points? } } and [{ id, title, points?, kind?, words?, patterns?, enabled? }]
    .addColumn('rules', 'jsonb', (col) => col.notNull())
    .addColumn('custom', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'uuid', user)
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('shop_rule_settings_effective_unique', ['shop_id', 'effective_from'])
    .execute();
  await db.schema
    .createTable('score_sheets')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', organization)
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('items', 'jsonb', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', user)
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('samples')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', organization)
    .addColumn('sheet_id', 'uuid', (col) => col.notNull().references('score_sheets.id').onDelete('cascade'))
    .addColumn('shop_id', 'uuid', (col) => col.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('day', 'integer', (col) => col.notNull())
    .addColumn('conversation', 'text', (col) => col.notNull())
    .addColumn('buyer', 'text', (col) => col.notNull())
    .addColumn('agent', 'text', (col) => col.notNull())
    // The sheet version the scores follow (null until scored).
    .addColumn('sheet_version', 'integer')
    .addColumn('scores', 'jsonb')
    .addColumn('total', 'real')
    .addColumn('comment', 'text')
    .addColumn('scored_by', 'uuid', user)
    .addColumn('scored_at', 'timestamptz')
    .addColumn('created_by', 'uuid', user)
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    // Drawing the same period again finds the same conversations; each is sampled once per sheet.
    .addUniqueConstraint('samples_conversation_unique', ['sheet_id', 'shop_id', 'conversation'])
    .execute();
  await db.schema
    .createIndex('samples_organization_idx')
    .on('samples')
    .columns(['organization_id', 'day'])
    .execute();
};

export const inspectionMigration: Migration = {
  name: '0005-inspection',
  up: async (db: Kysely<unknown>) => {
    await createRuns(db);
    await createFindings(db);
    await createSettingsAndSheets(db);
  },
  down: async (db) => {
    await db.schema.dropIndex('messages_conversation_idx').execute();
    for (const table of ['samples', 'score_sheets', 'shop_rule_settings', 'findings', 'inspection_runs'])
      await db.schema.dropTable(table).execute();
  },
};
