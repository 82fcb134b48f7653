import type { ColumnType, Generated } from 'kysely';
import type { Json } from './schema.js';

// The online-exam tables (考试, migration 0004-exams), listed in `Database` in schema.ts.

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type PapersTable = {
  id: Generated<string>;
  organizationId: string;
  title: string;
  spec: Json<unknown>;
  builtinId: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Date;
  archivedAt: Date | null;
};

export type ExamsTable = {
  id: Generated<string>;
  organizationId: string;
  paperId: string;
  title: string;
  paper: Json<unknown>;
  opensAt: Date;
  closesAt: Date;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Date;
};

export type ExamAssigneesTable = { examId: string; userId: string };

export type AttemptsTable = {
  id: Generated<string>;
  organizationId: string;
  examId: string;
  userId: string;
  number: number;
  seed: number;
  questions: Json<unknown>;
  startedAt: Date;
  deadlineAt: Date;
  submittedAt: Date | null;
  submittedBy: string | null;
  status: string;
  score: number | null;
  maxScore: number;
  passed: boolean | null;
  needsReview: Generated<boolean>;
  gradedAt: Date | null;
};

export type AttemptAnswersTable = {
  attemptId: string;
  key: string;
  answer: ColumnType<unknown, string | null, string | null>;
  revision: number;
  flagged: Generated<boolean>;
  savedAt: Date | null;
  autoScore: number | null;
  score: number | null;
  maxScore: number | null;
  needsReview: Generated<boolean>;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  feedback: string | null;
};

export type AttemptEventsTable = {
  id: Generated<string>;
  attemptId: string;
  kind: string;
  at: Date;
};
