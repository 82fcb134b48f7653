import {
  type CandidateAnswer,
  type CandidateQuestion,
  candidateQuestion,
  type Question,
  releaseOf,
} from '../../domain/exam/index.js';
import { listAnswersOfAttempts } from '../../store/attempt-answers.repository.js';
import { listAttemptsOfUser } from '../../store/attempts.repository.js';
import { listExamsOfUser } from '../../store/exams.repository.js';
import { builtInRuleLibrary } from '../compliance/index.js';
import { answerKeyOf, answerProblem, toGradable, unshuffled } from './exams.answers.js';
import { candidateOf } from './exams.attempts.js';
import { loadQuestionVersions, refKey } from './exams.bank.js';
import { examsErrors } from './exams.errors.js';
import { gradeOne } from './exams.grading.js';
import type { ExamsDeps } from './exams.types.js';

/**
 * A question of the candidate's 错题本, shown in the bank's option order (not an attempt's), with
 * the key: only questions from attempts whose key the paper's policy has released.
 */
export type WrongQuestion = Omit<CandidateQuestion, 'key' | 'points'> & {
  questionId: string;
  version: number;
  answerKey: unknown;
  explanation: string;
  wrongCount: number;
  lastWrongAt: string;
  /** The latest wrong answer, in the bank's option order. */
  yourAnswer: CandidateAnswer;
};

type Wrong = {
  questionId: string;
  version: number;
  wrongCount: number;
  lastWrongAt: Date;
  yourAnswer: CandidateAnswer;
};

const collectWrong = async (deps: ExamsDeps) => {
  const userId = candidateOf(deps.actor);
  const exams = new Map(
    (await listExamsOfUser({ db: deps.db, organizationId: deps.actor.organizationId, userId })).map(
      (exam) => [exam.id, exam],
    ),
  );
  const now = deps.clock.now();
  const released = (await listAttemptsOfUser({ db: deps.db, userId, examIds: [...exams.keys()] }))
    .filter((attempt) => {
      const exam = exams.get(attempt.examId);
      return (
        attempt.status === 'submitted' &&
        exam !== undefined &&
        releaseOf({ spec: exam.paper.spec, now, closesAt: exam.closesAt, submitted: true }).key
      );
    })
    .sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
  const answers = await listAnswersOfAttempts({
    db: deps.db,
    attemptIds: released.map((attempt) => attempt.id),
  });
  const questions = await loadQuestionVersions({
    db: deps.db,
    organizationId: deps.actor.organizationId,
    refs: released.flatMap((attempt) => attempt.questions),
  });
  const wrong = new Map<string, Wrong>();
  for (const attempt of released) {
    const rows = new Map((answers.get(attempt.id) ?? []).map((row) => [row.key, row]));
    for (const entry of attempt.questions) {
      const row = rows.get(entry.key);
      if (!row || row.score === null || row.maxScore === null || row.score >= row.maxScore) continue;
      const question = questions.get(refKey(entry.questionId, entry.version)) as Question;
      const previous = wrong.get(entry.questionId);
      wrong.set(entry.questionId, {
        questionId: entry.questionId,
        version: entry.version,
        wrongCount: (previous?.wrongCount ?? 0) + 1,
        lastWrongAt: attempt.submittedAt ?? now,
        yourAnswer: toGradable(question, entry, row.answer),
      });
    }
  }
  return { wrong, questions };
};

/** The signed-in candidate's 错题本: most often missed first. */
export const listWrongQuestions = async (deps: ExamsDeps): Promise<WrongQuestion[]> => {
  const { wrong, questions } = await collectWrong(deps);
  return [...wrong.values()]
    .sort((a, b) => b.wrongCount - a.wrongCount || b.lastWrongAt.getTime() - a.lastWrongAt.getTime())
    .map((item) => {
      const question = questions.get(refKey(item.questionId, item.version)) as Question;
      const {
        key: _key,
        points: _points,
        ...shown
      } = candidateQuestion(question, unshuffled(item.questionId, item.version, question.points));
      return {
        ...shown,
        questionId: item.questionId,
        version: item.version,
        answerKey: answerKeyOf(question, null),
        explanation: question.explanation,
        wrongCount: item.wrongCount,
        lastWrongAt: item.lastWrongAt.toISOString(),
        yourAnswer: item.yourAnswer,
      };
    });
};

/** 练习模式: answers a question of the 错题本 again; nothing is stored. */
export const practiseWrongQuestion = async (
  deps: ExamsDeps & { questionId: string; answer: unknown },
): Promise<{
  correct: boolean;
  score: number;
  maxScore: number;
  answerKey: unknown;
  explanation: string;
}> => {
  const { wrong, questions } = await collectWrong(deps);
  const item = wrong.get(deps.questionId);
  if (!item) throw examsErrors.notInWrongBook(deps.questionId);
  const question = questions.get(refKey(item.questionId, item.version)) as Question;
  const problem = answerProblem(question, deps.answer);
  if (problem) throw examsErrors.invalidAnswer(problem);
  const graded = gradeOne({
    question,
    points: question.points,
    answer: toGradable(question, unshuffled(item.questionId, item.version, question.points), deps.answer),
    library: deps.library ?? builtInRuleLibrary(),
    now: deps.clock.now(),
  });
  return {
    correct: graded.correct ?? graded.score >= graded.maxScore,
    score: graded.score,
    maxScore: graded.maxScore,
    answerKey: answerKeyOf(question, null),
    explanation: question.explanation,
  };
};
