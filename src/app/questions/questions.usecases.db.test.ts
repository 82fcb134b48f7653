import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChoiceQuestion, Question } from '../../domain/exam/index.js';
import type { DatabaseHandle } from '../../store/database.js';
import { insertOrganization } from '../../store/organizations.repository.js';
import { findQuestion, listQuestions } from '../../store/questions.repository.js';
import { createTestDatabase } from '../../store/test-utils.js';
import type { Actor } from '../accounts/index.js';
import { seedBuiltInQuestions, seedBuiltInQuestionsEverywhere } from './questions.seed.js';
import { deleteQuestion, updateQuestion } from './questions.usecases.js';

const clock = { now: () => new Date('2026-03-02T01:00:00Z') };

const choice = (id: string, explanation: string): ChoiceQuestion => ({
  id,
  type: 'single',
  stem: `题干 ${id}`,
  options: ['甲', '乙', '丙'],
  answer: [1],
  points: 2,
  difficulty: 2,
  tags: { rules: [], platforms: [], topics: ['timings'] },
  explanation,
});

const bank = (questions: Question[]) => ({ result: questions, issues: [] });

describe('seedBuiltInQuestions', () => {
  let database: DatabaseHandle;
  let organizationId: string;
  let actor: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ id: organizationId } = await insertOrganization({
      db: database.db,
      name: '测试店',
      demo: false,
      createdAt: clock.now(),
    }));
    actor = { userId: null, login: 'system', organizationId, role: 'admin', ip: null };
  });
  afterAll(() => database.close());

  test('the real bank loads once: a second run adds nothing and changes nothing', async () => {
    const first = await seedBuiltInQuestions({ db: database.db, clock, organizationId });
    expect(first.issues).toEqual([]);
    expect(first.added).toBeGreaterThanOrEqual(230);
    const second = await seedBuiltInQuestions({ db: database.db, clock, organizationId });
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: first.added, keptLocal: 0 });
  });

  test('a bank update becomes a new version, but a question edited locally keeps the local edit', async () => {
    const db = database.db;
    await seedBuiltInQuestions({
      db,
      clock,
      organizationId,
      bank: bank([choice('t-1', '旧'), choice('t-2', '旧')]),
    });
    await updateQuestion({ db, clock, actor, id: 't-2', question: choice('t-2', '本店改写') });
    const result = await seedBuiltInQuestions({
      db,
      clock,
      organizationId,
      bank: bank([choice('t-1', '新'), choice('t-2', '新')]),
    });
    expect(result).toMatchObject({ added: 0, updated: 1, keptLocal: 1 });
    expect((await findQuestion({ db, organizationId, id: 't-1' }))?.question.explanation).toBe('新');
    expect((await findQuestion({ db, organizationId, id: 't-1', version: 1 }))?.question.explanation).toBe(
      '旧',
    );
    expect((await findQuestion({ db, organizationId, id: 't-2' }))?.question.explanation).toBe('本店改写');
  });

  test('a question the organisation deleted is not brought back by the seed', async () => {
    const db = database.db;
    await seedBuiltInQuestions({ db, clock, organizationId, bank: bank([choice('t-3', '一')]) });
    await deleteQuestion({ db, clock, actor, id: 't-3' });
    await seedBuiltInQuestions({ db, clock, organizationId, bank: bank([choice('t-3', '二')]) });
    const page = await listQuestions({
      db,
      organizationId,
      filters: { text: '题干 t-3' },
      limit: 5,
      offset: 0,
    });
    expect(page.total).toBe(0);
  });

  test('an invalid bank question is reported with its field and not loaded', async () => {
    const db = database.db;
    const result = await seedBuiltInQuestions({
      db,
      clock,
      organizationId,
      bank: bank([{ ...choice('t-4', '解析'), answer: [5] }]),
    });
    expect(result.issues.map((issue) => issue.at?.field)).toEqual(['answer[0]']);
    expect(await findQuestion({ db, organizationId, id: 't-4' })).toBeUndefined();
  });

  test('at start-up every organisation gets the bank, and a second start changes nothing', async () => {
    const db = database.db;
    await insertOrganization({ db, name: '第二家店', demo: false, createdAt: clock.now() });
    const first = await seedBuiltInQuestionsEverywhere({ db, clock });
    expect(first).toHaveLength(2);
    expect(first[1]?.added).toBeGreaterThanOrEqual(230);
    const second = await seedBuiltInQuestionsEverywhere({ db, clock });
    expect(second.map((result) => result.added + result.updated)).toEqual([0, 0]);
  });
});
