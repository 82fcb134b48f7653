import { sql } from 'kysely';
import type { AnswerRecord } from './attempts.repository.js';
import type { Db } from './database.js';

const answerColumns = [
  'attemptAnswers.key',
  'attemptAnswers.answer',
  'attemptAnswers.revision',
  'attemptAnswers.flagged',
  'attemptAnswers.savedAt',
  'attemptAnswers.autoScore',
  'attemptAnswers.score',
  'attemptAnswers.maxScore',
  'attemptAnswers.needsReview',
  'attemptAnswers.reviewedBy',
  'attemptAnswers.reviewedAt',
  'attemptAnswers.feedback',
] as const;

type AnswerRow = Omit<AnswerRecord, 'score' | 'autoScore' | 'maxScore'> & {
  score: number | null;
  autoScore: number | null;
  maxScore: number | null;
};

const orNumber = (value: number | null) => (value === null ? null : Number(value));
const toAnswer = (row: AnswerRow): AnswerRecord => ({
  ...row,
  score: orNumber(row.score),
  autoScore: orNumber(row.autoScore),
  maxScore: orNumber(row.maxScore),
});

/**
 * Saves a candidate's answer when `revision` is newer than the stored one; returns the stored
 * answer either way, so a stale write from another window or a retried request changes nothing.
 * `flagged` undefined keeps the flag as it was.
 */
export const saveAnswer = async ({
  db,
  attemptId,
  key,
  answer,
  revision,
  flagged,
  at,
}: {
  db: Db;
  attemptId: string;
  key: string;
  answer: unknown;
  revision: number;
  flagged: boolean | undefined;
  at: Date;
}): Promise<AnswerRecord> => {
  const json = JSON.stringify(answer ?? null);
  const saved = await db
    .insertInto('attemptAnswers')
    .values({ attemptId, key, answer: json, revision, flagged: flagged ?? false, savedAt: at })
    .onConflict((conflict) =>
      conflict
        .columns(['attemptId', 'key'])
        .doUpdateSet({
          answer: json,
          revision,
          savedAt: at,
          flagged: flagged === undefined ? sql<boolean>`attempt_answers.flagged` : flagged,
        })
        .where('attemptAnswers.revision', '<', revision),
    )
    .returning(answerColumns)
    .executeTakeFirst();
  if (saved) return toAnswer(saved);
  return toAnswer(
    await db
      .selectFrom('attemptAnswers')
      .select(answerColumns)
      .where('attemptId', '=', attemptId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow(),
  );
};

export const listAnswers = async ({
  db,
  attemptId,
}: {
  db: Db;
  attemptId: string;
}): Promise<AnswerRecord[]> =>
  (
    await db
      .selectFrom('attemptAnswers')
      .select(answerColumns)
      .where('attemptId', '=', attemptId)
      .orderBy('key')
      .execute()
  ).map(toAnswer);

/** Answers of many attempts, grouped by attempt id. */
export const listAnswersOfAttempts = async ({
  db,
  attemptIds,
}: {
  db: Db;
  attemptIds: string[];
}): Promise<Map<string, AnswerRecord[]>> => {
  const grouped = new Map<string, AnswerRecord[]>();
  if (attemptIds.length === 0) return grouped;
  const rows = await db
    .selectFrom('attemptAnswers')
    .select(['attemptAnswers.attemptId', ...answerColumns])
    .where('attemptId', 'in', attemptIds)
    .execute();
  for (const { attemptId, ...row } of rows) {
    const list = grouped.get(attemptId) ?? [];
    list.push(toAnswer(row));
    grouped.set(attemptId, list);
  }
  return grouped;
};

export type AnswerGrade = {
  key: string;
  autoScore: number;
  /** Null while a person has to confirm it (subjective questions). */
  score: number | null;
  maxScore: number;
  needsReview: boolean;
};

/**
 * Writes the automatic grades of an attempt; an unanswered question gets a row too (revision 0),
 * so every question of a graded attempt has a score. Reviews already made are kept.
 */
export const writeGrades = async ({
  db,
  attemptId,
  grades,
}: {
  db: Db;
  attemptId: string;
  grades: AnswerGrade[];
}): Promise<void> => {
  if (grades.length === 0) return;
  await db
    .insertInto('attemptAnswers')
    .values(grades.map((grade) => ({ attemptId, ...grade, answer: 'null', revision: 0 })))
    .onConflict((conflict) =>
      conflict.columns(['attemptId', 'key']).doUpdateSet((eb) => ({
        autoScore: eb.ref('excluded.autoScore'),
        maxScore: eb.ref('excluded.maxScore'),
        score: sql<
          number | null
        >`case when attempt_answers.reviewed_at is null then excluded.score else attempt_answers.score end`,
        needsReview: sql<boolean>`excluded.needs_review and attempt_answers.reviewed_at is null`,
      })),
    )
    .execute();
};

/** A reviewer's score for one subjective answer (阅卷). */
export const reviewAnswer = async ({
  db,
  attemptId,
  key,
  score,
  feedback,
  reviewedBy,
  at,
}: {
  db: Db;
  attemptId: string;
  key: string;
  score: number;
  feedback: string | null;
  reviewedBy: string | null;
  at: Date;
}): Promise<void> => {
  await db
    .updateTable('attemptAnswers')
    .set({ score, feedback, reviewedBy, reviewedAt: at, needsReview: false })
    .where('attemptId', '=', attemptId)
    .where('key', '=', key)
    .execute();
};

/** Answers waiting for a person (阅卷队列) across the organisation's submitted attempts, oldest first. */
export const listPendingReviews = async ({
  db,
  organizationId,
  limit,
}: {
  db: Db;
  organizationId: string;
  limit: number;
}) =>
  (
    await db
      .selectFrom('attemptAnswers')
      .innerJoin('attempts', 'attempts.id', 'attemptAnswers.attemptId')
      .innerJoin('exams', 'exams.id', 'attempts.examId')
      .innerJoin('users', 'users.id', 'attempts.userId')
      .select([
        'attempts.id as attemptId',
        'attempts.questions',
        'exams.title as examTitle',
        'users.displayName as candidate',
        ...answerColumns,
      ])
      .where('attempts.organizationId', '=', organizationId)
      .where('attempts.status', '=', 'submitted')
      .where('attemptAnswers.needsReview', '=', true)
      .where('attemptAnswers.reviewedAt', 'is', null)
      .orderBy('attempts.submittedAt')
      .orderBy('attemptAnswers.key')
      .limit(limit)
      .execute()
  ).map(({ attemptId, questions, examTitle, candidate, ...answer }) => ({
    attemptId,
    questions,
    examTitle,
    candidate,
    answer: toAnswer(answer),
  }));
