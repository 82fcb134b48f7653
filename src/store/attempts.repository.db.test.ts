import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { saveAnswer } from './attempt-answers.repository.js';
import { insertAttempt, markSubmitted, type NewAttempt } from './attempts.repository.js';
import type { DatabaseHandle } from './database.js';
import { insertExam } from './exams.repository.js';
import { insertOrganization } from './organizations.repository.js';
import { insertPaper } from './papers.repository.js';
import { createTestDatabase } from './test-utils.js';
import { insertUser } from './users.repository.js';

const at = new Date('2026-03-02T01:00:00Z');

describe('attempts storage (0004-exams)', () => {
  let database: DatabaseHandle;
  let attempt: NewAttempt;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const { id: organizationId } = await insertOrganization({ db, name: '店', demo: false, createdAt: at });
    const { id: userId } = await insertUser({
      db,
      user: {
        organizationId,
        login: 'kaosheng',
        displayName: '考生',
        role: 'agent',
        teamId: null,
        passwordHash: 'x',
        mustChangePassword: false,
        createdAt: at,
      },
    });
    const spec = {
      title: '卷',
      description: '',
      sections: [],
      passMark: 0,
      timeLimitMinutes: 10,
      attemptsAllowed: 0,
      shuffleQuestions: false,
      shuffleOptions: false,
      showScore: 'on_submit' as const,
      showKey: 'on_submit' as const,
      certifies: false,
    };
    const paperId = (await insertPaper({ db, organizationId, spec, createdBy: null, at })) as string;
    const examId = await insertExam({
      db,
      exam: {
        organizationId,
        paperId,
        title: '考试',
        paper: { spec, pool: [] },
        opensAt: at,
        closesAt: new Date(at.getTime() + 3_600_000),
        createdBy: null,
        at,
      },
    });
    attempt = {
      organizationId,
      examId,
      userId,
      number: 1,
      seed: 7,
      questions: [],
      startedAt: at,
      deadlineAt: new Date(at.getTime() + 600_000),
      maxScore: 0,
    };
  });
  afterAll(() => database.close());

  test('a second active attempt of the same candidate and exam is not inserted, whatever its number', async () => {
    const first = await insertAttempt({ db: database.db, attempt });
    expect(first?.status).toBe('active');
    expect(await insertAttempt({ db: database.db, attempt: { ...attempt, number: 2 } })).toBeUndefined();
    await markSubmitted({
      db: database.db,
      id: first?.id as string,
      submittedAt: at,
      submittedBy: 'candidate',
    });
    expect(await insertAttempt({ db: database.db, attempt: { ...attempt, number: 1 } })).toBeUndefined();
    expect((await insertAttempt({ db: database.db, attempt: { ...attempt, number: 2 } }))?.number).toBe(2);
  });

  test('an answer is replaced only by a newer revision, and the flag is kept when not sent', async () => {
    const second = await database.db
      .selectFrom('attempts')
      .select('id')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const save = (answer: unknown, revision: number, flagged?: boolean) =>
      saveAnswer({ db: database.db, attemptId: second.id, key: 'q1', answer, revision, flagged, at });
    expect(await save([1], 2, true)).toMatchObject({ answer: [1], revision: 2, flagged: true });
    expect(await save([0], 1)).toMatchObject({ answer: [1], revision: 2 });
    expect(await save([3], 3)).toMatchObject({ answer: [3], revision: 3, flagged: true });
  });
});
