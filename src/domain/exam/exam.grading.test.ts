import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Question } from './exam.types.js';
import { type CandidateAnswer, gradeAnswer, gradeAttempt, isPassed } from './index.js';

const base = {
  id: 'q',
  stem: '题干',
  points: 4,
  difficulty: 2 as const,
  tags: { rules: [], platforms: [], topics: [] },
  explanation: '解析',
};
const single: Question = { ...base, type: 'single', options: ['a', 'b', 'c', 'd'], answer: [2] };
const multiple: Question = { ...base, type: 'multiple', options: ['a', 'b', 'c', 'd'], answer: [0, 2, 3] };
const truth: Question = { ...base, type: 'true_false', answer: false };
const fill: Question = {
  ...base,
  type: 'fill_blank',
  stem: '（ ）天后自动确认，（ ）小时内发货',
  answer: [
    ['10', '十'],
    ['48', 'forty-eight'],
  ],
};
const rubric = [
  { label: '致歉', keywords: ['抱歉', '不好意思'], points: 2 },
  { label: '方案', keywords: ['退货', '换货'], points: 2 },
];
const short: Question = { ...base, type: 'short_answer', reference: '先致歉再给方案', rubric };
const scenario: Question = {
  ...base,
  type: 'scenario',
  buyerText: '能便宜点吗',
  reference: '亲，已是活动价',
  rubric,
  forbiddenRules: ['offsite_payment'],
};
const caseQuestion: Question = {
  ...base,
  type: 'case',
  points: 8,
  material: '案例材料',
  subQuestions: [single, short],
};

const grade = (
  question: Question,
  answer: CandidateAnswer,
  points = 4,
  checkReply?: (text: string) => string[],
) => gradeAnswer({ question, points, answer, ...(checkReply ? { checkReply } : {}) });

describe('objective questions', () => {
  test('single choice and true/false are all or nothing', () => {
    expect(grade(single, [2])).toMatchObject({ score: 4, correct: true, needsReview: false });
    expect(grade(single, [1])).toMatchObject({ score: 0, correct: false });
    expect(grade(single, null)).toMatchObject({ score: 0, correct: false });
    expect(grade(truth, false)).toMatchObject({ score: 4, correct: true });
    expect(grade(truth, true).score).toBe(0);
  });

  test('multiple choice: all right earns everything, a right subset half (少选得半分), a wrong pick nothing', () => {
    expect(grade(multiple, [3, 0, 2])).toMatchObject({ score: 4, correct: true });
    expect(grade(multiple, [0, 2])).toMatchObject({ score: 2, correct: false });
    expect(grade(multiple, [0, 1])).toMatchObject({ score: 0 });
    expect(grade(multiple, [])).toMatchObject({ score: 0 });
    expect(
      gradeAnswer({ question: multiple, points: 4, answer: [0, 2], multiplePartialCredit: false }).score,
    ).toBe(0);
  });

  test('fill-ins score per blank, accepting alternatives in any width and case', () => {
    expect(grade(fill, ['１０', ' Forty-Eight '])).toMatchObject({ score: 4, correct: true });
    expect(grade(fill, ['十', '24'])).toMatchObject({ score: 2, correct: false });
    expect(grade(fill, ['', ''])).toMatchObject({ score: 0 });
  });
});

describe('written answers', () => {
  test('a short answer gets a suggested score from its rubric and waits for a person', () => {
    expect(grade(short, '非常抱歉，可以为您换货')).toEqual({
      score: 4,
      maxScore: 4,
      correct: null,
      needsReview: true,
      rubricHits: ['致歉', '方案'],
    });
    // On a paper worth 2 points the suggestion scales: one item of two hit → 1.
    expect(grade(short, '不好意思', 2)).toMatchObject({ score: 1, maxScore: 2 });
  });

  test('an empty written answer scores 0 without waiting for a person', () => {
    expect(grade(short, '   ')).toMatchObject({ score: 0, needsReview: false, correct: false });
  });

  test('a scenario reply that breaks a forbidden rule scores 0, naming the rule', () => {
    const check = (text: string) => (text.includes('微信') ? ['offsite_payment'] : []);
    expect(grade(scenario, '抱歉，加微信转账给你退货', 4, check)).toMatchObject({
      score: 0,
      rubricHits: ['违规:offsite_payment'],
    });
    expect(grade(scenario, '抱歉，支持退货', 4, check)).toMatchObject({ score: 4, needsReview: true });
  });
});

describe('cases', () => {
  test('a case sums its tasks, scaled to the paper, and waits for a person when a task does', () => {
    const answer = { '0': [2], '1': '抱歉' };
    expect(grade(caseQuestion, answer, 8)).toMatchObject({
      score: 6,
      maxScore: 8,
      correct: null,
      needsReview: true,
    });
    expect(grade(caseQuestion, { '0': [2] }, 4)).toMatchObject({
      score: 2,
      needsReview: false,
      correct: false,
    });
  });
});

describe('scores stay within the question', () => {
  test('for any answer, 0 ≤ score ≤ points', () => {
    const answers = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.integer({ min: -2, max: 6 })),
      fc.array(fc.string()),
      fc.string(),
      fc.dictionary(
        fc.constantFrom('0', '1'),
        fc.oneof(fc.array(fc.integer({ min: 0, max: 3 })), fc.string()),
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(single, multiple, truth, fill, short, scenario, caseQuestion),
        answers,
        fc.integer({ min: 1, max: 20 }),
        (question, answer, points) => {
          const { score, maxScore } = grade(question, answer as CandidateAnswer, points);
          return score >= 0 && score <= maxScore + 1e-9 && maxScore === points;
        },
      ),
    );
  });

  test('an attempt sums its grades; passing is reaching the pass mark', () => {
    const total = gradeAttempt([grade(single, [2]), grade(short, '抱歉')]);
    expect(total).toEqual({ score: 6, maxScore: 8, needsReview: true });
    expect(isPassed(60, 60)).toBe(true);
    expect(isPassed(59.5, 60)).toBe(false);
  });
});
