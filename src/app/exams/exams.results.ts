import { analyseItems, type Question, scoreDistribution } from '../../domain/exam/index.js';
import { listAnswers, listAnswersOfAttempts } from '../../store/attempt-answers.repository.js';
import {
  type AttemptRecord,
  countBlursByUser,
  listAttemptEvents,
  listAttemptsOfExam,
} from '../../store/attempts.repository.js';
import { findExam, listAssignees, listExamSummaries } from '../../store/exams.repository.js';
import { findUser } from '../../store/users.repository.js';
import { authorize } from '../accounts/accounts.authorize.js';
import { recordAudit } from '../accounts/index.js';
import { responseLabel, toGradable } from './exams.answers.js';
import { attemptQuestions, loadQuestionVersions, refKey } from './exams.bank.js';
import { loadAttemptOnTime } from './exams.deadline.js';
import { examsErrors } from './exams.errors.js';
import { paperTotals } from './exams.papers.js';
import { type ExamSummary, toExamSummary } from './exams.sessions.js';
import type { ExamsDeps } from './exams.types.js';

export type CandidateStatus = 'not_started' | 'in_progress' | 'pending_review' | 'submitted';

export type CandidateResult = {
  userId: string;
  displayName: string;
  login: string;
  team: string | null;
  attempts: number;
  /** The best graded score, null before one. */
  best: number | null;
  passed: boolean | null;
  submittedAt: string | null;
  blurCount: number;
  status: CandidateStatus;
  /** The attempt a manager opens from the results: the best graded one, else the latest. */
  lastAttemptId: string | null;
};

export type ExamResults = {
  exam: ExamSummary;
  candidates: CandidateResult[];
  distribution: { from: number; to: number; count: number }[];
  /** Passed ÷ candidates with a graded attempt; null before any. */
  passRate: number | null;
  averageScore: number | null;
};

/** The exam (of the manager's organisation) with its overdue attempts submitted first. */
const managedExam = async (deps: ExamsDeps, examId: string) => {
  authorize(deps.actor, 'exams.manage');
  const exam = await findExam({ db: deps.db, organizationId: deps.actor.organizationId, id: examId });
  if (!exam) throw examsErrors.examNotFound(examId);
  const now = deps.clock.now();
  let attempts = await listAttemptsOfExam({ db: deps.db, examId });
  const overdue = attempts.filter((attempt) => attempt.status === 'active' && now > attempt.deadlineAt);
  for (const attempt of overdue)
    await loadAttemptOnTime({ ...deps, organizationId: exam.organizationId, attemptId: attempt.id });
  if (overdue.length > 0) attempts = await listAttemptsOfExam({ db: deps.db, examId });
  return { exam, attempts };
};

const statusOf = (mine: AttemptRecord[]): CandidateStatus => {
  if (mine.length === 0) return 'not_started';
  if (mine.some((attempt) => attempt.status === 'active')) return 'in_progress';
  return mine.some((attempt) => attempt.needsReview) ? 'pending_review' : 'submitted';
};

const candidateResult = (
  assignee: Awaited<ReturnType<typeof listAssignees>>[number],
  mine: AttemptRecord[],
  blurCount: number,
): CandidateResult => {
  const graded = mine.filter((attempt) => attempt.score !== null);
  const best = graded.reduce<AttemptRecord | null>(
    (top, attempt) => (top === null || (attempt.score ?? 0) > (top.score ?? 0) ? attempt : top),
    null,
  );
  const latest = mine.reduce<AttemptRecord | null>(
    (last, attempt) => (last === null || attempt.number > last.number ? attempt : last),
    null,
  );
  const submittedAt = mine
    .flatMap((attempt) => (attempt.submittedAt ? [attempt.submittedAt.getTime()] : []))
    .reduce<number | null>((latest, at) => (latest === null || at > latest ? at : latest), null);
  return {
    ...assignee,
    attempts: mine.length,
    best: graded.length === 0 ? null : Math.max(...graded.map((attempt) => attempt.score ?? 0)),
    passed: graded.length === 0 ? null : graded.some((attempt) => attempt.passed === true),
    submittedAt: submittedAt === null ? null : new Date(submittedAt).toISOString(),
    blurCount,
    status: statusOf(mine),
    lastAttemptId: (best ?? latest)?.id ?? null,
  };
};

/** Every assigned candidate's progress and best result, the score histogram and the pass rate. */
export const getExamResults = async (deps: ExamsDeps & { examId: string }): Promise<ExamResults> => {
  const { exam, attempts } = await managedExam(deps, deps.examId);
  const assignees = await listAssignees({ db: deps.db, examId: exam.id });
  const blurs = await countBlursByUser({ db: deps.db, examId: exam.id });
  const candidates = assignees.map((assignee) =>
    candidateResult(
      assignee,
      attempts.filter((attempt) => attempt.userId === assignee.userId),
      blurs.get(assignee.userId) ?? 0,
    ),
  );
  const bests = candidates.flatMap((candidate) => (candidate.best === null ? [] : [candidate.best]));
  const [summary] = await listExamSummaries({
    db: deps.db,
    organizationId: exam.organizationId,
    examId: exam.id,
  });
  if (!summary) throw examsErrors.examNotFound(exam.id);
  return {
    exam: toExamSummary(summary),
    candidates,
    distribution: scoreDistribution(bests, paperTotals(exam.paper.spec).totalPoints),
    passRate:
      bests.length === 0
        ? null
        : candidates.filter((candidate) => candidate.passed === true).length / bests.length,
    averageScore:
      bests.length === 0 ? null : Math.round((bests.reduce((a, b) => a + b, 0) / bests.length) * 100) / 100,
  };
};

const latestVersions = (attempts: AttemptRecord[]) => {
  const versions = new Map<string, number>();
  for (const attempt of attempts)
    for (const entry of attempt.questions)
      versions.set(entry.questionId, Math.max(versions.get(entry.questionId) ?? 0, entry.version));
  return versions;
};

/** 试题分析 over the exam's graded attempts, each item with its stem, type and latest version. */
export const getExamAnalysis = async (deps: ExamsDeps & { examId: string }) => {
  const { exam, attempts } = await managedExam(deps, deps.examId);
  const graded = attempts.filter((attempt) => attempt.status === 'submitted' && attempt.score !== null);
  const answers = await listAnswersOfAttempts({
    db: deps.db,
    attemptIds: graded.map((attempt) => attempt.id),
  });
  const questions = await loadQuestionVersions({
    db: deps.db,
    organizationId: exam.organizationId,
    refs: graded.flatMap((attempt) => attempt.questions),
  });
  const analysis = analyseItems({
    attempts: graded.map((attempt) => {
      const rows = new Map((answers.get(attempt.id) ?? []).map((row) => [row.key, row]));
      return {
        total: attempt.score ?? 0,
        maxTotal: attempt.maxScore,
        items: attempt.questions.map((entry) => {
          const question = questions.get(refKey(entry.questionId, entry.version)) as Question;
          const row = rows.get(entry.key);
          const response = responseLabel(question, toGradable(question, entry, row?.answer ?? null));
          return {
            questionId: entry.questionId,
            score: row?.score ?? 0,
            maxScore: row?.maxScore ?? entry.points,
            ...(response === undefined ? {} : { response }),
          };
        }),
      };
    }),
  });
  const versions = latestVersions(graded);
  return {
    ...analysis,
    items: analysis.items.map((item) => {
      const version = versions.get(item.questionId) ?? 1;
      const question = questions.get(refKey(item.questionId, version));
      return { ...item, stem: question?.stem ?? '', type: question?.type ?? 'single', version };
    }),
  };
};

/**
 * One attempt with everything: each question as stored (key included), the answer in the bank's
 * option order, scores and the tab events. Reading it is audited, like any answer-key access.
 */
export const getAttemptReport = async (deps: ExamsDeps & { attemptId: string }) => {
  authorize(deps.actor, 'exams.manage');
  const organizationId = deps.actor.organizationId;
  const attempt = await loadAttemptOnTime({ ...deps, organizationId, attemptId: deps.attemptId });
  if (!attempt) throw examsErrors.attemptNotFound(deps.attemptId);
  const exam = await findExam({ db: deps.db, organizationId, id: attempt.examId });
  if (!exam) throw examsErrors.attemptNotFound(deps.attemptId);
  const user = await findUser({ db: deps.db, organizationId, id: attempt.userId });
  const questions = await attemptQuestions({ db: deps.db, organizationId, questions: attempt.questions });
  const answers = new Map(
    (await listAnswers({ db: deps.db, attemptId: attempt.id })).map((row) => [row.key, row]),
  );
  const events = await listAttemptEvents({ db: deps.db, attemptId: attempt.id });
  await recordAudit({
    db: deps.db,
    clock: deps.clock,
    actor: deps.actor,
    action: 'exams.report_viewed',
    target: attempt.id,
  });
  return {
    attempt: {
      id: attempt.id,
      examId: exam.id,
      examTitle: exam.title,
      userId: attempt.userId,
      displayName: user?.displayName ?? '',
      login: user?.login ?? '',
      number: attempt.number,
      status: attempt.status,
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: attempt.deadlineAt.toISOString(),
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      submittedBy: attempt.submittedBy,
      score: attempt.score,
      maxScore: attempt.maxScore,
      passed: attempt.passed,
      pendingReview: attempt.needsReview,
    },
    questions: attempt.questions.map((entry) => {
      const question = questions.get(entry.key) as Question;
      const row = answers.get(entry.key);
      return {
        key: entry.key,
        questionId: entry.questionId,
        version: entry.version,
        section: entry.section,
        points: entry.points,
        question,
        answer: row && row.revision > 0 ? toGradable(question, entry, row.answer) : null,
        savedAt: row?.savedAt?.toISOString() ?? null,
        score: row?.score ?? null,
        autoScore: row?.autoScore ?? null,
        maxScore: row?.maxScore ?? entry.points,
        pendingReview: row ? row.needsReview && row.reviewedAt === null : false,
        feedback: row?.feedback ?? null,
      };
    }),
    events: events.map((event) => ({ kind: event.kind, at: event.at.toISOString() })),
  };
};
