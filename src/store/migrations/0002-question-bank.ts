import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// The question bank (题库). `questions` holds one row per question of an organisation with the
// columns filters need; `question_versions` holds every saved content of a question, never
// changed once written, so an exam sitting can pin the exact version its candidates saw.

const now = sql`now()`;

export const questionBankMigration: Migration = {
  name: '0002-question-bank',
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('questions')
      .addColumn('organization_id', 'uuid', (col) =>
        col.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('id', 'text', (col) => col.notNull())
      .addColumn('source', 'text', (col) =>
        col.notNull().check(sql`source in ('builtin', 'imported', 'manual')`),
      )
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('type', 'text', (col) => col.notNull())
      .addColumn('stem', 'text', (col) => col.notNull())
      .addColumn('search_text', 'text', (col) => col.notNull())
      .addColumn('difficulty', 'integer', (col) => col.notNull())
      .addColumn('points', 'real', (col) => col.notNull())
      .addColumn('tags', 'jsonb', (col) => col.notNull())
      .addColumn('content_hash', 'text', (col) => col.notNull())
      // Hash of the built-in content last seeded, so a re-seed can tell a bank update from a local edit.
      .addColumn('builtin_hash', 'text')
      .addColumn('deleted_at', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
      .addPrimaryKeyConstraint('questions_pk', ['organization_id', 'id'])
      .execute();
    await db.schema
      .createTable('question_versions')
      .addColumn('organization_id', 'uuid', (col) => col.notNull())
      .addColumn('question_id', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('body', 'jsonb', (col) => col.notNull())
      .addColumn('content_hash', 'text', (col) => col.notNull())
      .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
      .addPrimaryKeyConstraint('question_versions_pk', ['organization_id', 'question_id', 'version'])
      .addForeignKeyConstraint(
        'question_versions_question_fk',
        ['organization_id', 'question_id'],
        'questions',
        ['organization_id', 'id'],
        (constraint) => constraint.onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('questions_organization_type_idx')
      .on('questions')
      .columns(['organization_id', 'type'])
      .execute();
  },
  down: async (db) => {
    await db.schema.dropTable('question_versions').execute();
    await db.schema.dropTable('questions').execute();
  },
};
