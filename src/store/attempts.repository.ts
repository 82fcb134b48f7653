import { sql } from 'kysely';
import type { PaperQuestion } from '../domain/exam/index.js';
import type { Db } from './database.js';

export type AttemptStatus = 'active' | 'submitted';
export type SubmittedBy = 'candidate' | 'deadline';

/** One sitting of an exam by one candidate, with the questions it drew. */
export type AttemptRecord = {
  id: string;
  organizationId: string;
  examId: string;
  userId: string;
  number: number;
  seed: number;
  questions: PaperQuestion[];
  startedAt: Date;
  deadlineAt: Date;
  submittedAt: Date | null;
  submittedBy: SubmittedBy | null;
  status: AttemptStatus;
  /** Null until graded; with needsReview, the sum so far is in the answers. */
  score: number | null;
  maxScore: number;
  passed: boolean | null;
  needsReview: boolean;
  gradedAt: Date | null;
};

/** A candidate's answer to one question of an attempt, with its grade once submitted. */
export type AnswerRecord = {
  key: string;
  answer: unknown;
  /** 0 for a row written by grading for a question the candidate never answered. */
  revision: number;
  flagged: boolean;
  savedAt: Date | null;
  autoScore: number | null;
  score: number | null;
  maxScore: number | null;
  needsReview: boolean;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  feedback: string | null;
};

export const attemptColumns = [
  'attempts.id',
  'attempts.organizationId',
  'attempts.examId',
  'attempts.userId',
  'attempts.number',
  'attempts.seed',
  'attempts.questions',
  'attempts.startedAt',
  'attempts.deadlineAt',
  'attempts.submittedAt',
  'attempts.submittedBy',
  'attempts.status',
  'attempts.score',
  'attempts.maxScore',
  'attempts.passed',
  'attempts.needsReview',
  'attempts.gradedAt',
] as const;

type AttemptRow = Omit<AttemptRecord, 'questions' | 'status' | 'submittedBy'> & {
  questions: unknown;
  status: string;
  submittedBy: string | null;
};

// The check constraints of 0004-exams hold status and submitted_by to these values.
export const toAttempt = (row: AttemptRow): AttemptRecord => ({
  ...row,
  questions: row.questions as PaperQuestion[],
  status: row.status as AttemptStatus,
  submittedBy: row.submittedBy as SubmittedBy | null,
  score: row.score === null ? null : Number(row.score),
  maxScore: Number(row.maxScore),
});

export type NewAttempt = {
  organizationId: string;
  examId: string;
  userId: string;
  number: number;
  seed: number;
  questions: PaperQuestion[];
  startedAt: Date;
  deadlineAt: Date;
  maxScore: number;
};

/**
 * Inserts an active attempt, or nothing when the candidate already has an active one or the number
 * is taken (a concurrent start won the race): the caller then reads the winner.
 */
export const insertAttempt = async ({
  db,
  attempt,
}: {
  db: Db;
  attempt: NewAttempt;
}): Promise<AttemptRecord | undefined> => {
  const row = await db
    .insertInto('attempts')
    .values({ ...attempt, questions: JSON.stringify(attempt.questions), status: 'active' })
    .onConflict((conflict) => conflict.doNothing())
    .returning(attemptColumns)
    .executeTakeFirst();
  return row && toAttempt(row);
};

/**
 * An attempt of the organisation (of `userId` only, when given). `lock: 'share'` holds off a
 * concurrent submit until this transaction ends, so an answer is saved before grading or refused.
 */
export const findAttempt = async ({
  db,
  organizationId,
  id,
  userId,
  lock,
}: {
  db: Db;
  organizationId: string;
  id: string;
  userId?: string | undefined;
  lock?: 'share' | 'update' | undefined;
}): Promise<AttemptRecord | undefined> => {
  let query = db
    .selectFrom('attempts')
    .select(attemptColumns)
    .where('attempts.organizationId', '=', organizationId)
    .where('attempts.id', '=', id);
  if (userId !== undefined) query = query.where('attempts.userId', '=', userId);
  if (lock === 'share') query = query.forShare();
  if (lock === 'update') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toAttempt(row);
};

/**
 * The autosave read: a candidate's attempt, share-locked (not its exam), with the time its exam
 * opens — one round trip on the busiest path.
 */
export const findAttemptForSave = async ({
  db,
  organizationId,
  id,
  userId,
}: {
  db: Db;
  organizationId: string;
  id: string;
  userId: string;
}): Promise<{ attempt: AttemptRecord; opensAt: Date } | undefined> => {
  const row = await db
    .selectFrom('attempts')
    .innerJoin('exams', 'exams.id', 'attempts.examId')
    .select(attemptColumns)
    .select('exams.opensAt')
    .where('attempts.organizationId', '=', organizationId)
    .where('attempts.id', '=', id)
    .where('attempts.userId', '=', userId)
    .forShare('attempts')
    .executeTakeFirst();
  if (!row) return undefined;
  const { opensAt, ...attempt } = row;
  return { attempt: toAttempt(attempt), opensAt };
};

/** Every attempt of a user at the given exams, oldest first. */
export const listAttemptsOfUser = async ({
  db,
  userId,
  examIds,
}: {
  db: Db;
  userId: string;
  examIds: string[];
}): Promise<AttemptRecord[]> =>
  examIds.length === 0
    ? []
    : (
        await db
          .selectFrom('attempts')
          .select(attemptColumns)
          .where('attempts.userId', '=', userId)
          .where('attempts.examId', 'in', examIds)
          .orderBy('attempts.number')
          .execute()
      ).map(toAttempt);

/** Every attempt at an exam, by candidate then number. */
export const listAttemptsOfExam = async ({
  db,
  examId,
}: {
  db: Db;
  examId: string;
}): Promise<AttemptRecord[]> =>
  (
    await db
      .selectFrom('attempts')
      .select(attemptColumns)
      .where('attempts.examId', '=', examId)
      .orderBy('attempts.userId')
      .orderBy('attempts.number')
      .execute()
  ).map(toAttempt);

/** Ids of active attempts whose deadline has passed, the most overdue first. */
export const listOverdueAttemptIds = async ({
  db,
  now,
  limit,
}: {
  db: Db;
  now: Date;
  limit: number;
}): Promise<{ id: string; organizationId: string }[]> =>
  db
    .selectFrom('attempts')
    .select(['id', 'organizationId'])
    .where('status', '=', 'active')
    .where('deadlineAt', '<', now)
    .orderBy('deadlineAt')
    .limit(limit)
    .execute();

/** Marks an active attempt submitted; undefined when it was not active (already submitted). */
export const markSubmitted = async ({
  db,
  id,
  submittedAt,
  submittedBy,
}: {
  db: Db;
  id: string;
  submittedAt: Date;
  submittedBy: SubmittedBy;
}): Promise<AttemptRecord | undefined> => {
  const row = await db
    .updateTable('attempts')
    .set({ status: 'submitted', submittedAt, submittedBy })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returning(attemptColumns)
    .executeTakeFirst();
  return row && toAttempt(row);
};

/** Writes an attempt's totals after grading or a review. */
export const setAttemptResult = async ({
  db,
  id,
  result,
}: {
  db: Db;
  id: string;
  result: {
    score: number | null;
    maxScore: number;
    passed: boolean | null;
    needsReview: boolean;
    gradedAt: Date | null;
    questions?: PaperQuestion[];
  };
}): Promise<void> => {
  const { questions, ...totals } = result;
  await db
    .updateTable('attempts')
    .set({ ...totals, ...(questions ? { questions: JSON.stringify(questions) } : {}) })
    .where('id', '=', id)
    .execute();
};

/** Submitted attempts (of one exam, or of all) that drew a question, for a regrade. */
export const listAttemptsWithQuestion = async ({
  db,
  organizationId,
  questionId,
  examId,
}: {
  db: Db;
  organizationId: string;
  questionId: string;
  examId?: string | undefined;
}): Promise<AttemptRecord[]> => {
  let query = db
    .selectFrom('attempts')
    .select(attemptColumns)
    .where('attempts.organizationId', '=', organizationId)
    .where('attempts.status', '=', 'submitted')
    .where(sql<boolean>`attempts.questions @> ${JSON.stringify([{ questionId }])}::jsonb`);
  if (examId !== undefined) query = query.where('attempts.examId', '=', examId);
  return (await query.orderBy('attempts.startedAt').execute()).map(toAttempt);
};

/** Sets a user's certification (上岗) once; false when the user was already certified. */
export const certifyUser = async ({
  db,
  userId,
  attemptId,
  at,
}: {
  db: Db;
  userId: string;
  attemptId: string;
  at: Date;
}): Promise<boolean> => {
  const result = await db
    .updateTable('users')
    .set({ certifiedAt: at, certifiedByAttempt: attemptId })
    .where('id', '=', userId)
    .where('certifiedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

export const insertAttemptEvent = async ({
  db,
  attemptId,
  kind,
  at,
}: {
  db: Db;
  attemptId: string;
  kind: 'blur' | 'focus' | 'reload';
  at: Date;
}): Promise<void> => {
  await db.insertInto('attemptEvents').values({ attemptId, kind, at }).execute();
};

export const listAttemptEvents = async ({ db, attemptId }: { db: Db; attemptId: string }) =>
  db
    .selectFrom('attemptEvents')
    .select(['kind', 'at'])
    .where('attemptId', '=', attemptId)
    .orderBy('at')
    .orderBy('id')
    .execute();

/** How often each candidate left the exam tab (切屏), per user, over an exam's attempts. */
export const countBlursByUser = async ({
  db,
  examId,
}: {
  db: Db;
  examId: string;
}): Promise<Map<string, number>> => {
  const rows = await db
    .selectFrom('attemptEvents')
    .innerJoin('attempts', 'attempts.id', 'attemptEvents.attemptId')
    .select(['attempts.userId', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('attempts.examId', '=', examId)
    .where('attemptEvents.kind', '=', 'blur')
    .groupBy('attempts.userId')
    .execute();
  return new Map(rows.map((row) => [row.userId, Number(row.count)]));
};
