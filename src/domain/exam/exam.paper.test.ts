import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadPaperDefinitions, loadQuestionBank } from '../../io/questions/index.js';
import { type BankEntry, composePaper, type PaperSpec, paperTotal, validatePaperSpec } from './index.js';
import type { Question } from './exam.types.js';

const choice = (id: string, difficulty: 1 | 2 | 3 | 4 | 5, topics: string[]): Question => ({
  id,
  type: 'single',
  stem: `题 ${id}`,
  options: ['甲', '乙', '丙', '丁'],
  answer: [1],
  points: 2,
  difficulty,
  tags: { rules: [], platforms: [], topics },
  explanation: '解析',
});
const bank: BankEntry[] = Array.from({ length: 12 }, (_, index) => ({
  id: `s${index + 1}`,
  version: 1,
  question: choice(`s${index + 1}`, ((index % 5) + 1) as 1 | 2 | 3 | 4 | 5, index % 2 ? ['kpi'] : ['rules']),
}));

const spec = (fields: Partial<PaperSpec> = {}): PaperSpec => ({
  title: '测试卷',
  description: '',
  sections: [
    { title: '固定题', type: 'single', pointsEach: 5, questionIds: ['s1', 's2'] },
    { title: '随机题', type: 'single', pointsEach: 2, draw: { count: 4, tags: ['kpi'], difficulty: [1, 5] } },
  ],
  passMark: 10,
  timeLimitMinutes: 30,
  attemptsAllowed: 1,
  shuffleQuestions: false,
  shuffleOptions: false,
  showScore: 'on_submit',
  showKey: 'after_close',
  certifies: false,
  ...fields,
});

describe('composePaper', () => {
  test('fixed questions keep their order, draws take only matching questions, keys run q1…', () => {
    const { result, issues } = composePaper({ spec: spec(), bank, seed: 7 });
    expect(issues).toEqual([]);
    expect(result.map((entry) => entry.key)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    expect(result.slice(0, 2).map((entry) => [entry.questionId, entry.points])).toEqual([
      ['s1', 5],
      ['s2', 5],
    ]);
    const drawn = result.slice(2).map((entry) => bank.find((item) => item.id === entry.questionId)?.question);
    expect(drawn.every((question) => question?.tags.topics.includes('kpi'))).toBe(true);
    expect(paperTotal(spec())).toBe(18);
  });

  test('the same seed gives the same paper; other seeds give other draws and orders', () => {
    const shuffledSpec = spec({ shuffleQuestions: true, shuffleOptions: true });
    const one = composePaper({ spec: shuffledSpec, bank, seed: 1 }).result;
    expect(composePaper({ spec: shuffledSpec, bank, seed: 1 }).result).toEqual(one);
    const others = [2, 3, 4, 5].map((seed) =>
      JSON.stringify(composePaper({ spec: shuffledSpec, bank, seed }).result),
    );
    expect(others.some((other) => other !== JSON.stringify(one))).toBe(true);
  });

  test('shuffled options are a permutation; shuffled questions stay inside their section', () => {
    const { result } = composePaper({
      spec: spec({ shuffleQuestions: true, shuffleOptions: true }),
      bank,
      seed: 9,
    });
    for (const entry of result) expect([...(entry.optionOrder ?? [])].sort()).toEqual([0, 1, 2, 3]);
    expect(result.map((entry) => entry.section)).toEqual([0, 0, 1, 1, 1, 1]);
  });

  test('a draw the bank cannot fill is an issue naming the section, and the paper is shorter', () => {
    const short = spec({
      sections: [{ title: '难题', type: 'single', pointsEach: 2, draw: { count: 5, difficulty: [5, 5] } }],
      passMark: 2,
    });
    const { result, issues } = composePaper({ spec: short, bank, seed: 1 });
    expect(result.length).toBe(2);
    expect(issues).toEqual([expect.objectContaining({ code: 'paper.draw_short', at: { section: 0 } })]);
    expect(issues[0]?.message).toContain('只有 2 道');
  });

  test('a question is never drawn twice, whatever the seed and sections', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 6 }), (seed, count) => {
        const twice = spec({
          sections: [
            { title: 'A', type: 'single', pointsEach: 1, draw: { count } },
            { title: 'B', type: 'single', pointsEach: 1, draw: { count } },
          ],
          passMark: 1,
        });
        const ids = composePaper({ spec: twice, bank, seed }).result.map((entry) => entry.questionId);
        return new Set(ids).size === ids.length;
      }),
    );
  });

  test('the built-in 上岗考试 composes from the built-in bank without a shortfall', () => {
    const definition = loadPaperDefinitions().result.find((paper) => paper.id === 'entry-exam');
    if (!definition) throw new Error('entry-exam.json is missing');
    const entries = loadQuestionBank().result.map((question) => ({ id: question.id, version: 1, question }));
    const entrySpec = spec({
      title: definition.title,
      sections: definition.sections as PaperSpec['sections'],
      passMark: definition.passMark,
      timeLimitMinutes: definition.timeLimitMinutes,
    });
    const { result, issues } = composePaper({ spec: entrySpec, bank: entries, seed: 42 });
    expect(issues).toEqual([]);
    expect(result.reduce((sum, entry) => sum + entry.points, 0)).toBe(100);
  });
});

describe('validatePaperSpec', () => {
  test('a valid spec has no issues; a pass mark above the total and an empty section are named', () => {
    expect(validatePaperSpec(spec())).toEqual([]);
    const bad = validatePaperSpec(
      spec({ passMark: 50, sections: [{ title: '空', type: 'single', pointsEach: 2, questionIds: [] }] }),
    );
    expect(bad.map((issue) => issue.code)).toEqual(['paper.empty_section', 'paper.pass_mark']);
  });
});
