import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeQuestionsXlsx } from '../../io/papers/index.js';
import { createTestServer, signIn, type TestServer } from '../server.test-utils.js';

type Session = Awaited<ReturnType<typeof signIn>>;

const paper = [
  '一、单选题(每题2分)',
  '1、买家确认收货的默认时限是多少天( C )',
  'A.3天 B.7天 C.10天 D.15天',
  '2、客服对买家的称呼通常用( A )',
  'A.亲 B.喂 C.老板 D.同学',
  '二、判断题',
  '1、客服可以引导买家加微信付款。( × )',
  '2、发票金额按买家实付金额开具。',
].join('\n');

describe('question bank API (题库)', () => {
  let server: TestServer;
  let agent: Session;
  let supervisor: Session;

  const call = (
    session: Session,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => server.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    server = await createTestServer();
    agent = await signIn(server.app, 'xiaomei');
    supervisor = await signIn(server.app, 'zhuguan');
  });
  afterAll(() => server.close());

  test('an agent gets 403 on every question route, so answer keys never reach agents', async () => {
    const routes: [Parameters<typeof call>[1], string, object?][] = [
      ['GET', '/api/questions'],
      ['GET', '/api/questions/q-timing-001'],
      ['GET', '/api/questions/papers'],
      ['GET', '/api/questions/export.xlsx'],
      ['POST', '/api/questions', { question: { id: 'x' } }],
      ['PATCH', '/api/questions/q-timing-001', { question: { id: 'q-timing-001' } }],
      ['DELETE', '/api/questions/q-timing-001'],
      ['POST', '/api/questions/parse', { text: paper }],
      ['POST', '/api/questions/import', { questions: [] }],
    ];
    for (const [method, url, payload] of routes) {
      const response = await call(agent, method, url, payload);
      expect([method, url, response.statusCode]).toEqual([method, url, 403]);
    }
  });

  test('the demo organisation holds the built-in bank, filterable by type, tag and text', async () => {
    const all = (await call(supervisor, 'GET', '/api/questions?limit=10')).json();
    expect(all.total).toBeGreaterThanOrEqual(230);
    expect(all.questions).toHaveLength(10);
    expect(all.questions[0]).not.toHaveProperty('answer');
    const judged = (await call(supervisor, 'GET', '/api/questions?type=true_false&tag=invoice')).json();
    expect(judged.total).toBeGreaterThan(0);
    for (const question of judged.questions) {
      expect(question.type).toBe('true_false');
      expect([...question.tags.rules, ...question.tags.platforms, ...question.tags.topics]).toContain(
        'invoice',
      );
    }
    const found = (
      await call(supervisor, 'GET', `/api/questions?q=${encodeURIComponent('确认收货')}`)
    ).json();
    expect(found.total).toBeGreaterThan(0);
    expect(found.total).toBeLessThan(all.total);
  });

  test('reading a question returns its answer key and is audited as answer-key access', async () => {
    const response = await call(supervisor, 'GET', '/api/questions/q-timing-001');
    expect(response.statusCode).toBe(200);
    expect(response.json().question.answer).toEqual([2]);
    const audit = await server.db
      .selectFrom('auditLog')
      .select(['action', 'target'])
      .where('action', '=', 'questions.answer_key_viewed')
      .execute();
    expect(audit).toContainEqual({ action: 'questions.answer_key_viewed', target: 'q-timing-001' });
  });

  test('parse returns the questions with flags, unread text and nothing saved', async () => {
    const before = (await call(supervisor, 'GET', '/api/questions?limit=1')).json().total;
    const response = await call(supervisor, 'POST', '/api/questions/parse', { text: `${paper}\n@@@@ ####` });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.questions).toHaveLength(4);
    expect(preview.questions[0].question).toMatchObject({ type: 'single', answer: [2] });
    expect(preview.questions[3].flags).toContain('no_answer');
    expect(preview.unread.length).toBeGreaterThan(0);
    expect((await call(supervisor, 'GET', '/api/questions?limit=1')).json().total).toBe(before);
  });

  test('an uploaded .txt file (base64) is parsed like pasted text; over 10 MB is refused', async () => {
    const contentBase64 = Buffer.from(paper, 'utf8').toString('base64');
    const response = await call(supervisor, 'POST', '/api/questions/parse', {
      filename: '试卷.txt',
      contentBase64,
    });
    expect(response.json().questions).toHaveLength(4);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 65).toString('base64');
    const tooBig = await call(supervisor, 'POST', '/api/questions/parse', {
      filename: 'a.txt',
      contentBase64: big,
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.code).toBe('questions.file_too_large');
  });

  test('import is all-or-nothing: one invalid question names its index and field and nothing is saved', async () => {
    const preview = (await call(supervisor, 'POST', '/api/questions/parse', { text: paper })).json();
    const questions = preview.questions.map((item: { question: object }) => item.question);
    const before = (await call(supervisor, 'GET', '/api/questions?source=imported')).json().total;
    const broken = [...questions];
    broken[1] = { ...questions[1], answer: [7] };
    const refused = await call(supervisor, 'POST', '/api/questions/import', { questions: broken });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('questions.invalid');
    expect(refused.json().error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'body.questions[1].answer[0]',
    ]);
    expect((await call(supervisor, 'GET', '/api/questions?source=imported')).json().total).toBe(before);

    const imported = await call(supervisor, 'POST', '/api/questions/import', { questions });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().imported).toBe(4);
    expect((await call(supervisor, 'GET', '/api/questions?source=imported')).json().total).toBe(before + 4);
    const again = await call(supervisor, 'POST', '/api/questions/import', { questions });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].path).toBe('body.questions[0].id');
    const reparsed = (await call(supervisor, 'POST', '/api/questions/parse', { text: paper })).json();
    expect(reparsed.questions.every((item: { flags: string[] }) => item.flags.includes('duplicate'))).toBe(
      true,
    );
  });

  test('an edit creates version 2 and version 1 stays readable for exams that pinned it', async () => {
    const original = (await call(supervisor, 'GET', '/api/questions/q-timing-002')).json();
    expect(original.version).toBe(1);
    const edited = {
      ...original.question,
      explanation: '交易成功后15天内买卖双方都未评价，系统自动给好评。',
    };
    const response = await call(supervisor, 'PATCH', '/api/questions/q-timing-002', { question: edited });
    expect(response.statusCode).toBe(200);
    expect(response.json().version).toBe(2);
    const pinned = (await call(supervisor, 'GET', '/api/questions/q-timing-002?version=1')).json();
    expect(pinned.question.explanation).toBe(original.question.explanation);
    const invalid = await call(supervisor, 'PATCH', '/api/questions/q-timing-002', {
      question: { ...edited, difficulty: 9 },
    });
    expect(invalid.json().error.details[0].path).toBe('body.difficulty');
  });

  test('a deleted question leaves the bank but a new question with its id is still refused', async () => {
    expect((await call(supervisor, 'DELETE', '/api/questions/q-timing-003')).statusCode).toBe(200);
    expect((await call(supervisor, 'GET', '/api/questions/q-timing-003')).statusCode).toBe(404);
    const question = {
      ...(await call(supervisor, 'GET', '/api/questions/q-timing-004')).json().question,
      id: 'q-timing-003',
    };
    const response = await call(supervisor, 'POST', '/api/questions', { question });
    expect(response.statusCode).toBe(409);
  });

  test('export returns an .xlsx workbook and is audited as an export', async () => {
    const response = await call(supervisor, 'GET', '/api/questions/export.xlsx?type=single');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await server.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'questions.exported')
      .execute();
    expect(audit[0]?.details).toMatchObject({ format: 'xlsx', filters: { type: 'single' } });
  });

  test('the built-in 上岗考试 paper definition is listed', async () => {
    const papers = (await call(supervisor, 'GET', '/api/questions/papers')).json().papers;
    expect(papers[0]).toMatchObject({ id: 'entry-exam', passMark: 80, timeLimitMinutes: 60 });
  });

  test('an uploaded .xlsx in the import template is read with its answers', async () => {
    const bytes = await writeQuestionsXlsx([
      {
        type: 'single',
        stem: '发票金额按什么开具？',
        options: ['实付金额', '原价'],
        answer: ['A'],
        flags: [],
        lines: [2, 2],
      },
      {
        type: 'true_false',
        stem: '可以引导买家线下转账。',
        options: [],
        answer: false,
        flags: [],
        lines: [3, 3],
      },
    ]);
    const contentBase64 = Buffer.from(bytes).toString('base64');
    const response = await call(supervisor, 'POST', '/api/questions/parse', {
      filename: '题库.xlsx',
      contentBase64,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().format).toBe('xlsx');
    expect(
      response.json().questions.map((item: { question: { answer: unknown } }) => item.question.answer),
    ).toEqual([[0], false]);
  });

  test('a bank of over 1,000 questions is listed page by page', async () => {
    const questions = Array.from({ length: 1000 }, (_, index) => ({
      id: `bulk-${index}`,
      type: 'true_false',
      stem: `批量判断题第 ${index} 题`,
      answer: index % 2 === 0,
      points: 2,
      difficulty: 1 + (index % 5),
      tags: { rules: [], platforms: [], topics: ['timings'] },
      explanation: '批量导入的测试题。',
    }));
    const imported = await call(supervisor, 'POST', '/api/questions/import', { questions });
    expect(imported.json().imported).toBe(1000);
    const page = (
      await call(
        supervisor,
        'GET',
        `/api/questions?q=${encodeURIComponent('批量判断题')}&limit=100&offset=900`,
      )
    ).json();
    expect(page.total).toBe(1000);
    expect(page.questions).toHaveLength(100);
  });
});
