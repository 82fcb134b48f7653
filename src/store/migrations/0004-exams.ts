import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { Migration } from './migration.types.js';

// Online exams (考试). A paper (试卷) is a reusable spec; an exam (考试场次) snapshots the spec and the
// question pool at creation, so editing the paper or the bank later never changes a running exam.
// An attempt pins the questions (id + version) it drew; answers are saved with a revision so a
// stale write from a slow network never overwrites a newer one.

const id = sql`gen_random_uuid()`;
const now = sql`now()`;
const organization = (col: ColumnDefinitionBuilder) =>
  col.notNull().references('organizations.id').onDelete('cascade');

const createPaperTables = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('papers')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', organization)
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('spec', 'jsonb', (col) => col.notNull())
    // The data/papers file a built-in paper came from, so seeding on every start adds it once.
    .addColumn('builtin_id', 'text')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('archived_at', 'timestamptz')
    .addUniqueConstraint('papers_organization_builtin_unique', ['organization_id', 'builtin_id'])
    .execute();
  await db.schema
    .createTable('exams')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', organization)
    .addColumn('paper_id', 'uuid', (col) => col.notNull().references('papers.id').onDelete('restrict'))
    .addColumn('title', 'text', (col) => col.notNull())
    // { spec, pool: [{ questionId, version }] } as they were when the exam was created.
    .addColumn('paper', 'jsonb', (col) => col.notNull())
    .addColumn('opens_at', 'timestamptz', (col) => col.notNull())
    .addColumn('closes_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addCheckConstraint('exams_window_check', sql`closes_at > opens_at`)
    .execute();
  await db.schema.createIndex('exams_organization_idx').on('exams').column('organization_id').execute();
  await db.schema
    .createTable('exam_assignees')
    .addColumn('exam_id', 'uuid', (col) => col.notNull().references('exams.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('exam_assignees_pk', ['exam_id', 'user_id'])
    .execute();
  await db.schema.createIndex('exam_assignees_user_idx').on('exam_assignees').column('user_id').execute();
};

const createAttemptTables = async (db: Kysely<unknown>) => {
  await db.schema
    .createTable('attempts')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('organization_id', 'uuid', organization)
    .addColumn('exam_id', 'uuid', (col) => col.notNull().references('exams.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('seed', 'integer', (col) => col.notNull())
    .addColumn('questions', 'jsonb', (col) => col.notNull())
    .addColumn('started_at', 'timestamptz', (col) => col.notNull())
    .addColumn('deadline_at', 'timestamptz', (col) => col.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'text', (col) => col.check(sql`submitted_by in ('candidate', 'deadline')`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('active', 'submitted')`))
    .addColumn('score', 'real')
    .addColumn('max_score', 'real', (col) => col.notNull())
    .addColumn('passed', 'boolean')
    .addColumn('needs_review', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('graded_at', 'timestamptz')
    .addUniqueConstraint('attempts_exam_user_number_unique', ['exam_id', 'user_id', 'number'])
    .execute();
  // One active attempt per candidate and exam, whatever the number of windows or servers.
  await sql`create unique index attempts_one_active_idx on attempts (exam_id, user_id) where status = 'active'`.execute(
    db,
  );
  // The sweeper's scan: active attempts by deadline.
  await sql`create index attempts_active_deadline_idx on attempts (deadline_at) where status = 'active'`.execute(
    db,
  );
  await db.schema.createIndex('attempts_user_idx').on('attempts').column('user_id').execute();
  await db.schema
    .createTable('attempt_answers')
    .addColumn('attempt_id', 'uuid', (col) => col.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('answer', 'jsonb')
    // 0 = never saved by the candidate (a row written by grading for an unanswered question).
    .addColumn('revision', 'integer', (col) => col.notNull())
    .addColumn('flagged', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('saved_at', 'timestamptz')
    .addColumn('auto_score', 'real')
    .addColumn('score', 'real')
    .addColumn('max_score', 'real')
    .addColumn('needs_review', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('reviewed_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('feedback', 'text')
    .addPrimaryKeyConstraint('attempt_answers_pk', ['attempt_id', 'key'])
    .execute();
  await sql`create index attempt_answers_pending_idx on attempt_answers (attempt_id) where needs_review and reviewed_at is null`.execute(
    db,
  );
  await db.schema
    .createTable('attempt_events')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(id))
    .addColumn('attempt_id', 'uuid', (col) => col.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('blur', 'focus', 'reload')`))
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('attempt_events_attempt_idx')
    .on('attempt_events')
    .column('attempt_id')
    .execute();
};

export const examsMigration: Migration = {
  name: '0004-exams',
  up: async (db: Kysely<unknown>) => {
    await createPaperTables(db);
    await createAttemptTables(db);
    await db.schema
      .alterTable('users')
      .addColumn('certified_by_attempt', 'uuid', (col) => col.references('attempts.id').onDelete('set null'))
      .execute();
  },
  down: async (db) => {
    await db.schema.alterTable('users').dropColumn('certified_by_attempt').execute();
    for (const table of [
      'attempt_events',
      'attempt_answers',
      'attempts',
      'exam_assignees',
      'exams',
      'papers',
    ])
      await db.schema.dropTable(table).execute();
  },
};
