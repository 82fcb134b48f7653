import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadPaperDefinitions, loadQuestionBank } from '../../io/questions/index.js';
import type { Question } from './exam.types.js';
import {
  type BankEntry,
  candidateQuestion,
  composePaper,
  gradeAnswer,
  type PaperSpec,
  paperTotal,
  validatePaperSpec,
} from './index.js';

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

  test('fixed questions are kept out of draws, also of earlier sections; a wrong type is named', () => {
    const drawFirst = spec({
      sections: [
        { title: '随机', type: 'single', pointsEach: 1, draw: { count: 10 } },
        { title: '固定', type: 'single', pointsEach: 1, questionIds: ['s1', 's2'] },
      ],
      passMark: 1,
    });
    for (const seed of [1, 2, 3]) {
      const { result, issues } = composePaper({ spec: drawFirst, bank, seed });
      expect(issues).toEqual([]);
      expect(result.map((entry) => entry.questionId).filter((id) => id === 's1' || id === 's2')).toEqual([
        's1',
        's2',
      ]);
    }
    const wrongType = spec({
      sections: [{ title: '判断', type: 'true_false', pointsEach: 1, questionIds: ['s1', 'nope', 's1'] }],
      passMark: 1,
    });
    expect(composePaper({ spec: wrongType, bank, seed: 1 }).issues.map((found) => found.code)).toEqual([
      'paper.type_mismatch',
      'paper.missing_question',
      'paper.type_mismatch',
    ]);
    const twice = spec({
      sections: [{ title: '单选', type: 'single', pointsEach: 1, questionIds: ['s1', 's1'] }],
    });
    expect(composePaper({ spec: twice, bank, seed: 1 })).toMatchObject({
      result: [{ questionId: 's1' }],
      issues: [{ code: 'paper.repeated_question' }],
    });
  });

  test('a draw tag matches a rule id, a platform or a topic', () => {
    const tagged = (id: string, tags: Question['tags']): BankEntry => ({
      id,
      version: 1,
      question: { ...choice(id, 2, []), tags },
    });
    const small = [
      tagged('r', { rules: ['invoice'], platforms: [], topics: [] }),
      tagged('p', { rules: [], platforms: ['pdd'], topics: [] }),
      tagged('t', { rules: [], platforms: [], topics: ['kpi'] }),
      tagged('x', { rules: [], platforms: [], topics: ['timings'] }),
    ];
    const drawn = composePaper({
      spec: spec({
        sections: [
          { title: '抽', type: 'single', pointsEach: 1, draw: { count: 3, tags: ['invoice', 'pdd', 'kpi'] } },
        ],
        passMark: 1,
      }),
      bank: small,
      seed: 3,
    });
    expect(drawn.issues).toEqual([]);
    expect(drawn.result.map((entry) => entry.questionId).sort()).toEqual(['p', 'r', 't']);
  });

  test('shuffled options keep the key: the candidate answers in original indexes via optionOrder', () => {
    const { result } = composePaper({ spec: spec({ shuffleOptions: true }), bank, seed: 5 });
    const moved = result.filter((entry) => entry.optionOrder?.some((original, shown) => original !== shown));
    expect(moved.length).toBeGreaterThan(0);
    for (const entry of moved) {
      const question = bank.find((item) => item.id === entry.questionId)?.question as Question;
      const view = candidateQuestion(question, entry);
      const order = entry.optionOrder as number[];
      // The candidate clicks the option showing 乙 (the key, original index 1) wherever it is shown.
      const shown = view.options?.indexOf('乙') ?? -1;
      expect(order[shown]).toBe(1);
      expect(gradeAnswer({ question, points: entry.points, answer: [order[shown] as number] }).correct).toBe(
        true,
      );
      // Answering the display index instead would be wrong unless it happens to coincide.
      if (shown !== 1)
        expect(gradeAnswer({ question, points: entry.points, answer: [shown] }).correct).toBe(false);
    }
  });

  test('the built-in 上岗考试 composes from the built-in bank without a shortfall, for any seed', () => {
    const definition = loadPaperDefinitions().result.find((paper) => paper.id === 'entry-exam');
    if (!definition) throw new Error('entry-exam.json is missing');
    const entries = loadQuestionBank().result.map((question) => ({ id: question.id, version: 1, question }));
    const byId = new Map(entries.map((entry) => [entry.id, entry.question]));
    // entry-exam.json's tags ("rules", "timings", "kpi"…) are topics of the bank; rule ids
    // ("invoice"…) and platforms match too.
    const entrySpec = spec({
      title: definition.title,
      sections: definition.sections,
      passMark: definition.passMark,
      timeLimitMinutes: definition.timeLimitMinutes,
      shuffleQuestions: true,
      shuffleOptions: true,
    });
    expect(validatePaperSpec(entrySpec)).toEqual([]);
    expect(paperTotal(entrySpec)).toBe(100);
    for (const seed of [0, 1, 42, 2026, -7]) {
      const { result, issues } = composePaper({ spec: entrySpec, bank: entries, seed });
      expect(issues).toEqual([]);
      expect(result.reduce((sum, entry) => sum + entry.points, 0)).toBe(100);
      expect(new Set(result.map((entry) => entry.questionId)).size).toBe(result.length);
      for (const entry of result) {
        const section = definition.sections[entry.section];
        const question = byId.get(entry.questionId);
        expect(question?.type).toBe(section?.type);
        const wanted = section?.draw?.tags;
        if (wanted && question) {
          const own = [...question.tags.rules, ...question.tags.platforms, ...question.tags.topics];
          expect(wanted.some((tag) => own.includes(tag))).toBe(true);
        }
      }
    }
  });
});

describe('validatePaperSpec', () => {
  test('a valid spec has no issues; a pass mark above the total and an empty section are named', () => {
    expect(validatePaperSpec(spec())).toEqual([]);
    const bad = validatePaperSpec(
      spec({ passMark: 50, sections: [{ title: '空', type: 'single', pointsEach: 2, questionIds: [] }] }),
    );
    expect(bad.map((issue) => issue.code)).toEqual(['paper.empty_section', 'paper.pass_mark']);
    const worse = validatePaperSpec(
      spec({
        title: ' ',
        sections: [
          { title: '怪', type: 'essay' as never, pointsEach: 0, draw: { count: 2, difficulty: [4, 2] } },
        ],
        passMark: 0,
        timeLimitMinutes: 0,
        attemptsAllowed: 1.5,
      }),
    );
    const sections = validatePaperSpec(
      spec({
        sections: [
          { title: '两者', type: 'single', pointsEach: 2, questionIds: ['s1'], draw: { count: 1 } },
          { title: '半题', type: 'single', pointsEach: 2, draw: { count: 2.5 } },
          { title: '无', type: 'single', pointsEach: 2 },
        ],
        passMark: 1,
      }),
    );
    expect(sections.map((issue) => [issue.code, issue.at?.section])).toEqual([
      ['paper.fixed_and_draw', 0],
      ['paper.draw_count', 1],
      ['paper.empty_section', 2],
    ]);
    expect(worse.map((issue) => [issue.code, issue.at?.section])).toEqual([
      ['paper.title', undefined],
      ['paper.unknown_type', 0],
      ['paper.points', 0],
      ['paper.difficulty', 0],
      ['paper.pass_mark', undefined],
      ['paper.time_limit', undefined],
      ['paper.attempts', undefined],
    ]);
  });
});
