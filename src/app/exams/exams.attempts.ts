import { randomInt } from 'node:crypto';
import { composePaper, type Question } from '../../domain/exam/index.js';
import { listAnswers, saveAnswer } from '../../store/attempt-answers.repository.js';
import {
  type AttemptRecord,
  findAttemptForSave,
  insertAttempt,
  insertAttemptEvent,
  listAttemptsOfUser,
} from '../../store/attempts.repository.js';
import { type Db, inTransaction } from '../../store/database.js';
import { type ExamRecord, findExam, isAssigned } from '../../store/exams.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { accountsErrors } from '../accounts/index.js';
import { answerProblem } from './exams.answers.js';
import { attemptQuestions, examBank } from './exams.bank.js';
import { loadAttemptOnTime } from './exams.deadline.js';
import { examsErrors } from './exams.errors.js';
import { finaliseAttempt } from './exams.grading.js';
import type { ExamsDeps } from './exams.types.js';
import { type AttemptView, attemptView } from './exams.view.js';

const minute = 60_000;

/** The candidate behind a use-case: exams are taken by signed-in users, never by the system. */
export const candidateOf = (actor: ExamsDeps['actor']): string => {
  authorize(actor, 'exams.take');
  if (actor.userId === null) throw accountsErrors.forbidden();
  return actor.userId;
};

const viewOf = async (db: Db, attempt: AttemptRecord, exam: ExamRecord, now: Date): Promise<AttemptView> => {
  const questions = await attemptQuestions({
    db,
    organizationId: attempt.organizationId,
    questions: attempt.questions,
  });
  const answers = await listAnswers({ db, attemptId: attempt.id });
  return attemptView({ attempt, exam, questions, answers, now });
};

/** The signed-in candidate's attempt, brought up to date with its deadline; 404 for anyone else's. */
const ownAttempt = async (deps: ExamsDeps, attemptId: string) => {
  const attempt = await loadAttemptOnTime({
    ...deps,
    organizationId: deps.actor.organizationId,
    attemptId,
    userId: candidateOf(deps.actor),
  });
  if (!attempt) throw examsErrors.attemptNotFound(attemptId);
  const exam = await findExam({ db: deps.db, organizationId: attempt.organizationId, id: attempt.examId });
  if (!exam) throw examsErrors.attemptNotFound(attemptId);
  return { attempt, exam };
};

/** An exam the candidate is assigned to; 404 otherwise, so unassigned exams stay invisible. */
const assignedExam = async (deps: ExamsDeps, examId: string) => {
  const exam = await findExam({ db: deps.db, organizationId: deps.actor.organizationId, id: examId });
  if (!exam || !(await isAssigned({ db: deps.db, examId, userId: candidateOf(deps.actor) })))
    throw examsErrors.examNotFound(examId);
  return exam;
};

const isOpen = (exam: ExamRecord, now: Date) => now >= exam.opensAt && now < exam.closesAt;

/** Submits overdue attempts of this candidate at this exam, so the active one (if any) is current. */
const attemptsOnTime = async (deps: ExamsDeps, exam: ExamRecord, userId: string) => {
  const attempts = await listAttemptsOfUser({ db: deps.db, userId, examIds: [exam.id] });
  const now = deps.clock.now();
  const overdue = attempts.filter((one) => one.status === 'active' && now > one.deadlineAt);
  if (overdue.length === 0) return attempts;
  for (const attempt of overdue)
    await loadAttemptOnTime({ ...deps, organizationId: exam.organizationId, attemptId: attempt.id });
  return listAttemptsOfUser({ db: deps.db, userId, examIds: [exam.id] });
};

const newAttempt = async (deps: ExamsDeps, exam: ExamRecord, userId: string, number: number) => {
  const { spec } = exam.paper;
  const seed = randomInt(2 ** 31 - 1);
  const composed = composePaper({ spec, bank: await examBank({ db: deps.db, exam }), seed });
  if (composed.issues.length > 0)
    throw examsErrors.paperUnavailable(composed.issues.map((issue) => issue.message).join('；'));
  const now = deps.clock.now();
  const deadline = new Date(
    Math.min(now.getTime() + spec.timeLimitMinutes * minute, exam.closesAt.getTime()),
  );
  return insertAttempt({
    db: deps.db,
    attempt: {
      organizationId: exam.organizationId,
      examId: exam.id,
      userId,
      number,
      seed,
      questions: composed.result,
      startedAt: now,
      deadlineAt: deadline,
      maxScore: composed.result.reduce((sum, entry) => sum + entry.points, 0),
    },
  });
};

/**
 * Starts an attempt, or returns the active one (a second window, a reload). One active attempt per
 * candidate and exam is a unique index: when two starts race, the loser reads the winner's attempt.
 */
export const startAttempt = async (deps: ExamsDeps & { examId: string }): Promise<AttemptView> => {
  const userId = candidateOf(deps.actor);
  const exam = await assignedExam(deps, deps.examId);
  // A lost race leaves an active attempt to read in the next round, unless it ended meanwhile.
  for (let round = 0; round < 3; round++) {
    const attempts = await attemptsOnTime(deps, exam, userId);
    const now = deps.clock.now();
    const active = attempts.find((attempt) => attempt.status === 'active');
    if (active) return viewOf(deps.db, active, exam, now);
    if (!isOpen(exam, now)) throw examsErrors.notOpen(exam.opensAt, exam.closesAt, now);
    const allowed = exam.paper.spec.attemptsAllowed;
    if (allowed > 0 && attempts.length >= allowed) throw examsErrors.noAttemptsLeft(allowed);
    const started = await newAttempt(deps, exam, userId, attempts.length + 1);
    if (started) return viewOf(deps.db, started, exam, now);
  }
  throw examsErrors.startContended();
};

/** The candidate's own attempt (submitted first if its time is up). */
export const getAttempt = async (deps: ExamsDeps & { attemptId: string }): Promise<AttemptView> => {
  const { attempt, exam } = await ownAttempt(deps, deps.attemptId);
  return viewOf(deps.db, attempt, exam, deps.clock.now());
};

const refuseClosed = (attempt: AttemptRecord, opensAt: Date, now: Date) => {
  if (attempt.status === 'submitted') {
    throw attempt.submittedBy === 'deadline'
      ? examsErrors.deadlinePassed(attempt.deadlineAt)
      : examsErrors.attemptClosed();
  }
  if (now > attempt.deadlineAt) throw examsErrors.deadlinePassed(attempt.deadlineAt);
  if (now < opensAt) throw examsErrors.notYetOpen(opensAt);
};

/**
 * Autosave of one answer. A revision not newer than the stored one changes nothing and returns the
 * stored one. The attempt row is share-locked in the same transaction as the write, so a
 * concurrent submit either grades this answer or refuses it; an overdue attempt is submitted by
 * 'deadline' first and the save refused.
 */
export const saveAttemptAnswer = async (
  deps: ExamsDeps & {
    attemptId: string;
    key: string;
    answer: unknown;
    revision: number;
    flagged?: boolean | undefined;
  },
): Promise<{ key: string; revision: number; savedAt: string | null }> => {
  const userId = candidateOf(deps.actor);
  const organizationId = deps.actor.organizationId;
  const now = deps.clock.now();
  const outcome = await inTransaction(deps.db, async (trx) => {
    const found = await findAttemptForSave({ db: trx, organizationId, id: deps.attemptId, userId });
    if (!found) throw examsErrors.attemptNotFound(deps.attemptId);
    const { attempt, opensAt } = found;
    if (attempt.status === 'active' && now > attempt.deadlineAt) return { kind: 'overdue' as const, attempt };
    // The window's end needs no check of its own: the deadline never passes closesAt.
    refuseClosed(attempt, opensAt, now);
    const entry = attempt.questions.find((one) => one.key === deps.key);
    if (!entry) throw examsErrors.questionNotInAttempt(deps.key);
    const questions = await attemptQuestions({ db: trx, organizationId, questions: [entry] });
    const problem = answerProblem(questions.get(entry.key) as Question, deps.answer);
    if (problem) throw examsErrors.invalidAnswer(problem);
    const saved = await saveAnswer({
      db: trx,
      attemptId: attempt.id,
      key: entry.key,
      answer: deps.answer,
      revision: deps.revision,
      flagged: deps.flagged,
      at: now,
    });
    return { kind: 'saved' as const, saved };
  });
  if (outcome.kind === 'overdue') {
    await loadAttemptOnTime({ ...deps, organizationId, attemptId: outcome.attempt.id });
    throw examsErrors.deadlinePassed(outcome.attempt.deadlineAt);
  }
  const { saved } = outcome;
  return { key: saved.key, revision: saved.revision, savedAt: saved.savedAt?.toISOString() ?? null };
};

/** Records that the candidate left or came back to the exam tab (切屏); ignored once submitted. */
export const recordAttemptEvent = async (
  deps: ExamsDeps & { attemptId: string; kind: 'blur' | 'focus' | 'reload' },
): Promise<void> => {
  const { attempt } = await ownAttempt(deps, deps.attemptId);
  if (attempt.status !== 'active') return;
  await insertAttemptEvent({ db: deps.db, attemptId: attempt.id, kind: deps.kind, at: deps.clock.now() });
};

/** Submits (交卷) and grades; submitting again returns the same result. */
export const submitAttempt = async (deps: ExamsDeps & { attemptId: string }): Promise<AttemptView> => {
  const { attempt, exam } = await ownAttempt(deps, deps.attemptId);
  const now = deps.clock.now();
  const current =
    attempt.status === 'active'
      ? await finaliseAttempt({
          ...deps,
          organizationId: attempt.organizationId,
          attemptId: attempt.id,
          submittedAt: now,
          submittedBy: 'candidate',
        })
      : attempt;
  return viewOf(deps.db, current ?? attempt, exam, now);
};
