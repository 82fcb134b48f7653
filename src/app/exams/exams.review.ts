import type { Question, RubricItem } from '../../domain/exam/index.js';
import { listAnswers, listPendingReviews, reviewAnswer } from '../../store/attempt-answers.repository.js';
import { findAttempt } from '../../store/attempts.repository.js';
import { inTransaction } from '../../store/database.js';
import { findExam } from '../../store/exams.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { recordAudit } from '../accounts/index.js';
import { attemptQuestions } from './exams.bank.js';
import { examsErrors } from './exams.errors.js';
import { settleAttempt } from './exams.grading.js';
import type { ExamsDeps } from './exams.types.js';
import type { PaperQuestion } from '../../domain/exam/index.js';

/** One subjective answer waiting for a person (阅卷), with what the grader needs beside it. */
export type GradingItem = {
  attemptId: string;
  key: string;
  examTitle: string;
  candidate: string;
  type: Question['type'];
  stem: string;
  buyerText: string | null;
  reference: string;
  rubric: RubricItem[];
  answer: unknown;
  /** The rubric's suggestion (keywords found; 0 for a reply that breaks a forbidden rule). */
  suggestedScore: number;
  maxScore: number;
};

// A case question's subjective parts are read together: their references and rubrics are joined.
const guideOf = (question: Question): { reference: string; rubric: RubricItem[] } => {
  if (question.type === 'short_answer' || question.type === 'scenario')
    return { reference: question.reference, rubric: question.rubric };
  if (question.type === 'case') {
    const parts = question.subQuestions.map(guideOf);
    return {
      reference: parts
        .map((part, index) => (part.reference ? `(${index + 1}) ${part.reference}` : ''))
        .filter(Boolean)
        .join('\n'),
      rubric: parts.flatMap((part) => part.rubric),
    };
  }
  return { reference: '', rubric: [] };
};

/** The organisation's answers waiting for a grader, oldest submission first. */
export const listGradingQueue = async (deps: ExamsDeps & { limit?: number }): Promise<GradingItem[]> => {
  authorize(deps.actor, 'exams.grade');
  const rows = await listPendingReviews({
    db: deps.db,
    organizationId: deps.actor.organizationId,
    limit: deps.limit ?? 200,
  });
  const items: GradingItem[] = [];
  for (const row of rows) {
    const entry = (row.questions as PaperQuestion[]).find((one) => one.key === row.answer.key);
    if (!entry) continue;
    const questions = await attemptQuestions({
      db: deps.db,
      organizationId: deps.actor.organizationId,
      questions: [entry],
    });
    const question = questions.get(entry.key) as Question;
    items.push({
      attemptId: row.attemptId,
      key: entry.key,
      examTitle: row.examTitle,
      candidate: row.candidate,
      type: question.type,
      stem: question.stem,
      buyerText: question.type === 'scenario' ? question.buyerText : null,
      ...guideOf(question),
      answer: row.answer.answer,
      suggestedScore: row.answer.autoScore ?? 0,
      maxScore: row.answer.maxScore ?? entry.points,
    });
  }
  return items;
};

/**
 * A grader's score for one answer. When it was the attempt's last pending answer, the attempt's
 * score, pass and certification become final.
 */
export const confirmGrade = async (
  deps: ExamsDeps & { attemptId: string; key: string; score: number; feedback?: string | undefined },
): Promise<void> => {
  authorize(deps.actor, 'exams.grade');
  const organizationId = deps.actor.organizationId;
  await inTransaction(deps.db, async (trx) => {
    const attempt = await findAttempt({ db: trx, organizationId, id: deps.attemptId, lock: 'update' });
    if (!attempt) throw examsErrors.attemptNotFound(deps.attemptId);
    const answer = (await listAnswers({ db: trx, attemptId: attempt.id })).find(
      (one) => one.key === deps.key,
    );
    if (attempt.status !== 'submitted' || !answer?.needsReview || answer.reviewedAt !== null)
      throw examsErrors.notPendingReview(attempt.id, deps.key);
    const maxScore = answer.maxScore ?? 0;
    if (deps.score < 0 || deps.score > maxScore) throw examsErrors.scoreOutOfRange(maxScore);
    const exam = await findExam({ db: trx, organizationId, id: attempt.examId });
    if (!exam) throw examsErrors.attemptNotFound(attempt.id);
    await reviewAnswer({
      db: trx,
      attemptId: attempt.id,
      key: deps.key,
      score: deps.score,
      feedback: deps.feedback?.trim() || null,
      reviewedBy: deps.actor.userId,
      at: deps.clock.now(),
    });
    await recordAudit({
      db: trx,
      clock: deps.clock,
      actor: deps.actor,
      action: 'exams.graded',
      target: attempt.id,
      details: { key: deps.key, score: deps.score, suggested: answer.autoScore },
    });
    await settleAttempt({
      db: trx,
      clock: deps.clock,
      attempt,
      spec: exam.paper.spec,
      reviewerId: deps.actor.userId,
    });
  });
};
