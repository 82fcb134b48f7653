import { request } from './client.js';
import type { AttemptEventKind, AttemptStatus, CandidateAnswer, SubmittedBy } from './exams.api.js';
import type { Question, QuestionDetail, QuestionType, RubricItem } from './questions.api.js';

// The manager's (exams.manage) and grader's (exams.grade) calls of 考试; the candidate's are in
// exams.api.ts. Shapes follow src/server/exams/exams.schemas.ts and exams.manage.schemas.ts.

export type ReleasePolicy = 'on_submit' | 'after_close' | 'never';

export type PaperSection = {
  title: string;
  type: QuestionType;
  pointsEach: number;
  /** Fixed questions, in order. */
  questionIds?: string[];
  /** Or N random questions of the section's type. */
  draw?: { count: number; tags?: string[]; difficulty?: [number, number] };
};

/** 组卷 settings (PaperSpec of src/domain/exam). */
export type PaperSpec = {
  title: string;
  description: string;
  sections: PaperSection[];
  passMark: number;
  timeLimitMinutes: number;
  /** 0 = unlimited. */
  attemptsAllowed: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showScore: ReleasePolicy;
  showKey: ReleasePolicy;
  /** Passing certifies the agent for duty (上岗). */
  certifies: boolean;
};

export type Paper = PaperSpec & { id: string; updatedAt: string };

export type PaperSummary = {
  id: string;
  title: string;
  questionCount: number;
  totalPoints: number;
  passMark: number;
  timeLimitMinutes: number;
  certifies: boolean;
  updatedAt: string;
};

export type PaperIssue = { code: string; message: string; severity?: string; at?: { section?: number } };

export type PaperPreview = {
  questions: {
    key: string;
    questionId: string;
    section: number;
    points: number;
    type: QuestionType;
    stem: string;
  }[];
  issues: PaperIssue[];
};

/** An exam sitting (考试安排) with its progress. */
export type ExamSummary = {
  id: string;
  title: string;
  paperId: string;
  paperTitle: string;
  opensAt: string;
  closesAt: string;
  assigned: number;
  started: number;
  submitted: number;
  passed: number;
  /** Passed ÷ submitted; null before anyone submitted. */
  passRate: number | null;
};

export type CreateExamInput = {
  paperId: string;
  title: string;
  opensAt: string;
  closesAt: string;
  userIds?: string[];
  teamIds?: string[];
};

export type UpdateExamInput = {
  title?: string;
  opensAt?: string;
  closesAt?: string;
  addUserIds?: string[];
  addTeamIds?: string[];
};

export type CandidateStatus = 'not_started' | 'in_progress' | 'pending_review' | 'submitted';

export type CandidateResult = {
  userId: string;
  displayName: string;
  login: string;
  team: string | null;
  attempts: number;
  best: number | null;
  passed: boolean | null;
  submittedAt: string | null;
  /** Times the candidate left the exam tab (切屏). */
  blurCount: number;
  status: CandidateStatus;
  /** The attempt the report drawer opens (best graded, else latest); sent by newer servers only. */
  lastAttemptId: string | null;
};

export type ExamResults = {
  exam: ExamSummary;
  candidates: CandidateResult[];
  distribution: { from: number; to: number; count: number }[];
  passRate: number | null;
  averageScore: number | null;
};

export type ItemFlag = 'too_easy' | 'too_hard' | 'low_discrimination' | 'negative_discrimination';

export type ItemAnalysis = {
  questionId: string;
  version: number;
  stem: string;
  type: QuestionType;
  count: number;
  /** Mean ÷ max, 0–1. */
  facility: number | null;
  sd: number | null;
  /** Correlation of the item with the rest of the test, ×100. */
  discrimination: number | null;
  discriminativeEfficiency: number | null;
  optionDistribution: Record<string, number>;
  flags: ItemFlag[];
};

export type ExamAnalysis = {
  items: ItemAnalysis[];
  cronbachAlpha: number | null;
  attempts: number;
  /** Fewer than 10 graded attempts: the statistics are indicative only. */
  fewAttempts: boolean;
};

export type ReportQuestion = {
  key: string;
  questionId: string;
  version: number;
  section: number;
  points: number;
  question: Question;
  /** In the bank's option order of `question`; null when never answered. */
  answer: CandidateAnswer;
  savedAt: string | null;
  score: number | null;
  autoScore: number | null;
  maxScore: number;
  pendingReview: boolean;
  feedback: string | null;
};

export type AttemptReport = {
  attempt: {
    id: string;
    examId: string;
    examTitle: string;
    userId: string;
    displayName: string;
    login: string;
    number: number;
    status: AttemptStatus;
    startedAt: string;
    deadlineAt: string;
    submittedAt: string | null;
    submittedBy: SubmittedBy | null;
    score: number | null;
    maxScore: number;
    passed: boolean | null;
    pendingReview: boolean;
  };
  questions: ReportQuestion[];
  events: { kind: AttemptEventKind; at: string }[];
};

export type GradingItem = {
  attemptId: string;
  key: string;
  examTitle: string;
  candidate: string;
  type: QuestionType;
  stem: string;
  buyerText: string | null;
  reference: string;
  rubric: RubricItem[];
  answer: CandidateAnswer;
  suggestedScore: number;
  maxScore: number;
};

const id = encodeURIComponent;

export const listPapers = () => request<{ papers: PaperSummary[] }>('/api/papers');
export const getPaper = (paperId: string) => request<Paper>(`/api/papers/${id(paperId)}`);
export const createPaper = (spec: PaperSpec) => request<Paper>('/api/papers', { method: 'POST', body: spec });
export const updatePaper = (paperId: string, spec: PaperSpec) =>
  request<Paper>(`/api/papers/${id(paperId)}`, { method: 'PUT', body: spec });
export const previewPaper = (spec: PaperSpec) =>
  request<PaperPreview>('/api/papers/preview', { method: 'POST', body: spec });

export const listExams = () => request<{ exams: ExamSummary[] }>('/api/exams');
export const createExam = (input: CreateExamInput) =>
  request<ExamSummary>('/api/exams', { method: 'POST', body: input });
export const updateExam = (examId: string, input: UpdateExamInput) =>
  request<ExamSummary>(`/api/exams/${id(examId)}`, { method: 'PATCH', body: input });
export const getExamResults = (examId: string) => request<ExamResults>(`/api/exams/${id(examId)}/results`);
export const getExamAnalysis = (examId: string) => request<ExamAnalysis>(`/api/exams/${id(examId)}/analysis`);
export const getAttemptReport = (attemptId: string) =>
  request<AttemptReport>(`/api/attempts/${id(attemptId)}/report`);

/** Saves a corrected question as its next version (questions.manage). */
export const updateQuestion = (question: Question) =>
  request<QuestionDetail>(`/api/questions/${id(question.id)}`, { method: 'PATCH', body: { question } });
export const regradeQuestion = (questionId: string, examId?: string) =>
  request<{ attempts: number; changed: number }>(`/api/questions/${id(questionId)}/regrade`, {
    method: 'POST',
    body: examId ? { examId } : {},
  });

export const listGradingQueue = () => request<{ items: GradingItem[] }>('/api/grading');
export const confirmGrade = (attemptId: string, key: string, input: { score: number; feedback?: string }) =>
  request<null>(`/api/grading/${id(attemptId)}/${id(key)}`, { method: 'POST', body: input });
