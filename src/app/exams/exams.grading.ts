import {
  type CandidateAnswer,
  gradeAnswer,
  isPassed,
  type PaperSpec,
  type Question,
} from '../../domain/exam/index.js';
import { type AnswerGrade, listAnswers, writeGrades } from '../../store/attempt-answers.repository.js';
import {
  type AttemptRecord,
  certifyUser,
  findAttempt,
  markSubmitted,
  type SubmittedBy,
  setAttemptResult,
} from '../../store/attempts.repository.js';
import { type Db, inTransaction } from '../../store/database.js';
import { findExam } from '../../store/exams.repository.js';
import { recordAudit } from '../accounts/index.js';
import { builtInRuleLibrary, type RuleLibrary } from '../compliance/index.js';
import { toGradable } from './exams.answers.js';
import { attemptQuestions } from './exams.bank.js';
import type { GradingDeps } from './exams.types.js';

// Rules are dated in China time, as in the live 话术检查.
const ruleDay = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

/**
 * The compliance check a 话术题 reply goes through (also inside a 案例分析): the rule ids it breaks.
 * The checker is compiled only when a reply is actually checked.
 */
const replyCheck = (library: RuleLibrary, now: Date, question: Question) => (text: string) =>
  library
    .checkerFor({ day: ruleDay(now) })
    .check({ text, ...(question.type === 'scenario' ? { buyerText: question.buyerText } : {}) })
    .findings.map((finding) => finding.rule);

const round = (value: number) => Math.round(value * 100) / 100;

/** Grades one answer with the domain's gradeAnswer, replies checked against the rule library. */
export const gradeOne = ({
  question,
  points,
  answer,
  library,
  now,
}: {
  question: Question;
  points: number;
  answer: CandidateAnswer;
  library: RuleLibrary;
  now: Date;
}) => gradeAnswer({ question, points, answer, checkReply: replyCheck(library, now, question) });

/**
 * Grades the questions of a submitted attempt (all, or only `keys`) and stores the grades;
 * reviews already made stay.
 */
export const gradeAttemptAnswers = async ({
  db,
  clock,
  library = builtInRuleLibrary(),
  attempt,
  keys,
}: GradingDeps & { attempt: AttemptRecord; keys?: Set<string> }): Promise<void> => {
  const questions = await attemptQuestions({
    db,
    organizationId: attempt.organizationId,
    questions: attempt.questions,
  });
  const saved = new Map((await listAnswers({ db, attemptId: attempt.id })).map((row) => [row.key, row]));
  const now = clock.now();
  const chosen = keys ? attempt.questions.filter((entry) => keys.has(entry.key)) : attempt.questions;
  const grades: AnswerGrade[] = chosen.map((entry) => {
    const question = questions.get(entry.key) as Question;
    const answer = toGradable(question, entry, saved.get(entry.key)?.answer ?? null);
    const graded = gradeOne({ question, points: entry.points, answer, library, now });
    return {
      key: entry.key,
      autoScore: round(graded.score),
      score: graded.needsReview ? null : round(graded.score),
      maxScore: round(graded.maxScore),
      needsReview: graded.needsReview,
    };
  });
  await writeGrades({ db, attemptId: attempt.id, grades });
};

/**
 * Totals an attempt from its answers: pending while an answer waits for a person; otherwise the
 * score, pass and — for a passing attempt of a certifying paper — the candidate's 上岗 (once).
 */
export const settleAttempt = async ({
  db,
  clock,
  attempt,
  spec,
  reviewerId = null,
}: {
  db: Db;
  clock: GradingDeps['clock'];
  attempt: AttemptRecord;
  spec: PaperSpec;
  reviewerId?: string | null;
}): Promise<void> => {
  const answers = await listAnswers({ db, attemptId: attempt.id });
  const pending = answers.some((answer) => answer.needsReview && answer.reviewedAt === null);
  if (pending) {
    await setAttemptResult({
      db,
      id: attempt.id,
      result: { score: null, maxScore: attempt.maxScore, passed: null, needsReview: true, gradedAt: null },
    });
    return;
  }
  const score = round(answers.reduce((sum, answer) => sum + (answer.score ?? 0), 0));
  const passed = isPassed(score, spec.passMark);
  const now = clock.now();
  await setAttemptResult({
    db,
    id: attempt.id,
    result: { score, maxScore: attempt.maxScore, passed, needsReview: false, gradedAt: now },
  });
  if (
    spec.certifies &&
    passed &&
    (await certifyUser({ db, userId: attempt.userId, attemptId: attempt.id, at: now }))
  ) {
    await recordAudit({
      db,
      clock,
      actor: { userId: reviewerId, organizationId: attempt.organizationId, ip: null },
      action: 'exams.certified',
      target: attempt.userId,
      details: { attemptId: attempt.id, examId: attempt.examId, score },
    });
  }
};

/**
 * Submits an active attempt and grades it, in one transaction; nothing happens when it was
 * already submitted (by another window, or the sweeper). Returns the attempt as it now stands.
 */
export const finaliseAttempt = async ({
  db,
  clock,
  library,
  organizationId,
  attemptId,
  submittedAt,
  submittedBy,
}: GradingDeps & {
  organizationId: string;
  attemptId: string;
  submittedAt: Date;
  submittedBy: SubmittedBy;
}): Promise<AttemptRecord | undefined> =>
  inTransaction(db, async (trx) => {
    const submitted = await markSubmitted({ db: trx, id: attemptId, submittedAt, submittedBy });
    if (submitted) {
      const exam = await findExam({ db: trx, organizationId, id: submitted.examId });
      if (!exam) throw new Error(`attempt ${attemptId} belongs to no exam`);
      await gradeAttemptAnswers({ db: trx, clock, library, attempt: submitted });
      await settleAttempt({ db: trx, clock, attempt: submitted, spec: exam.paper.spec });
    }
    return findAttempt({ db: trx, organizationId, id: attemptId });
  });
