import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChoiceQuestion } from '../../domain/exam/index.js';
import { createTestClock } from '../../server/server.test-utils.js';
import type { DatabaseHandle } from '../../store/database.js';
import { insertOrganization } from '../../store/organizations.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import { insertUser } from '../../store/users.repository.js';
import type { Actor } from '../accounts/index.js';
import { hashPassword } from '../accounts/accounts.crypto.js';
import { seedDemo } from '../demo/demo.seed.js';
import { getQuestion, updateQuestion } from '../questions/index.js';
import { seedBuiltInQuestions } from '../questions/questions.seed.js';
import {
  confirmGrade,
  createExam,
  createPaper,
  entryExamPaperId,
  getAttempt,
  getExamAnalysis,
  getExamResults,
  listGradingQueue,
  listMyExams,
  listPapers,
  listWrongQuestions,
  practiseWrongQuestion,
  regradeQuestion,
  saveAttemptAnswer,
  seedBuiltInPapers,
  startAttempt,
  submitAttempt,
  sweepOverdueAttempts,
} from './index.js';
import { correctAnswers, demoActors, fixedQuestions, fixedSpec, objectiveTypes } from './exams.test-utils.js';

const minute = 60_000;

describe('exam use-cases', () => {
  let database: DatabaseHandle;
  const clock = createTestClock();
  let admin: Actor;
  let supervisor: Actor;
  let xiaomei: Actor;
  let ahui: Actor;
  let tiantian: Actor;
  let organizationId: string;

  const deps = (actor: Actor) => ({ db: database.db, clock, actor });
  const examOf = async (spec = fixedSpec(objectiveTypes), candidates: Actor[] = [xiaomei, ahui]) => {
    const paper = await createPaper({ ...deps(supervisor), spec });
    return createExam({
      ...deps(supervisor),
      paperId: paper.id,
      title: spec.title,
      opensAt: new Date(clock.now().getTime() - minute),
      closesAt: new Date(clock.now().getTime() + 7 * 24 * 60 * minute),
      userIds: candidates.map((candidate) => candidate.userId as string),
    });
  };
  const answerAll = async (actor: Actor, attemptId: string, answers: Record<string, unknown>) => {
    for (const [key, answer] of Object.entries(answers))
      await saveAttemptAnswer({ ...deps(actor), attemptId, key, answer, revision: 1 });
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo({ db: database.db, clock, password: 'kefu-test-password' });
    organizationId = demo.organizationId;
    const { actor } = await demoActors(database.db, demo);
    admin = actor('admin');
    supervisor = actor('zhuguan');
    xiaomei = actor('xiaomei');
    ahui = actor('ahui');
    tiantian = actor('tiantian');
  });
  afterAll(() => database.close());

  test('every organisation holds the built-in 上岗考试 once, as a certifying paper', async () => {
    const papers = await listPapers(deps(admin));
    const entry = papers.filter((paper) => paper.certifies);
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({ passMark: 80, timeLimitMinutes: 60, totalPoints: 100 });
    expect(await seedBuiltInPapers({ db: database.db, clock, organizationId })).toEqual({
      added: 0,
      issues: [],
    });
    const other = await insertOrganization({
      db: database.db,
      name: '新店',
      demo: false,
      createdAt: clock.now(),
    });
    await seedBuiltInQuestions({ db: database.db, clock, organizationId: other.id });
    const seeded = await seedBuiltInPapers({ db: database.db, clock, organizationId: other.id });
    expect(seeded).toEqual({ added: 1, issues: [] });
    expect(entryExamPaperId).toBe('entry-exam');
  });

  test('the demo shows the 售前组 agents one open 上岗考试, and nobody else', async () => {
    const mine = await listMyExams(deps(xiaomei));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'open', questionCount: 42, totalPoints: 100, attemptsUsed: 0 });
    const { actor } = await demoActors(database.db, { organizationId, credentials: [] });
    expect(await listMyExams(deps(actor('xiaoyu')))).toEqual([]);
  });

  test('a candidate starts, answers and submits; the score is graded on submit', async () => {
    const exam = await examOf();
    const started = await startAttempt({ ...deps(xiaomei), examId: exam.id });
    expect(started.status).toBe('active');
    expect(started.questions.map((question) => question.type)).toEqual(objectiveTypes);
    expect(JSON.stringify(started.questions)).not.toMatch(/"answer"|"explanation"/);
    const again = await startAttempt({ ...deps(xiaomei), examId: exam.id });
    expect(again.id).toBe(started.id);
    await answerAll(xiaomei, started.id, {
      q1: correctAnswers.single,
      q2: [0], // 少选: half of 25
      q3: correctAnswers.true_false,
      q4: ['回访'],
    });
    const submitted = await submitAttempt({ ...deps(xiaomei), attemptId: started.id });
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'candidate' });
    expect(submitted.result).toMatchObject({
      score: 87.5,
      maxScore: 100,
      passed: true,
      pendingReview: false,
    });
    expect(submitted.result?.items.map((item) => item.correct)).toEqual([true, false, true, true]);
    expect(submitted.result?.items[1]).toMatchObject({ score: 12.5, answerKey: [0, 3] });
    const resubmitted = await submitAttempt({ ...deps(xiaomei), attemptId: started.id });
    expect(resubmitted.result).toEqual(submitted.result);
  });

  test('with shuffled options, answers and the key are in the order the candidate saw', async () => {
    const exam = await examOf(fixedSpec(['single', 'multiple'], { shuffleOptions: true }), [tiantian]);
    const attempt = await startAttempt({ ...deps(tiantian), examId: exam.id });
    const [single, multiple] = attempt.questions;
    const right = single?.options?.indexOf('快速响应，热情接待') ?? -1;
    const rightMany = ['真诚道歉并提出补救方案', '倾听买家的诉说']
      .map((option) => multiple?.options?.indexOf(option) ?? -1)
      .sort((a, b) => a - b);
    await answerAll(tiantian, attempt.id, { q1: [right], q2: rightMany });
    const submitted = await submitAttempt({ ...deps(tiantian), attemptId: attempt.id });
    expect(submitted.result?.score).toBe(50);
    expect(submitted.result?.items.map((item) => item.answerKey)).toEqual([[right], rightMany]);
  });

  test("another candidate's attempt does not exist for them", async () => {
    const exam = await examOf();
    const attempt = await startAttempt({ ...deps(xiaomei), examId: exam.id });
    await expect(getAttempt({ ...deps(ahui), attemptId: attempt.id })).rejects.toMatchObject({
      code: 'exams.not_found',
    });
    await expect(
      saveAttemptAnswer({ ...deps(ahui), attemptId: attempt.id, key: 'q1', answer: [0], revision: 1 }),
    ).rejects.toMatchObject({ code: 'exams.not_found' });
  });

  test('a stale revision is ignored, a second window after submit gets attempt_closed', async () => {
    const exam = await examOf();
    const { id: attemptId } = await startAttempt({ ...deps(xiaomei), examId: exam.id });
    const save = (answer: unknown, revision: number) =>
      saveAttemptAnswer({ ...deps(xiaomei), attemptId, key: 'q1', answer, revision });
    expect(await save([1], 3)).toMatchObject({ revision: 3 });
    expect(await save([0], 2)).toMatchObject({ revision: 3 });
    expect(await save([2], 3)).toMatchObject({ revision: 3 });
    expect((await getAttempt({ ...deps(xiaomei), attemptId })).answers.q1).toMatchObject({ answer: [1] });
    await expect(save([9], 4)).rejects.toMatchObject({ code: 'validation.failed' });
    await submitAttempt({ ...deps(xiaomei), attemptId });
    await expect(save([0], 5)).rejects.toMatchObject({ code: 'exams.attempt_closed' });
  });

  test('past the deadline the next read submits by deadline; the sweeper submits the rest', async () => {
    const exam = await examOf();
    const first = await startAttempt({ ...deps(xiaomei), examId: exam.id });
    const second = await startAttempt({ ...deps(ahui), examId: exam.id });
    await answerAll(xiaomei, first.id, { q1: correctAnswers.single });
    clock.advance(31 * minute);
    const read = await getAttempt({ ...deps(xiaomei), attemptId: first.id });
    expect(read).toMatchObject({
      status: 'submitted',
      submittedBy: 'deadline',
      submittedAt: first.deadlineAt,
    });
    expect(read.result?.score).toBe(25);
    await expect(
      saveAttemptAnswer({ ...deps(xiaomei), attemptId: first.id, key: 'q2', answer: [0], revision: 1 }),
    ).rejects.toMatchObject({ code: 'exams.deadline_passed' });
    const overdue = await database.db
      .selectFrom('attempts')
      .select('id')
      .where('status', '=', 'active')
      .where('deadlineAt', '<', clock.now())
      .execute();
    expect(overdue.map((row) => row.id)).toContain(second.id);
    expect(await sweepOverdueAttempts({ db: database.db, clock })).toEqual({ finalised: overdue.length });
    const swept = await getAttempt({ ...deps(ahui), attemptId: second.id });
    expect(swept).toMatchObject({ status: 'submitted', submittedBy: 'deadline' });
    expect(await sweepOverdueAttempts({ db: database.db, clock })).toEqual({ finalised: 0 });
  });

  test('attempts are limited by the paper, and the window is enforced', async () => {
    const exam = await examOf(fixedSpec(['single'], { attemptsAllowed: 1 }));
    const attempt = await startAttempt({ ...deps(xiaomei), examId: exam.id });
    await submitAttempt({ ...deps(xiaomei), attemptId: attempt.id });
    await expect(startAttempt({ ...deps(xiaomei), examId: exam.id })).rejects.toMatchObject({
      code: 'exams.no_attempts_left',
    });
    clock.advance(8 * 24 * 60 * minute);
    await expect(startAttempt({ ...deps(ahui), examId: exam.id })).rejects.toMatchObject({
      code: 'exams.not_open',
    });
  });

  test('1,000 candidates starting in the same second each get exactly one attempt', async () => {
    const passwordHash = await hashPassword('kefu-test-password');
    const ids: string[] = [];
    for (let index = 0; index < 1000; index++) {
      const { id } = await insertUser({
        db: database.db,
        user: {
          organizationId,
          login: `load-${index}`,
          displayName: `考生${index}`,
          role: 'agent',
          teamId: null,
          passwordHash,
          mustChangePassword: false,
          createdAt: clock.now(),
        },
      });
      ids.push(id);
    }
    const candidates = ids.map(
      (id, index): Actor => ({
        userId: id,
        login: `load-${index}`,
        organizationId,
        role: 'agent',
        ip: null,
      }),
    );
    const exam = await examOf(
      fixedSpec(objectiveTypes, { shuffleOptions: true, shuffleQuestions: true }),
      candidates,
    );
    const views = await Promise.all(
      [...candidates, ...candidates.slice(0, 50)].map((actor) =>
        startAttempt({ ...deps(actor), examId: exam.id }),
      ),
    );
    expect(new Set(views.map((view) => view.id)).size).toBe(1000);
    const rows = await database.db
      .selectFrom('attempts')
      .select(['userId', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('examId', '=', exam.id)
      .groupBy('userId')
      .execute();
    expect(rows).toHaveLength(1000);
    expect(rows.every((row) => Number(row.count) === 1)).toBe(true);
  }, 180_000);

  test('subjective answers wait for a grader; the last grade makes the result final and certifies once', async () => {
    const spec = fixedSpec([...objectiveTypes, 'short_answer'], {
      certifies: true,
      passMark: 100,
      showScore: 'on_submit',
    });
    const exam = await examOf(spec, [ahui]);
    const attempt = await startAttempt({ ...deps(ahui), examId: exam.id });
    await answerAll(ahui, attempt.id, {
      q1: correctAnswers.single,
      q2: correctAnswers.multiple,
      q3: correctAnswers.true_false,
      q4: correctAnswers.fill_blank,
      q5: '快速响应，倾听，认可感受，真诚道歉，提出补救方案并跟进',
    });
    const submitted = await submitAttempt({ ...deps(ahui), attemptId: attempt.id });
    expect(submitted.result).toMatchObject({ score: null, passed: null, pendingReview: true });
    const queue = await listGradingQueue(deps(supervisor));
    const item = queue.find((one) => one.attemptId === attempt.id);
    expect(item).toMatchObject({ key: 'q5', maxScore: 25, type: 'short_answer' });
    expect(item?.suggestedScore).toBeGreaterThan(0);
    await expect(
      confirmGrade({ ...deps(supervisor), attemptId: attempt.id, key: 'q5', score: 30 }),
    ).rejects.toMatchObject({
      code: 'validation.failed',
    });
    await confirmGrade({
      ...deps(supervisor),
      attemptId: attempt.id,
      key: 'q5',
      score: 25,
      feedback: '很完整',
    });
    await expect(
      confirmGrade({ ...deps(supervisor), attemptId: attempt.id, key: 'q5', score: 20 }),
    ).rejects.toMatchObject({
      code: 'exams.conflict',
    });
    const graded = await getAttempt({ ...deps(ahui), attemptId: attempt.id });
    expect(graded.result).toMatchObject({ score: 125, passed: true, pendingReview: false });
    expect(graded.result?.items[4]).toMatchObject({ feedback: '很完整', score: 25 });
    const certified = await database.db
      .selectFrom('users')
      .select(['certifiedAt', 'certifiedByAttempt'])
      .where('id', '=', ahui.userId as string)
      .executeTakeFirstOrThrow();
    expect(certified).toEqual({ certifiedAt: clock.now(), certifiedByAttempt: attempt.id });
    clock.advance(minute);
    const retry = await startAttempt({ ...deps(ahui), examId: exam.id });
    await answerAll(ahui, retry.id, { q5: '' });
    await submitAttempt({ ...deps(ahui), attemptId: retry.id });
    const audits = await database.db
      .selectFrom('auditLog')
      .select('target')
      .where('action', '=', 'exams.certified')
      .where('target', '=', ahui.userId as string)
      .execute();
    expect(audits).toHaveLength(1);
  });

  test('a key correction regrades past attempts, audited', async () => {
    const exam = await examOf(fixedSpec(['single', 'true_false']), [xiaomei]);
    const attempt = await startAttempt({ ...deps(xiaomei), examId: exam.id });
    await answerAll(xiaomei, attempt.id, { q1: [2], q2: true });
    expect((await submitAttempt({ ...deps(xiaomei), attemptId: attempt.id })).result?.score).toBe(25);
    const { question } = await getQuestion({ ...deps(supervisor), id: fixedQuestions.single });
    await updateQuestion({
      ...deps(supervisor),
      id: fixedQuestions.single,
      question: { ...(question as ChoiceQuestion), answer: [2] },
    });
    expect(
      await regradeQuestion({ ...deps(supervisor), questionId: fixedQuestions.single, examId: exam.id }),
    ).toEqual({
      attempts: 1,
      changed: 1,
    });
    const regraded = await getAttempt({ ...deps(xiaomei), attemptId: attempt.id });
    expect(regraded.result).toMatchObject({
      score: 50,
      items: [{ correct: true, answerKey: [2] }, { correct: true }],
    });
    const audit = await database.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'exams.regrade')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ examId: exam.id, attempts: 1, changed: 1 });
    await updateQuestion({
      ...deps(supervisor),
      id: fixedQuestions.single,
      question: question as ChoiceQuestion,
    });
  });

  test('the 错题本 lists released wrong answers once per question, and practice grades without storing', async () => {
    const exam = await examOf(fixedSpec(['single', 'true_false']), [tiantian]);
    for (let round = 0; round < 2; round++) {
      const attempt = await startAttempt({ ...deps(tiantian), examId: exam.id });
      await answerAll(tiantian, attempt.id, { q1: [0], q2: true });
      await submitAttempt({ ...deps(tiantian), attemptId: attempt.id });
    }
    const wrong = await listWrongQuestions(deps(tiantian));
    const item = wrong.find((one) => one.questionId === fixedQuestions.single);
    expect(item).toMatchObject({ wrongCount: 2, yourAnswer: [0], answerKey: [1], type: 'single' });
    expect(wrong.some((one) => one.questionId === fixedQuestions.true_false)).toBe(false);
    expect(
      await practiseWrongQuestion({ ...deps(tiantian), questionId: fixedQuestions.single, answer: [1] }),
    ).toMatchObject({ correct: true, answerKey: [1] });
    await expect(
      practiseWrongQuestion({ ...deps(tiantian), questionId: fixedQuestions.true_false, answer: true }),
    ).rejects.toMatchObject({ code: 'exams.not_found' });
  });

  test('results and item analysis cover the graded attempts', async () => {
    const exam = await examOf(fixedSpec(['single', 'true_false']));
    for (const [actor, answers] of [
      [xiaomei, { q1: [1], q2: true }],
      [ahui, { q1: [0], q2: true }],
    ] as const) {
      const attempt = await startAttempt({ ...deps(actor), examId: exam.id });
      await answerAll(actor, attempt.id, answers);
      await submitAttempt({ ...deps(actor), attemptId: attempt.id });
    }
    const results = await getExamResults({ ...deps(supervisor), examId: exam.id });
    expect(
      results.candidates.map((candidate) => [candidate.best, candidate.passed, candidate.status]),
    ).toEqual(
      expect.arrayContaining([
        [50, true, 'submitted'],
        [25, false, 'submitted'],
      ]),
    );
    expect(results).toMatchObject({ passRate: 0.5, averageScore: 37.5 });
    expect(results.distribution.reduce((sum, bin) => sum + bin.count, 0)).toBe(2);
    const analysis = await getExamAnalysis({ ...deps(supervisor), examId: exam.id });
    expect(analysis).toMatchObject({ attempts: 2, fewAttempts: true });
    const single = analysis.items.find((item) => item.questionId === fixedQuestions.single);
    expect(single).toMatchObject({ facility: 0.5, optionDistribution: { A: 1, B: 1 }, type: 'single' });
    await expect(getExamResults({ ...deps(xiaomei), examId: exam.id })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
