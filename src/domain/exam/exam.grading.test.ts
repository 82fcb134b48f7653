import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Question } from './index.js';
import { gradeAnswer, gradeAttempt, isPassed, normalizeAnswerText } from './index.js';

const base = {
  points: 2,
  difficulty: 2 as const,
  tags: { rules: [], platforms: [], topics: [] },
  explanation: '',
};

const single: Question = {
  ...base,
  id: 's1',
  type: 'single',
  stem: '运费险的保障期限是多久',
  options: ['15天', '未确认收货的时候', '25天', '90天'],
  answer: [3],
};
const multiple: Question = {
  ...base,
  id: 'm1',
  type: 'multiple',
  points: 4,
  stem: '以下哪些属于引导站外交易',
  options: ['发微信号', '发店铺链接', '发支付宝账号', '发商品链接'],
  answer: [0, 2],
};
const trueFalse: Question = { ...base, id: 't1', type: 'true_false', stem: '发票可以收税点', answer: false };
const fill: Question = {
  ...base,
  id: 'f1',
  type: 'fill_blank',
  points: 3,
  stem: '未付款订单自动关闭的时间是（ ）天；自动确认收货的时间是（ ）天',
  answer: [
    ['1', '一'],
    ['10', '十'],
  ],
};
const shortAnswer: Question = {
  ...base,
  id: 'a1',
  type: 'short_answer',
  points: 4,
  stem: '买家要求开发票怎么办',
  reference: '免费开具，按实付金额，店铺承担邮费',
  rubric: [
    { keywords: ['免费', '不收税点'], points: 2, label: '免费开具' },
    { keywords: ['实付'], points: 1, label: '实付金额' },
    { keywords: ['邮费', '寄送费'], points: 1, label: '邮费' },
  ],
};
const scenario: Question = {
  ...base,
  id: 'r1',
  type: 'scenario',
  points: 4,
  stem: '买家要加微信',
  buyerText: '加个微信聊吧',
  reference: '婉拒，留在平台内沟通',
  rubric: [
    { keywords: ['平台'], points: 2, label: '留在平台' },
    { keywords: ['抱歉', '不好意思'], points: 2, label: '致歉' },
  ],
  forbiddenRules: ['offsite_contact'],
};
const caseQuestion: Question = {
  ...base,
  id: 'c1',
  type: 'case',
  points: 10,
  stem: '阅读材料回答问题',
  material: '某店铺……',
  subQuestions: [
    { ...single, points: 2 },
    { ...multiple, points: 4 },
    { ...shortAnswer, points: 4 },
  ],
};

describe('gradeAnswer: choices', () => {
  test('single and true/false are all or nothing', () => {
    expect(gradeAnswer({ question: single, points: 2, answer: [3] })).toMatchObject({
      score: 2,
      correct: true,
    });
    expect(gradeAnswer({ question: single, points: 2, answer: [0] })).toMatchObject({
      score: 0,
      correct: false,
    });
    expect(gradeAnswer({ question: single, points: 2, answer: [3, 0] }).score).toBe(0);
    expect(gradeAnswer({ question: trueFalse, points: 2, answer: false })).toMatchObject({
      score: 2,
      correct: true,
    });
    expect(gradeAnswer({ question: trueFalse, points: 2, answer: true }).score).toBe(0);
    expect(gradeAnswer({ question: trueFalse, points: 2, answer: null }).score).toBe(0);
  });

  test('multiple: full for the exact set in any order, half for a right subset (少选得半分), 0 with a wrong one', () => {
    const grade = (answer: number[], multiplePartialCredit?: boolean) =>
      gradeAnswer({
        question: multiple,
        points: 3,
        answer,
        ...(multiplePartialCredit === undefined ? {} : { multiplePartialCredit }),
      }).score;
    expect(grade([2, 0])).toBe(3);
    expect(grade([0])).toBe(1.5);
    expect(grade([0], false)).toBe(0);
    expect(grade([0, 1])).toBe(0);
    expect(grade([0, 1, 2])).toBe(0);
    expect(grade([])).toBe(0);
    expect(gradeAnswer({ question: multiple, points: 3, answer: [0] }).correct).toBe(false);
  });
});

describe('gradeAnswer: fill-ins', () => {
  test('each blank earns an even share; width, case, spaces and alternatives do not matter', () => {
    const grade = (answer: string[]) => gradeAnswer({ question: fill, points: 3, answer });
    expect(grade(['1', '10'])).toMatchObject({ score: 3, correct: true });
    // Full-width digits (NFKC) and the alternative 十.
    expect(grade(['１', ' 十 '])).toMatchObject({ score: 3, correct: true });
    expect(grade(['1', '7'])).toMatchObject({ score: 1.5, correct: false });
    expect(grade(['', '10']).score).toBe(1.5);
    expect(grade([]).score).toBe(0);
  });

  test('latin answers compare case-insensitively', () => {
    const kpi: Question = { ...fill, answer: [['GMV', '成交额']] };
    expect(gradeAnswer({ question: kpi, points: 2, answer: ['ｇｍｖ'] }).score).toBe(2);
    expect(normalizeAnswerText(' Ａ Ｂ（c） ')).toBe('ab(c)');
  });
});

describe('gradeAnswer: written answers', () => {
  test('short answer: the rubric suggests a score scaled to the paper points and a person confirms', () => {
    // Hits 免费 (2) + 实付 (1) of 4 bank points; the paper gives 8, so 3 × 8/4 = 6.
    const grade = gradeAnswer({ question: shortAnswer, points: 8, answer: '可以免费开，按实付金额开具' });
    expect(grade).toEqual({
      score: 6,
      maxScore: 8,
      correct: null,
      needsReview: true,
      rubricHits: ['免费开具', '实付金额'],
    });
  });

  test('an empty written answer is 0 with nothing to review', () => {
    expect(gradeAnswer({ question: shortAnswer, points: 4, answer: '  ' })).toMatchObject({
      score: 0,
      correct: false,
      needsReview: false,
    });
  });

  test('scenario: a reply breaking a forbidden rule scores 0, other broken rules do not', () => {
    const reply = '不好意思，咱们在平台聊就好，加我微信 abc123 也行';
    const broken = gradeAnswer({
      question: scenario,
      points: 4,
      answer: reply,
      checkReply: () => ['offsite_contact'],
    });
    expect(broken).toEqual({
      score: 0,
      maxScore: 4,
      correct: null,
      needsReview: true,
      rubricHits: ['违规:offsite_contact'],
    });
    const other = gradeAnswer({
      question: scenario,
      points: 4,
      answer: reply,
      checkReply: () => ['invoice'],
    });
    expect(other).toMatchObject({ score: 4, needsReview: true, rubricHits: ['留在平台', '致歉'] });
    expect(gradeAnswer({ question: scenario, points: 4, answer: reply }).score).toBe(4);
  });
});

describe('gradeAnswer: case', () => {
  test('sums its tasks scaled to the paper points and waits for review when a task is written', () => {
    const grade = gradeAnswer({
      question: caseQuestion,
      points: 5,
      answer: { '0': [3], '1': [0], '2': '免费' },
    });
    // Scale 5/10: single 2→1 (right), multiple 4→2 (half: 1), short 4→2 (免费 2 of 4 → 1). Sum 3.
    expect(grade).toEqual({
      score: 3,
      maxScore: 5,
      correct: null,
      needsReview: true,
      rubricHits: ['3.免费开具'],
    });
  });

  test('an objective-only case is correct only when every task is', () => {
    const objectiveCase: Question = {
      ...caseQuestion,
      points: 6,
      subQuestions: [single, { ...multiple, points: 4 }],
    };
    expect(
      gradeAnswer({ question: objectiveCase, points: 6, answer: { '0': [3], '1': [0, 2] } }),
    ).toMatchObject({
      score: 6,
      correct: true,
      needsReview: false,
    });
    expect(gradeAnswer({ question: objectiveCase, points: 6, answer: { '0': [3] } })).toMatchObject({
      score: 2,
      correct: false,
    });
    expect(gradeAnswer({ question: objectiveCase, points: 6, answer: 'not a case answer' }).score).toBe(0);
  });
});

describe('gradeAttempt and isPassed', () => {
  test('sums scores and maxima and carries review', () => {
    const grades = [
      gradeAnswer({ question: single, points: 2, answer: [3] }),
      gradeAnswer({ question: multiple, points: 3, answer: [0] }),
      gradeAnswer({ question: shortAnswer, points: 4, answer: '免费' }),
    ];
    expect(gradeAttempt(grades)).toEqual({ score: 5.5, maxScore: 9, needsReview: true });
    expect(isPassed(80, 80)).toBe(true);
    expect(isPassed(79.99, 80)).toBe(false);
  });
});

const answerArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer({ min: -1, max: 5 })),
  fc.array(fc.string({ maxLength: 4 })),
  fc.string({ maxLength: 30 }),
  fc.dictionary(
    fc.constantFrom('0', '1', '2', '9'),
    fc.oneof(fc.array(fc.integer({ min: 0, max: 4 })), fc.string()),
  ),
);

test('property: any answer to any question scores within [0, points]', () => {
  const questions = [single, multiple, trueFalse, fill, shortAnswer, scenario, caseQuestion];
  fc.assert(
    fc.property(
      fc.constantFrom(...questions),
      fc.integer({ min: 1, max: 20 }),
      answerArb,
      fc.boolean(),
      (question, points, answer, partial) => {
        const grade = gradeAnswer({
          question,
          points,
          answer: answer as never,
          multiplePartialCredit: partial,
          checkReply: (text) => (text.includes('微') ? ['offsite_contact'] : []),
        });
        expect(grade.maxScore).toBe(points);
        expect(grade.score).toBeGreaterThanOrEqual(0);
        expect(grade.score).toBeLessThanOrEqual(points + 1e-9);
      },
    ),
  );
});
