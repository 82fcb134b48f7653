import { request } from './client.js';
import type { QuestionType } from './questions.api.js';

// The candidate's (exams.take) calls of 考试 and the DTOs they share with the manager's client
// (exams-admin.api.ts). Shapes follow src/server/exams/exams.schemas.ts; the server only ever
// answers with the signed-in user's own exams and attempts.

export type ExamStatus = 'upcoming' | 'open' | 'closed';
export type AttemptStatus = 'active' | 'submitted';
/** Who handed the attempt in: the candidate, or the server when the time ran out. */
export type SubmittedBy = 'candidate' | 'deadline';
export type AttemptEventKind = 'blur' | 'focus' | 'reload';

/** An exam assigned to the signed-in user (我的考试). */
export type MyExam = {
  id: string;
  title: string;
  paperTitle: string;
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: number;
  questionCount: number;
  totalPoints: number;
  passMark: number;
  /** 0 = unlimited. */
  attemptsAllowed: number;
  attemptsUsed: number;
  activeAttemptId: string | null;
  status: ExamStatus;
  /** Null before a submitted attempt; score and passed stay null until the paper releases them. */
  best: { score: number | null; passed: boolean | null } | null;
  lastAttemptId: string | null;
};

/**
 * A question as the candidate sees it: no answer key. Choice options come in display order (the
 * attempt's shuffle already applied), and choice answers are sent as those displayed indexes.
 */
export type CandidateQuestion = CandidateSubQuestion & {
  /** The case material of a 案例题, whose sub-questions are answered as { "0": …, "1": … }. */
  material?: string;
  subQuestions?: CandidateSubQuestion[];
};

/** A question without case material: a 案例题's sub-questions are never cases themselves. */
export type CandidateSubQuestion = {
  key: string;
  type: QuestionType;
  stem: string;
  points: number;
  options?: string[];
  /** Number of blanks of a 填空题. */
  blanks?: number;
  /** The buyer's message a 话术题 replies to. */
  buyerText?: string;
};

/**
 * An answer as the API carries it: choice → displayed option indexes, 判断 → boolean, 填空 → one
 * text per blank, 简答/话术 → text, 案例 → sub-question index → answer; null = cleared.
 */
export type LeafAnswer = number[] | boolean | string[] | string | null;
export type CandidateAnswer = LeafAnswer | Record<string, LeafAnswer>;

export type SavedAnswer = { answer: CandidateAnswer; revision: number; savedAt: string | null };

export type AttemptResultItem = {
  key: string;
  score: number | null;
  maxScore: number;
  correct: boolean | null;
  /** Only when the paper releases the key: indexes in the attempt's display order for choices. */
  answerKey?: unknown;
  explanation?: string;
  feedback?: string;
};

export type AttemptResult = {
  /** Null while the paper's policy withholds the score. */
  score: number | null;
  maxScore: number;
  passed: boolean | null;
  /** Some answers wait for a grader (简答/话术). */
  pendingReview: boolean;
  items: AttemptResultItem[];
};

export type AttemptView = {
  id: string;
  examId: string;
  title: string;
  number: number;
  status: AttemptStatus;
  startedAt: string;
  deadlineAt: string;
  /** The server's clock when it answered: the countdown runs against it, never the device's. */
  serverNow: string;
  submittedAt: string | null;
  submittedBy: SubmittedBy | null;
  questions: CandidateQuestion[];
  answers: Record<string, SavedAnswer>;
  flagged: string[];
  result: AttemptResult | null;
};

export type SaveAnswerInput = { answer: CandidateAnswer; revision: number; flagged?: boolean };
export type SavedAnswerAck = { key: string; revision: number; savedAt: string | null };

/** A question the user got wrong in an attempt whose key is released (错题本); options in bank order. */
export type WrongQuestion = {
  questionId: string;
  version: number;
  type: QuestionType;
  stem: string;
  options?: string[];
  blanks?: number;
  buyerText?: string;
  material?: string;
  subQuestions?: CandidateSubQuestion[];
  answerKey: unknown;
  explanation: string;
  wrongCount: number;
  lastWrongAt: string;
  /** The latest wrong answer, in the option order shown here (the bank's). */
  yourAnswer: unknown;
};

export type PracticeResult = {
  correct: boolean;
  score: number;
  maxScore: number;
  answerKey: unknown;
  explanation: string;
};

const id = encodeURIComponent;

export const listMyExams = () => request<{ exams: MyExam[] }>('/api/my/exams');

/** Starts an attempt, or returns the one already active. */
export const startAttempt = (examId: string) =>
  request<AttemptView>(`/api/my/exams/${id(examId)}/attempts`, { method: 'POST' });

export const getAttempt = (attemptId: string) => request<AttemptView>(`/api/attempts/${id(attemptId)}`);

/** Saves one answer; a revision not above the stored one is ignored and the stored one returned. */
export const saveAnswer = (attemptId: string, key: string, input: SaveAnswerInput) =>
  request<SavedAnswerAck>(`/api/attempts/${id(attemptId)}/answers/${id(key)}`, {
    method: 'PUT',
    body: input,
  });

export const postAttemptEvent = (attemptId: string, kind: AttemptEventKind) =>
  request<null>(`/api/attempts/${id(attemptId)}/events`, { method: 'POST', body: { kind } });

/** Hands the attempt in; submitting twice returns the same submitted attempt. */
export const submitAttempt = (attemptId: string) =>
  request<AttemptView>(`/api/attempts/${id(attemptId)}/submit`, { method: 'POST' });

export const listWrongQuestions = () => request<{ items: WrongQuestion[] }>('/api/my/wrong-questions');

/** 练习模式: checks an answer (bank option order) without recording anything. */
export const practiseWrongQuestion = (questionId: string, answer: CandidateAnswer) =>
  request<PracticeResult>(`/api/my/wrong-questions/${id(questionId)}/practice`, {
    method: 'POST',
    body: { answer },
  });
