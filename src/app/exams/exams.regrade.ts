import type { Question } from '../../domain/exam/index.js';
import { listAnswers } from '../../store/attempt-answers.repository.js';
import { listAttemptsWithQuestion, setAttemptResult } from '../../store/attempts.repository.js';
import { inTransaction } from '../../store/database.js';
import { findExam } from '../../store/exams.repository.js';
import { findCurrentVersion } from '../../store/papers.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { recordAudit } from '../accounts/index.js';
import { questionsErrors } from '../questions/index.js';
import { loadQuestionVersions, refKey } from './exams.bank.js';
import { examsErrors } from './exams.errors.js';
import { gradeAttemptAnswers, settleAttempt } from './exams.grading.js';
import type { ExamsDeps } from './exams.types.js';

// A corrected key must not change what candidates saw: the same type, and for choice questions
// the same number of options (their order in each attempt is kept as drawn).
const incompatibility = (pinned: Question, latest: Question): string | null => {
  if (pinned.type !== latest.type) return `题型由 ${pinned.type} 变为 ${latest.type}`;
  if ((pinned.type === 'single' || pinned.type === 'multiple') && 'options' in latest) {
    if (pinned.options.length !== latest.options.length) return '选项数量已改变';
  }
  if (
    pinned.type === 'case' &&
    latest.type === 'case' &&
    pinned.subQuestions.length !== latest.subQuestions.length
  )
    return '小题数量已改变';
  return null;
};

/**
 * 重新判分 after a key correction: every submitted attempt (of one exam, or all) that drew the
 * question is graded again against its latest version; totals, passes and certification follow.
 * Reviews made by graders are kept. Audited as `exams.regrade`.
 */
export const regradeQuestion = async (
  deps: ExamsDeps & { questionId: string; examId?: string | undefined },
): Promise<{ attempts: number; changed: number }> => {
  authorize(deps.actor, 'exams.manage');
  const organizationId = deps.actor.organizationId;
  const version = await findCurrentVersion({ db: deps.db, organizationId, questionId: deps.questionId });
  if (version === undefined) throw questionsErrors.notFound(deps.questionId);
  if (deps.examId !== undefined && !(await findExam({ db: deps.db, organizationId, id: deps.examId })))
    throw examsErrors.examNotFound(deps.examId);
  return inTransaction(deps.db, async (trx) => {
    const attempts = await listAttemptsWithQuestion({
      db: trx,
      organizationId,
      questionId: deps.questionId,
      examId: deps.examId,
    });
    const pinned = attempts.flatMap((attempt) =>
      attempt.questions.filter((entry) => entry.questionId === deps.questionId),
    );
    const questions = await loadQuestionVersions({
      db: trx,
      organizationId,
      refs: [...pinned, { questionId: deps.questionId, version }],
    });
    const latest = questions.get(refKey(deps.questionId, version)) as Question;
    for (const entry of pinned) {
      const reason = incompatibility(
        questions.get(refKey(entry.questionId, entry.version)) as Question,
        latest,
      );
      if (reason) throw examsErrors.regradeIncompatible(deps.questionId, reason);
    }
    let changed = 0;
    for (const attempt of attempts) {
      const keys = new Set(
        attempt.questions.filter((entry) => entry.questionId === deps.questionId).map((entry) => entry.key),
      );
      const before = new Map(
        (await listAnswers({ db: trx, attemptId: attempt.id })).map((row) => [row.key, row.score]),
      );
      const repinned = {
        ...attempt,
        questions: attempt.questions.map((entry) => (keys.has(entry.key) ? { ...entry, version } : entry)),
      };
      await setAttemptResult({
        db: trx,
        id: attempt.id,
        result: {
          score: attempt.score,
          maxScore: attempt.maxScore,
          passed: attempt.passed,
          needsReview: attempt.needsReview,
          gradedAt: attempt.gradedAt,
          questions: repinned.questions,
        },
      });
      await gradeAttemptAnswers({
        db: trx,
        clock: deps.clock,
        library: deps.library,
        attempt: repinned,
        keys,
      });
      const exam = await findExam({ db: trx, organizationId, id: attempt.examId });
      if (!exam) continue;
      await settleAttempt({
        db: trx,
        clock: deps.clock,
        attempt: repinned,
        spec: exam.paper.spec,
        reviewerId: deps.actor.userId,
      });
      const after = await listAnswers({ db: trx, attemptId: attempt.id });
      if (after.some((row) => keys.has(row.key) && row.score !== before.get(row.key))) changed++;
    }
    await recordAudit({
      db: trx,
      clock: deps.clock,
      actor: deps.actor,
      action: 'exams.regrade',
      target: deps.questionId,
      details: { version, examId: deps.examId ?? null, attempts: attempts.length, changed },
    });
    return { attempts: attempts.length, changed };
  });
};
