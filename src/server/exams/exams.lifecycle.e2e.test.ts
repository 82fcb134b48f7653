import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  correctAnswers,
  fixedQuestions,
  fixedSpec,
  objectiveTypes,
} from '../../app/exams/exams.test-utils.js';
import { overrideConfig } from '../../config/config.test-utils.js';
import type { PaperSpec } from '../../domain/exam/index.js';
import { createServer } from '../server.js';
import { createTestServer, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

const minute = 60_000;
const config = overrideConfig({ exams: { sweepSeconds: 1 } });

describe('exam API: deadlines, restarts, grading, regrade, certification', () => {
  let server: TestServer;
  let supervisor: Session;
  let xiaomei: Session;
  let ahui: Session;

  const call = (session: Session, method: Method, url: string, payload?: unknown) =>
    server.app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const examOf = async (spec: PaperSpec, candidates: Session[]) => {
    const paper = await call(supervisor, 'POST', '/api/papers', spec);
    expect(paper.statusCode, paper.body).toBe(200);
    const now = server.clock.now().getTime();
    const exam = await call(supervisor, 'POST', '/api/exams', {
      paperId: paper.json().id,
      title: spec.title,
      opensAt: new Date(now - minute).toISOString(),
      closesAt: new Date(now + 24 * 60 * minute).toISOString(),
      userIds: candidates.map((candidate) => candidate.userId),
    });
    expect(exam.statusCode, exam.body).toBe(200);
    return exam.json().id as string;
  };
  const startAndAnswer = async (session: Session, examId: string, answers: Record<string, unknown>) => {
    const attempt = (await call(session, 'POST', `/api/my/exams/${examId}/attempts`)).json();
    for (const [key, answer] of Object.entries(answers)) {
      const saved = await call(session, 'PUT', `/api/attempts/${attempt.id}/answers/${key}`, {
        answer,
        revision: 1,
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    return attempt.id as string;
  };

  beforeAll(async () => {
    server = await createTestServer({ config });
    supervisor = await signIn(server.app, 'zhuguan');
    xiaomei = await signIn(server.app, 'xiaomei');
    ahui = await signIn(server.app, 'ahui');
  });
  afterAll(() => server.close());

  test('after the deadline the next read shows the attempt submitted by deadline', async () => {
    const examId = await examOf(fixedSpec(objectiveTypes, { timeLimitMinutes: 10 }), [xiaomei]);
    const attemptId = await startAndAnswer(xiaomei, examId, { q1: correctAnswers.single });
    server.clock.advance(11 * minute);
    const read = (await call(xiaomei, 'GET', `/api/attempts/${attemptId}`)).json();
    expect(read).toMatchObject({ status: 'submitted', submittedBy: 'deadline', result: { score: 25 } });
    const late = await call(xiaomei, 'PUT', `/api/attempts/${attemptId}/answers/q2`, {
      answer: [0],
      revision: 2,
    });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'exams.deadline_passed']);
  });

  test('the sweeper submits an overdue attempt without any request', async () => {
    const examId = await examOf(fixedSpec(objectiveTypes, { timeLimitMinutes: 10 }), [ahui]);
    const attemptId = await startAndAnswer(ahui, examId, { q3: true });
    server.clock.advance(11 * minute);
    const status = async () =>
      (
        await server.db
          .selectFrom('attempts')
          .select(['status', 'submittedBy', 'score'])
          .where('id', '=', attemptId)
          .executeTakeFirstOrThrow()
      ).status;
    const deadline = Date.now() + 10_000;
    while ((await status()) === 'active' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const row = await server.db
      .selectFrom('attempts')
      .select(['status', 'submittedBy', 'score'])
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', submittedBy: 'deadline', score: 25 });
  });

  test('an attempt survives a server restart with its answers', async () => {
    const examId = await examOf(fixedSpec(objectiveTypes), [xiaomei]);
    const attemptId = await startAndAnswer(xiaomei, examId, { q1: [1], q4: ['跟进'] });
    await server.app.close();
    server.app = await createServer({ db: server.db, config, clock: server.clock });
    const read = await call(xiaomei, 'GET', `/api/attempts/${attemptId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      status: 'active',
      answers: { q1: { answer: [1], revision: 1 }, q4: { answer: ['跟进'], revision: 1 } },
    });
  });

  test('the grading queue completes an attempt, and passing a certifying paper certifies once', async () => {
    const examId = await examOf(
      fixedSpec([...objectiveTypes, 'scenario'], { certifies: true, passMark: 110, title: '上岗测验' }),
      [ahui],
    );
    const attemptId = await startAndAnswer(ahui, examId, {
      q1: correctAnswers.single,
      q2: correctAnswers.multiple,
      q3: correctAnswers.true_false,
      q4: correctAnswers.fill_blank,
      q5: '亲，可以开发票哦，不收任何费用，按实付金额开具，开好包邮寄给您',
    });
    const submitted = (await call(ahui, 'POST', `/api/attempts/${attemptId}/submit`)).json();
    expect(submitted.result).toMatchObject({ pendingReview: true, score: null });
    const queue = (await call(supervisor, 'GET', '/api/grading')).json();
    const item = queue.items.find((one: { attemptId: string }) => one.attemptId === attemptId);
    expect(item).toMatchObject({ key: 'q5', type: 'scenario', maxScore: 25 });
    expect(item.reference.length).toBeGreaterThan(0);
    const graded = await call(supervisor, 'POST', `/api/grading/${attemptId}/q5`, {
      score: 20,
      feedback: '可以更简洁',
    });
    expect(graded.statusCode, graded.body).toBe(204);
    const result = (await call(ahui, 'GET', `/api/attempts/${attemptId}`)).json().result;
    expect(result).toMatchObject({ score: 120, passed: true, pendingReview: false });
    const me = (await call(ahui, 'GET', '/api/auth/me')).json();
    expect(me.user.certifiedAt).toBe(server.clock.now().toISOString());
    const users = (await call(supervisor, 'GET', '/api/users')).json();
    const row = users.users.find((user: { id: string }) => user.id === ahui.userId);
    expect(row.certifiedAt).toBe(me.user.certifiedAt);
    server.clock.advance(minute);
    const retry = await startAndAnswer(ahui, examId, {
      ...Object.fromEntries(objectiveTypes.map((_, i) => [`q${i + 1}`, null])),
    });
    await call(ahui, 'POST', `/api/attempts/${retry}/submit`);
    const after = (await call(ahui, 'GET', '/api/auth/me')).json();
    expect(after.user.certifiedAt).toBe(me.user.certifiedAt);
  });

  test('a regrade changes past scores and is audited', async () => {
    const examId = await examOf(fixedSpec(['true_false', 'single']), [xiaomei]);
    const attemptId = await startAndAnswer(xiaomei, examId, { q1: false, q2: correctAnswers.single });
    expect((await call(xiaomei, 'POST', `/api/attempts/${attemptId}/submit`)).json().result.score).toBe(25);
    const current = (await call(supervisor, 'GET', `/api/questions/${fixedQuestions.true_false}`)).json();
    const edited = await call(supervisor, 'PATCH', `/api/questions/${fixedQuestions.true_false}`, {
      question: { ...current.question, answer: false },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const regrade = await call(supervisor, 'POST', `/api/questions/${fixedQuestions.true_false}/regrade`, {
      examId,
    });
    expect(regrade.json()).toEqual({ attempts: 1, changed: 1 });
    expect((await call(xiaomei, 'GET', `/api/attempts/${attemptId}`)).json().result.score).toBe(50);
    const report = (await call(supervisor, 'GET', `/api/attempts/${attemptId}/report`)).json();
    expect(report.questions[0]).toMatchObject({ score: 25, answer: false, version: current.version + 1 });
    const audit = await server.db
      .selectFrom('auditLog')
      .select(['actorId', 'details'])
      .where('action', '=', 'exams.regrade')
      .where('target', '=', fixedQuestions.true_false)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actorId: supervisor.userId, details: { examId, attempts: 1, changed: 1 } });
  });

  test('results list every assigned candidate with tab switches and a score histogram', async () => {
    const examId = await examOf(fixedSpec(['single']), [xiaomei, ahui]);
    const attemptId = await startAndAnswer(xiaomei, examId, { q1: correctAnswers.single });
    await call(xiaomei, 'POST', `/api/attempts/${attemptId}/events`, { kind: 'blur' });
    await call(xiaomei, 'POST', `/api/attempts/${attemptId}/submit`);
    const results = (await call(supervisor, 'GET', `/api/exams/${examId}/results`)).json();
    expect(results.candidates).toHaveLength(2);
    expect(results.candidates.find((one: { userId: string }) => one.userId === xiaomei.userId)).toMatchObject(
      {
        best: 25,
        passed: true,
        blurCount: 1,
        status: 'submitted',
        lastAttemptId: attemptId,
      },
    );
    expect(results.candidates.find((one: { userId: string }) => one.userId === ahui.userId)).toMatchObject({
      status: 'not_started',
      best: null,
      lastAttemptId: null,
    });
    const exams = (await call(supervisor, 'GET', '/api/exams')).json();
    expect(exams.exams.find((exam: { id: string }) => exam.id === examId)).toMatchObject({
      assigned: 2,
      submitted: 1,
    });
    const analysis = await call(supervisor, 'GET', `/api/exams/${examId}/analysis`);
    expect(analysis.statusCode, analysis.body).toBe(200);
    expect(analysis.json()).toMatchObject({ attempts: 1, fewAttempts: true });
  });
});
