import { releaseOf } from '../../domain/exam/index.js';
import { type AttemptRecord, listAttemptsOfUser } from '../../store/attempts.repository.js';
import { type ExamRecord, listExamsOfUser } from '../../store/exams.repository.js';
import { candidateOf } from './exams.attempts.js';
import { loadAttemptOnTime } from './exams.deadline.js';
import { paperTotals } from './exams.papers.js';
import type { ExamsDeps } from './exams.types.js';

/** An exam as its candidate's list shows it. */
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
  status: 'upcoming' | 'open' | 'closed';
  /** Null before a submitted attempt; score and pass stay null until the paper's policy shows them. */
  best: { score: number | null; passed: boolean | null } | null;
  lastAttemptId: string | null;
};

const statusOf = (exam: ExamRecord, now: Date): MyExam['status'] => {
  if (now < exam.opensAt) return 'upcoming';
  return now < exam.closesAt ? 'open' : 'closed';
};

const bestOf = (exam: ExamRecord, submitted: AttemptRecord[], now: Date): MyExam['best'] => {
  if (submitted.length === 0) return null;
  const release = releaseOf({ spec: exam.paper.spec, now, closesAt: exam.closesAt, submitted: true });
  if (!release.score) return { score: null, passed: null };
  const scores = submitted.flatMap((attempt) => (attempt.score === null ? [] : [attempt.score]));
  const passed = submitted.some((attempt) => attempt.passed === true)
    ? true
    : submitted.every((attempt) => attempt.passed === false)
      ? false
      : null;
  return { score: scores.length === 0 ? null : Math.max(...scores), passed };
};

/** The exams assigned to the signed-in user, with attempts used, the active one and the best result. */
export const listMyExams = async (deps: ExamsDeps): Promise<MyExam[]> => {
  const userId = candidateOf(deps.actor);
  const exams = await listExamsOfUser({ db: deps.db, organizationId: deps.actor.organizationId, userId });
  const examIds = exams.map((exam) => exam.id);
  let attempts = await listAttemptsOfUser({ db: deps.db, userId, examIds });
  const overdue = attempts.filter(
    (attempt) => attempt.status === 'active' && deps.clock.now() > attempt.deadlineAt,
  );
  for (const attempt of overdue)
    await loadAttemptOnTime({ ...deps, organizationId: attempt.organizationId, attemptId: attempt.id });
  if (overdue.length > 0) attempts = await listAttemptsOfUser({ db: deps.db, userId, examIds });
  const now = deps.clock.now();
  return exams.map((exam) => {
    const spec = exam.paper.spec;
    const mine = attempts.filter((attempt) => attempt.examId === exam.id);
    return {
      id: exam.id,
      title: exam.title,
      paperTitle: spec.title,
      opensAt: exam.opensAt.toISOString(),
      closesAt: exam.closesAt.toISOString(),
      timeLimitMinutes: spec.timeLimitMinutes,
      ...paperTotals(spec),
      passMark: spec.passMark,
      attemptsAllowed: spec.attemptsAllowed,
      attemptsUsed: mine.length,
      activeAttemptId: mine.find((attempt) => attempt.status === 'active')?.id ?? null,
      status: statusOf(exam, now),
      best: bestOf(
        exam,
        mine.filter((attempt) => attempt.status === 'submitted'),
        now,
      ),
      lastAttemptId: mine.at(-1)?.id ?? null,
    };
  });
};
