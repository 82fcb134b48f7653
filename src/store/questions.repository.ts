import { sql } from 'kysely';
import type { Question, QuestionTags, QuestionType } from '../domain/exam/index.js';
import type { Db } from './database.js';

export type QuestionSource = 'builtin' | 'imported' | 'manual';

/** A question's current state as the bank lists it (no answer key). */
export type QuestionSummaryRecord = {
  id: string;
  source: QuestionSource;
  version: number;
  type: QuestionType;
  stem: string;
  difficulty: number;
  points: number;
  tags: QuestionTags;
  updatedAt: Date;
};

/** A question with its full content (answer key included) at one version. */
export type QuestionRecord = QuestionSummaryRecord & { question: Question; contentHash: string };

export type QuestionFilters = {
  type?: QuestionType | undefined;
  /** A value of `tags.rules`, `tags.platforms` or `tags.topics`. */
  tag?: string | undefined;
  difficulty?: number | undefined;
  source?: QuestionSource | undefined;
  /** Text to find in the stem, options, answers or explanation (case-insensitive). */
  text?: string | undefined;
};

/** The bookkeeping columns of a question, used by the seed to tell bank updates from local edits. */
export type QuestionStateRecord = {
  id: string;
  version: number;
  contentHash: string;
  builtinHash: string | null;
  deletedAt: Date | null;
};

const summaryColumns = [
  'questions.id',
  'questions.source',
  'questions.version',
  'questions.type',
  'questions.stem',
  'questions.difficulty',
  'questions.points',
  'questions.tags',
  'questions.updatedAt',
] as const;

type SummaryRow = {
  id: string;
  source: string;
  version: number;
  type: string;
  stem: string;
  difficulty: number;
  points: number;
  tags: QuestionTags | { rules: string[]; platforms: string[]; topics: string[] };
  updatedAt: Date;
};

// Rows were written from validated questions, so their text columns hold the domain's values.
const toSummary = (row: SummaryRow): QuestionSummaryRecord => ({
  ...row,
  source: row.source as QuestionSource,
  type: row.type as QuestionType,
  tags: row.tags as QuestionTags,
  points: Number(row.points),
});

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

const filtered = (db: Db, organizationId: string, filters: QuestionFilters) => {
  let query = db
    .selectFrom('questions')
    .where('questions.organizationId', '=', organizationId)
    .where('questions.deletedAt', 'is', null);
  if (filters.type) query = query.where('questions.type', '=', filters.type);
  if (filters.difficulty) query = query.where('questions.difficulty', '=', filters.difficulty);
  if (filters.source) query = query.where('questions.source', '=', filters.source);
  if (filters.tag) {
    const tag = JSON.stringify(filters.tag);
    query = query.where(
      sql<boolean>`(questions.tags->'rules' @> ${tag}::jsonb or questions.tags->'platforms' @> ${tag}::jsonb or questions.tags->'topics' @> ${tag}::jsonb)`,
    );
  }
  if (filters.text?.trim()) {
    query = query.where('questions.searchText', 'ilike', `%${escapeLike(filters.text.trim())}%`);
  }
  return query;
};

/** One page of the organisation's live questions (newest edits first) and how many match in all. */
export const listQuestions = async ({
  db,
  organizationId,
  filters,
  limit,
  offset,
}: {
  db: Db;
  organizationId: string;
  filters: QuestionFilters;
  limit: number;
  offset: number;
}): Promise<{ questions: QuestionSummaryRecord[]; total: number }> => {
  const rows = await filtered(db, organizationId, filters)
    .select(summaryColumns)
    .orderBy('questions.source')
    .orderBy('questions.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await filtered(db, organizationId, filters)
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count(*) as a bigint string, PGlite as a number.
  return { questions: rows.map(toSummary), total: Number(count.total) };
};

/** A live question with its content at `version` (default: the current one). */
export const findQuestion = async ({
  db,
  organizationId,
  id,
  version,
}: {
  db: Db;
  organizationId: string;
  id: string;
  version?: number | undefined;
}): Promise<QuestionRecord | undefined> => {
  const row = await db
    .selectFrom('questions')
    .innerJoin('questionVersions', (join) =>
      join
        .onRef('questionVersions.organizationId', '=', 'questions.organizationId')
        .onRef('questionVersions.questionId', '=', 'questions.id'),
    )
    .select([...summaryColumns, 'questionVersions.body', 'questionVersions.contentHash'])
    .select('questionVersions.version as bodyVersion')
    .where('questions.organizationId', '=', organizationId)
    .where('questions.id', '=', id)
    .where('questions.deletedAt', 'is', null)
    .where((eb) =>
      version === undefined
        ? eb('questionVersions.version', '=', eb.ref('questions.version'))
        : eb('questionVersions.version', '=', version),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  const { body, contentHash, bodyVersion, ...summary } = row;
  return { ...toSummary(summary), version: bodyVersion, question: body as Question, contentHash };
};

/** Every question of the organisation with its bookkeeping, deleted ones included. */
export const listQuestionStates = async ({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}): Promise<QuestionStateRecord[]> =>
  db
    .selectFrom('questions')
    .select(['id', 'version', 'contentHash', 'builtinHash', 'deletedAt'])
    .where('organizationId', '=', organizationId)
    .execute();

/** Which of `ids` the organisation already uses (deleted questions keep their id). */
export const findTakenQuestionIds = async ({
  db,
  organizationId,
  ids,
}: {
  db: Db;
  organizationId: string;
  ids: string[];
}): Promise<string[]> =>
  ids.length === 0
    ? []
    : (
        await db
          .selectFrom('questions')
          .select('id')
          .where('organizationId', '=', organizationId)
          .where('id', 'in', ids)
          .execute()
      ).map((row) => row.id);

export type QuestionWrite = {
  organizationId: string;
  question: Question;
  searchText: string;
  contentHash: string;
  createdBy: string | null;
  at: Date;
};

const columnsOf = (write: QuestionWrite) => ({
  type: write.question.type,
  stem: write.question.stem,
  searchText: write.searchText,
  difficulty: write.question.difficulty,
  points: write.question.points,
  tags: JSON.stringify(write.question.tags),
  contentHash: write.contentHash,
  updatedAt: write.at,
});

const insertVersion = async (db: Db, write: QuestionWrite, version: number) => {
  await db
    .insertInto('questionVersions')
    .values({
      organizationId: write.organizationId,
      questionId: write.question.id,
      version,
      body: JSON.stringify(write.question),
      contentHash: write.contentHash,
      createdBy: write.createdBy,
      createdAt: write.at,
    })
    .execute();
};

/** Inserts a new question at version 1. */
export const insertQuestion = async ({
  db,
  write,
  source,
  builtinHash = null,
}: {
  db: Db;
  write: QuestionWrite;
  source: QuestionSource;
  builtinHash?: string | null;
}): Promise<void> => {
  await db
    .insertInto('questions')
    .values({
      organizationId: write.organizationId,
      id: write.question.id,
      source,
      version: 1,
      builtinHash,
      createdAt: write.at,
      ...columnsOf(write),
    })
    .execute();
  await insertVersion(db, write, 1);
};

/**
 * Saves `write.question` as the next version of a question (earlier versions stay as they were);
 * returns the new version number.
 */
export const addQuestionVersion = async ({
  db,
  write,
  builtinHash,
}: {
  db: Db;
  write: QuestionWrite;
  builtinHash?: string | undefined;
}): Promise<number> => {
  const row = await db
    .updateTable('questions')
    .set((eb) => ({
      version: eb('version', '+', 1),
      ...columnsOf(write),
      ...(builtinHash === undefined ? {} : { builtinHash }),
    }))
    .where('organizationId', '=', write.organizationId)
    .where('id', '=', write.question.id)
    .returning('version')
    .executeTakeFirstOrThrow();
  await insertVersion(db, write, row.version);
  return row.version;
};

/** Records the built-in content a question was last compared with, without a new version. */
export const setBuiltinHash = async ({
  db,
  organizationId,
  id,
  builtinHash,
}: {
  db: Db;
  organizationId: string;
  id: string;
  builtinHash: string;
}): Promise<void> => {
  await db
    .updateTable('questions')
    .set({ builtinHash })
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .execute();
};

/** Hides a question from the bank; its versions stay for the exams that used them. */
export const softDeleteQuestion = async ({
  db,
  organizationId,
  id,
  at,
}: {
  db: Db;
  organizationId: string;
  id: string;
  at: Date;
}): Promise<boolean> => {
  const result = await db
    .updateTable('questions')
    .set({ deletedAt: at })
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** The current content of every live question matching `filters`, for export. */
export const listQuestionBodies = async ({
  db,
  organizationId,
  filters,
}: {
  db: Db;
  organizationId: string;
  filters: QuestionFilters;
}): Promise<Question[]> => {
  const rows = await filtered(db, organizationId, filters)
    .innerJoin('questionVersions', (join) =>
      join
        .onRef('questionVersions.organizationId', '=', 'questions.organizationId')
        .onRef('questionVersions.questionId', '=', 'questions.id')
        .onRef('questionVersions.version', '=', 'questions.version'),
    )
    .select('questionVersions.body')
    .orderBy('questions.source')
    .orderBy('questions.id')
    .execute();
  return rows.map((row) => row.body as Question);
};

/** Every organisation's id: the built-in bank is loaded into each one. */
export const listOrganizationIdsForBank = async ({ db }: { db: Db }): Promise<string[]> =>
  (await db.selectFrom('organizations').select('id').orderBy('createdAt').execute()).map((row) => row.id);

/** The stems, among `stems`, that a live question of the organisation already has. */
export const findKnownStems = async ({
  db,
  organizationId,
  stems,
}: {
  db: Db;
  organizationId: string;
  stems: string[];
}): Promise<Set<string>> =>
  stems.length === 0
    ? new Set()
    : new Set(
        (
          await db
            .selectFrom('questions')
            .select('stem')
            .where('organizationId', '=', organizationId)
            .where('deletedAt', 'is', null)
            .where('stem', 'in', stems)
            .execute()
        ).map((row) => row.stem),
      );
