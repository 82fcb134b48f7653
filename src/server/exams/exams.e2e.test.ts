import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { correctAnswers, fixedSpec } from '../../app/exams/exams.test-utils.js';
import type { QuestionType } from '../../domain/exam/index.js';
import { createTestServer, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

const day = 24 * 60 * 60_000;
const allTypes: QuestionType[] = [
  'single',
  'multiple',
  'true_false',
  'fill_blank',
  'short_answer',
  'scenario',
  'case',
];
// Keys of a Question that only the answer key, the explanation or grading may reveal.
const secretKeys = /"(answer|explanation|reference|rubric|forbiddenRules|answerKey)"\s*:/;

describe('exam API: the candidate side', () => {
  let server: TestServer;
  let supervisor: Session;
  let xiaomei: Session;
  let ahui: Session;
  let examId: string;
  let explanations: string[];

  const call = (session: Session, method: Method, url: string, payload?: unknown) =>
    server.app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const start = async (session: Session, id = examId) => {
    const response = await call(session, 'POST', `/api/my/exams/${id}/attempts`);
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  beforeAll(async () => {
    server = await createTestServer();
    supervisor = await signIn(server.app, 'zhuguan');
    xiaomei = await signIn(server.app, 'xiaomei');
    ahui = await signIn(server.app, 'ahui');
    const spec = fixedSpec(allTypes, { showKey: 'after_close', title: '全题型测验' });
    const paper = await call(supervisor, 'POST', '/api/papers', spec);
    expect(paper.statusCode, paper.body).toBe(200);
    const now = server.clock.now().getTime();
    const exam = await call(supervisor, 'POST', '/api/exams', {
      paperId: paper.json().id,
      title: '全题型测验',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + day).toISOString(),
      userIds: [xiaomei.userId, ahui.userId],
    });
    expect(exam.statusCode, exam.body).toBe(200);
    examId = exam.json().id;
    const questions = await server.db.selectFrom('questionVersions').select('body').execute();
    explanations = questions
      .map((row) => (row.body as { explanation: string }).explanation)
      .filter((text) => text.length > 12);
  });
  afterAll(() => server.close());

  test('agents get 403 on every manager and grader route', async () => {
    const routes: [Method, string, unknown?][] = [
      ['GET', '/api/papers'],
      ['POST', '/api/papers', fixedSpec(['single'])],
      ['POST', '/api/papers/preview', fixedSpec(['single'])],
      ['GET', `/api/papers/${examId}`],
      ['GET', '/api/exams'],
      ['POST', '/api/exams', {}],
      ['PATCH', `/api/exams/${examId}`, {}],
      ['GET', `/api/exams/${examId}/results`],
      ['GET', `/api/exams/${examId}/analysis`],
      ['GET', `/api/attempts/${examId}/report`],
      ['POST', '/api/questions/q-aftersale-001/regrade', {}],
      ['GET', '/api/grading'],
      ['POST', `/api/grading/${examId}/q1`, { score: 1 }],
    ];
    for (const [method, url, payload] of routes) {
      const response = await call(xiaomei, method, url, payload);
      expect([method, url, response.statusCode]).toEqual([method, url, 403]);
    }
  });

  test('the candidate sees the exam, starts it, autosaves, submits and gets the score', async () => {
    const list = (await call(xiaomei, 'GET', '/api/my/exams')).json();
    const mine = list.exams.find((exam: { id: string }) => exam.id === examId);
    expect(mine).toMatchObject({ status: 'open', questionCount: 7, totalPoints: 175, activeAttemptId: null });
    const attempt = (await start(xiaomei)).json();
    expect(attempt.questions.map((question: { type: string }) => question.type)).toEqual(allTypes);
    expect(attempt.questions[6].subQuestions.length).toBeGreaterThan(0);
    const answers: [string, unknown][] = [
      ['q1', correctAnswers.single],
      ['q2', correctAnswers.multiple],
      ['q3', correctAnswers.true_false],
      ['q4', correctAnswers.fill_blank],
      ['q5', '倾听，道歉，补救'],
      ['q6', '亲，可以开发票的，不收费，按实付金额开具'],
      ['q7', { '0': ['40'] }],
    ];
    for (const [key, answer] of answers) {
      const saved = await call(xiaomei, 'PUT', `/api/attempts/${attempt.id}/answers/${key}`, {
        answer,
        revision: 1,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ key, revision: 1 });
    }
    const flagged = await call(xiaomei, 'PUT', `/api/attempts/${attempt.id}/answers/q1`, {
      answer: correctAnswers.single,
      revision: 2,
      flagged: true,
    });
    expect(flagged.statusCode).toBe(200);
    expect(
      (await call(xiaomei, 'POST', `/api/attempts/${attempt.id}/events`, { kind: 'blur' })).statusCode,
    ).toBe(204);
    const read = (await call(xiaomei, 'GET', `/api/attempts/${attempt.id}`)).json();
    expect(read.flagged).toEqual(['q1']);
    expect(read.answers.q7.answer).toEqual({ '0': ['40'] });
    const submitted = await call(xiaomei, 'POST', `/api/attempts/${attempt.id}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedBy: 'candidate' });
    expect(submitted.json().result).toMatchObject({ pendingReview: true, passed: null });
    const again = await call(xiaomei, 'POST', `/api/attempts/${attempt.id}/submit`);
    expect(again.json().submittedAt).toBe(submitted.json().submittedAt);
  });

  test('no candidate response carries a key, explanation, reference or rubric before the policy allows', async () => {
    const attempt = (await start(ahui)).json();
    const bodies = [
      (await call(ahui, 'GET', '/api/my/exams')).body,
      (await start(ahui)).body,
      (await call(ahui, 'GET', `/api/attempts/${attempt.id}`)).body,
    ];
    await call(ahui, 'PUT', `/api/attempts/${attempt.id}/answers/q1`, { answer: [0], revision: 1 });
    bodies.push((await call(ahui, 'POST', `/api/attempts/${attempt.id}/submit`)).body);
    bodies.push((await call(ahui, 'GET', `/api/attempts/${attempt.id}`)).body);
    bodies.push((await call(ahui, 'GET', '/api/my/wrong-questions')).body);
    for (const body of bodies) {
      const parsed = JSON.parse(body) as { questions?: unknown[]; result?: { items: unknown[] } };
      for (const question of parsed.questions ?? []) expect(JSON.stringify(question)).not.toMatch(secretKeys);
      for (const item of parsed.result?.items ?? []) expect(JSON.stringify(item)).not.toMatch(secretKeys);
      for (const explanation of explanations) expect(body).not.toContain(explanation);
    }
    expect(JSON.parse(bodies[5] as string)).toEqual({ items: [] });
    // Once the exam has closed, the key is released (showKey: after_close).
    const closeAt = (at: number) =>
      call(supervisor, 'PATCH', `/api/exams/${examId}`, { closesAt: new Date(at).toISOString() });
    expect((await closeAt(server.clock.now().getTime() + 1000)).statusCode).toBe(200);
    server.clock.advance(2000);
    const released = (await call(ahui, 'GET', `/api/attempts/${attempt.id}`)).json();
    expect(released.result.items[0]).toMatchObject({ answerKey: correctAnswers.single, correct: false });
    expect(typeof released.result.items[0].explanation).toBe('string');
    const wrong = (await call(ahui, 'GET', '/api/my/wrong-questions')).json();
    expect(wrong.items.length).toBeGreaterThan(0);
    expect((await closeAt(server.clock.now().getTime() + day)).statusCode).toBe(200);
  });

  test("another candidate's attempt is a 404 for every attempt route", async () => {
    const { id } = (await start(xiaomei)).json();
    const routes: [Method, string, unknown?][] = [
      ['GET', `/api/attempts/${id}`],
      ['PUT', `/api/attempts/${id}/answers/q1`, { answer: [0], revision: 9 }],
      ['POST', `/api/attempts/${id}/events`, { kind: 'blur' }],
      ['POST', `/api/attempts/${id}/submit`],
    ];
    for (const [method, url, payload] of routes) {
      const response = await call(ahui, method, url, payload);
      expect([method, url, response.statusCode, response.json().error.code]).toEqual([
        method,
        url,
        404,
        'exams.not_found',
      ]);
    }
    const unassigned = await signIn(server.app, 'xiaoyu');
    expect((await call(unassigned, 'POST', `/api/my/exams/${examId}/attempts`)).statusCode).toBe(404);
  });

  test('a stale revision is ignored and a second window saving after submit gets 409', async () => {
    const { id } = (await start(xiaomei)).json();
    const save = (answer: unknown, revision: number) =>
      call(xiaomei, 'PUT', `/api/attempts/${id}/answers/q3`, { answer, revision });
    expect((await save(true, 5)).json()).toMatchObject({ revision: 5 });
    const stale = await save(false, 4);
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toMatchObject({ revision: 5 });
    expect((await call(xiaomei, 'GET', `/api/attempts/${id}`)).json().answers.q3.answer).toBe(true);
    expect((await save('对', 6)).statusCode).toBe(400);
    await call(xiaomei, 'POST', `/api/attempts/${id}/submit`);
    const late = await save(false, 7);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('exams.attempt_closed');
  });

  test('moving the start later hides the questions and refuses starts and saves', async () => {
    const { id } = (await start(ahui)).json();
    const later = new Date(server.clock.now().getTime() + 60 * 60_000).toISOString();
    const patched = await call(supervisor, 'PATCH', `/api/exams/${examId}`, { opensAt: later });
    expect(patched.statusCode, patched.body).toBe(200);
    const hidden = (await call(ahui, 'GET', `/api/attempts/${id}`)).json();
    expect(hidden.questions).toEqual([]);
    const save = await call(ahui, 'PUT', `/api/attempts/${id}/answers/q1`, { answer: [1], revision: 3 });
    expect([save.statusCode, save.json().error.code]).toEqual([409, 'exams.not_open']);
    const fresh = await signIn(server.app, 'tiantian');
    await call(supervisor, 'PATCH', `/api/exams/${examId}`, { addUserIds: [fresh.userId] });
    const refused = await call(fresh, 'POST', `/api/my/exams/${examId}/attempts`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'exams.not_open']);
    const list = (await call(fresh, 'GET', '/api/my/exams')).json();
    expect(list.exams.find((exam: { id: string }) => exam.id === examId).status).toBe('upcoming');
  });
});
