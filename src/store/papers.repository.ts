import type { PaperSpec, Question } from '../domain/exam/index.js';
import type { Db } from './database.js';

/** A paper (试卷) of an organisation: a reusable spec that exams snapshot. */
export type PaperRecord = {
  id: string;
  title: string;
  spec: PaperSpec;
  /** The data/papers id of a built-in paper, null for papers written by users. */
  builtinId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const columns = ['id', 'title', 'spec', 'builtinId', 'createdAt', 'updatedAt'] as const;

// Specs are written only after validation by the use-cases, so the column holds a PaperSpec.
const toRecord = (row: { spec: unknown } & Omit<PaperRecord, 'spec'>): PaperRecord => ({
  ...row,
  spec: row.spec as PaperSpec,
});

/** The organisation's papers that are not archived, newest edit first. */
export const listPapers = async ({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}): Promise<PaperRecord[]> =>
  (
    await db
      .selectFrom('papers')
      .select(columns)
      .where('organizationId', '=', organizationId)
      .where('archivedAt', 'is', null)
      .orderBy('updatedAt', 'desc')
      .orderBy('id')
      .execute()
  ).map(toRecord);

export const findPaper = async ({
  db,
  organizationId,
  id,
}: {
  db: Db;
  organizationId: string;
  id: string;
}): Promise<PaperRecord | undefined> => {
  const row = await db
    .selectFrom('papers')
    .select(columns)
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  return row && toRecord(row);
};

export const insertPaper = async ({
  db,
  organizationId,
  spec,
  builtinId = null,
  createdBy,
  at,
}: {
  db: Db;
  organizationId: string;
  spec: PaperSpec;
  builtinId?: string | null;
  createdBy: string | null;
  at: Date;
}): Promise<string | undefined> => {
  // A built-in paper already seeded stays as it is (the organisation may have edited it): undefined.
  const row = await db
    .insertInto('papers')
    .values({
      organizationId,
      title: spec.title,
      spec: JSON.stringify(spec),
      builtinId,
      createdBy,
      createdAt: at,
      updatedAt: at,
    })
    .onConflict((conflict) => conflict.columns(['organizationId', 'builtinId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
};

export const updatePaper = async ({
  db,
  organizationId,
  id,
  spec,
  at,
}: {
  db: Db;
  organizationId: string;
  id: string;
  spec: PaperSpec;
  at: Date;
}): Promise<boolean> => {
  const result = await db
    .updateTable('papers')
    .set({ title: spec.title, spec: JSON.stringify(spec), updatedAt: at })
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** The built-in paper of `builtinId` in the organisation, archived or not. */
export const findBuiltinPaper = async ({
  db,
  organizationId,
  builtinId,
}: {
  db: Db;
  organizationId: string;
  builtinId: string;
}): Promise<PaperRecord | undefined> => {
  const row = await db
    .selectFrom('papers')
    .select(columns)
    .where('organizationId', '=', organizationId)
    .where('builtinId', '=', builtinId)
    .executeTakeFirst();
  return row && toRecord(row);
};

/** A question at one version, as papers draw from the bank. */
export type BankRow = { id: string; version: number; question: Question };

/** The organisation's live questions at their current version: the bank a paper draws from. */
export const listCurrentBank = async ({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}): Promise<BankRow[]> => {
  const rows = await db
    .selectFrom('questions')
    .innerJoin('questionVersions', (join) =>
      join
        .onRef('questionVersions.organizationId', '=', 'questions.organizationId')
        .onRef('questionVersions.questionId', '=', 'questions.id')
        .onRef('questionVersions.version', '=', 'questions.version'),
    )
    .select(['questions.id', 'questions.version', 'questionVersions.body'])
    .where('questions.organizationId', '=', organizationId)
    .where('questions.deletedAt', 'is', null)
    .orderBy('questions.id')
    .execute();
  return rows.map((row) => ({ id: row.id, version: row.version, question: row.body as Question }));
};

/** Every stored version of the given questions (deleted questions included: exams pinned them). */
export const listQuestionVersions = async ({
  db,
  organizationId,
  questionIds,
}: {
  db: Db;
  organizationId: string;
  questionIds: string[];
}): Promise<BankRow[]> => {
  if (questionIds.length === 0) return [];
  const rows = await db
    .selectFrom('questionVersions')
    .select(['questionId', 'version', 'body'])
    .where('organizationId', '=', organizationId)
    .where('questionId', 'in', [...new Set(questionIds)])
    .execute();
  return rows.map((row) => ({ id: row.questionId, version: row.version, question: row.body as Question }));
};

/** The current version number of a question, undefined when it is deleted or unknown. */
export const findCurrentVersion = async ({
  db,
  organizationId,
  questionId,
}: {
  db: Db;
  organizationId: string;
  questionId: string;
}): Promise<number | undefined> =>
  (
    await db
      .selectFrom('questions')
      .select('version')
      .where('organizationId', '=', organizationId)
      .where('id', '=', questionId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
  )?.version;
