import {
  type CandidateQuestion,
  candidateQuestion,
  type Question,
  releaseOf,
} from '../../domain/exam/index.js';
import type { AnswerRecord, AttemptRecord } from '../../store/attempts.repository.js';
import type { ExamRecord } from '../../store/exams.repository.js';
import { answerKeyOf } from './exams.answers.js';

export type AttemptResultItem = {
  key: string;
  score: number | null;
  maxScore: number;
  correct: boolean | null;
  answerKey?: unknown;
  explanation?: string;
  feedback?: string;
};

/** What a candidate learns after submitting, as far as the paper's policy releases it. */
export type AttemptResult = {
  score: number | null;
  maxScore: number;
  passed: boolean | null;
  pendingReview: boolean;
  items: AttemptResultItem[];
};

/** An attempt as its candidate sees it: built field by field, never by spreading a stored record. */
export type AttemptView = {
  id: string;
  examId: string;
  title: string;
  number: number;
  status: 'active' | 'submitted';
  startedAt: string;
  deadlineAt: string;
  serverNow: string;
  submittedAt: string | null;
  submittedBy: 'candidate' | 'deadline' | null;
  questions: CandidateQuestion[];
  answers: Record<string, { answer: unknown; revision: number; savedAt: string | null }>;
  flagged: string[];
  result: AttemptResult | null;
};

const correctness = (score: number | null, maxScore: number) => (score === null ? null : score >= maxScore);

const resultOf = (
  attempt: AttemptRecord,
  exam: ExamRecord,
  questions: Map<string, Question>,
  answers: Map<string, AnswerRecord>,
  now: Date,
): AttemptResult => {
  const release = releaseOf({ spec: exam.paper.spec, now, closesAt: exam.closesAt, submitted: true });
  const items = attempt.questions.map((entry): AttemptResultItem => {
    const question = questions.get(entry.key) as Question;
    const answer = answers.get(entry.key);
    const maxScore = answer?.maxScore ?? entry.points;
    const score = release.score ? (answer?.score ?? null) : null;
    return {
      key: entry.key,
      score,
      maxScore,
      correct: release.score ? correctness(score, maxScore) : null,
      ...(release.key ? { answerKey: answerKeyOf(question, entry), explanation: question.explanation } : {}),
      ...(release.score && answer?.feedback ? { feedback: answer.feedback } : {}),
    };
  });
  return {
    score: release.score ? attempt.score : null,
    maxScore: attempt.maxScore,
    passed: release.score ? attempt.passed : null,
    pendingReview: attempt.needsReview,
    items,
  };
};

/**
 * The candidate's view of an attempt. While the exam is not open (its start was moved later) an
 * active attempt shows no questions; the answer key and scores appear only when releaseOf allows.
 */
export const attemptView = ({
  attempt,
  exam,
  questions,
  answers,
  now,
}: {
  attempt: AttemptRecord;
  exam: ExamRecord;
  questions: Map<string, Question>;
  answers: AnswerRecord[];
  now: Date;
}): AttemptView => {
  const byKey = new Map(answers.map((answer) => [answer.key, answer]));
  const hidden = attempt.status === 'active' && now < exam.opensAt;
  const saved = answers.filter((answer) => answer.revision > 0);
  return {
    id: attempt.id,
    examId: attempt.examId,
    title: exam.title,
    number: attempt.number,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: attempt.deadlineAt.toISOString(),
    serverNow: now.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    submittedBy: attempt.submittedBy,
    questions: hidden
      ? []
      : attempt.questions.map((entry) => candidateQuestion(questions.get(entry.key) as Question, entry)),
    answers: Object.fromEntries(
      saved.map((answer) => [
        answer.key,
        { answer: answer.answer, revision: answer.revision, savedAt: answer.savedAt?.toISOString() ?? null },
      ]),
    ),
    flagged: saved.filter((answer) => answer.flagged).map((answer) => answer.key),
    result: attempt.status === 'submitted' ? resultOf(attempt, exam, questions, byKey, now) : null,
  };
};
