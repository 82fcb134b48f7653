import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// Organisations, shops, sub-accounts, teams, users, sessions, login attempts and the audit log.
// Everything hangs off an organisation with ON DELETE CASCADE, so wiping the demo is one delete.

const id = sql`gen_random_uuid()`;
const now = sql`now()`;

const createOrganizationTables = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('demo', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('shops')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('platform', 'text', (col) =>
      col.notNull().check(sql`platform in ('tmall', 'taobao', 'pdd', 'jd', 'douyin')`),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('time_zone', 'text', (col) => col.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('sub_accounts')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('shop_id', 'uuid', (col) => col.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('sub_accounts_shop_name_unique', ['shop_id', 'name'])
    .execute();
  await db.schema
    .createTable('teams')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('teams_organization_name_unique', ['organization_id', 'name'])
    .execute();
};

const createUserTables = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('login', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('admin', 'supervisor', 'agent')`))
    .addColumn('team_id', 'uuid', (col) => col.references('teams.id').onDelete('set null'))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('disabled', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('certified_at', 'timestamptz')
    .addColumn('must_change_password', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('users_organization_idx').on('users').column('organization_id').execute();
  await db.schema
    .createTable('user_sub_accounts')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sub_account_id', 'uuid', (col) =>
      col.notNull().references('sub_accounts.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('user_sub_accounts_pk', ['user_id', 'sub_account_id'])
    .execute();
};

const createAuthTables = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('ip', 'text')
    .execute();
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('login', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('success', 'boolean', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempts_login_at_idx')
    .on('login_attempts')
    .columns(['login', 'at'])
    .execute();
  await db.schema
    .createIndex('login_attempts_ip_at_idx')
    .on('login_attempts')
    .columns(['ip', 'at'])
    .execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.references('organizations.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('target', 'text')
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('ip', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_organization_at_idx')
    .on('audit_log')
    .columns(['organization_id', 'at'])
    .execute();
};

export const accountsMigration: Migration = {
  name: '0001-accounts',
  up: async (db) => {
    await createOrganizationTables(db);
    await createUserTables(db);
    await createAuthTables(db);
  },
  down: async (db) => {
    for (const table of ['audit_log', 'login_attempts', 'sessions', 'user_sub_accounts', 'users', 'teams']) {
      await db.schema.dropTable(table).execute();
    }
    await db.schema.dropTable('sub_accounts').execute();
    await db.schema.dropTable('shops').execute();
    await db.schema.dropTable('organizations').execute();
  },
};
