import { type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// 质检评分表 history and archiving. Every saved version of a sheet is kept (title and items as they
// were), so a sample scored on version 2 still shows the item names it was scored against after
// the sheet is reworded. A sheet in use cannot be deleted; archiving hides it from new draws
// (抽检) while its samples and scores stay.

export const scoreSheetVersionsMigration: Migration = {
  name: '0010-score-sheet-versions',
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('score_sheet_versions')
      .addColumn('sheet_id', 'uuid', (col) => col.notNull().references('score_sheets.id').onDelete('cascade'))
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('items', 'jsonb', (col) => col.notNull())
      .addColumn('saved_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('saved_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('score_sheet_versions_pk', ['sheet_id', 'version'])
      .execute();
    // Sheets saved before this migration keep their current version as their history.
    await sql`insert into score_sheet_versions (sheet_id, version, title, items, saved_by, saved_at)
      select id, version, title, items, created_by, updated_at from score_sheets`.execute(db);
    await db.schema.alterTable('score_sheets').addColumn('archived_at', 'timestamptz').execute();
  },
  down: async (db) => {
    await db.schema.alterTable('score_sheets').dropColumn('archived_at').execute();
    await db.schema.dropTable('score_sheet_versions').execute();
  },
};
