import { describe, expect, test } from 'vitest';
import {
  type AnalysedAttempt,
  analyseItems,
  candidateQuestion,
  releaseOf,
  scoreDistribution,
} from './index.js';
import type { Question } from './exam.types.js';

/** Attempts of a two-question paper (1 point each) from the marks of each question. */
const attempts = (first: number[], second: number[], responses: string[] = []): AnalysedAttempt[] =>
  first.map((mark, index) => {
    const other = second[index] ?? 0;
    const response = responses[index];
    return {
      total: mark + other,
      maxTotal: 2,
      items: [
        { questionId: 'a', score: mark, maxScore: 1, ...(response === undefined ? {} : { response }) },
        { questionId: 'b', score: other, maxScore: 1 },
      ],
    };
  });

describe('analyseItems (Moodle quiz statistics)', () => {
  test('unrelated questions: facility 50%, discrimination 0, efficiency 0 (flagged), α = 0', () => {
    // Hand-computed: a = [1,1,0,0], rest of test = b = [1,0,1,0]; cov = 0.
    // var(a) = var(b) = 1/3, var(total [2,1,1,0]) = 2/3 → α = 2·(1 − (2/3)/(2/3)) = 0.
    const report = analyseItems({ attempts: attempts([1, 1, 0, 0], [1, 0, 1, 0], ['B', 'B', 'C', 'D']) });
    const item = report.items.find((one) => one.questionId === 'a');
    expect(item).toMatchObject({ count: 4, facility: 0.5, discrimination: 0, discriminativeEfficiency: 0 });
    expect(item?.sd).toBeCloseTo(Math.sqrt(1 / 3), 4);
    expect(item?.flags).toEqual(['low_discrimination']);
    expect(item?.optionDistribution).toEqual({ B: 2, C: 1, D: 1 });
    expect(report.cronbachAlpha).toBe(0);
    expect(report.fewAttempts).toBe(true);
  });

  test('identical questions: discrimination and efficiency 100, α = 1', () => {
    // a = b = [1,1,0,0]: rest = a, corr = 1; var(total [2,2,0,0]) = 4/3 → α = 2·(1 − (2/3)/(4/3)) = 1.
    const report = analyseItems({ attempts: attempts([1, 1, 0, 0], [1, 1, 0, 0]) });
    expect(report.items[0]).toMatchObject({ discrimination: 100, discriminativeEfficiency: 100, flags: [] });
    expect(report.cronbachAlpha).toBe(1);
  });

  test('a question the weak get right and the strong wrong has a negative discrimination', () => {
    const report = analyseItems({
      attempts: attempts([0, 0, 1, 1, 0, 0, 1, 1, 0, 0], [1, 1, 0, 0, 1, 1, 0, 0, 1, 1]),
    });
    expect(report.items[0]?.discrimination).toBe(-100);
    expect(report.items[0]?.flags).toContain('negative_discrimination');
    expect(report.fewAttempts).toBe(false);
  });

  test('everyone right: too easy, and no correlation can be computed', () => {
    const report = analyseItems({ attempts: attempts([1, 1, 1], [1, 0, 1]) });
    expect(report.items[0]).toMatchObject({ facility: 1, discrimination: null, flags: ['too_easy'] });
  });
});

describe('scoreDistribution', () => {
  test('bands of equal width; the top score falls in the last band', () => {
    expect(scoreDistribution([0, 15, 50, 99, 100], 100, 4)).toEqual([
      { from: 0, to: 25, count: 2 },
      { from: 25, to: 50, count: 0 },
      { from: 50, to: 75, count: 1 },
      { from: 75, to: 100, count: 2 },
    ]);
  });
});

describe('what a candidate sees', () => {
  const secret: Question = {
    id: 'q1',
    type: 'single',
    stem: '发票怎么开？',
    options: ['加税点', '按实际金额', '不开'],
    answer: [1],
    points: 2,
    difficulty: 2,
    tags: { rules: ['invoice'], platforms: [], topics: [] },
    explanation: '按实际金额开具',
  };

  test('options in the attempt order and no key, explanation or tags', () => {
    const view = candidateQuestion(secret, {
      key: 'q3',
      questionId: 'q1',
      version: 1,
      section: 0,
      points: 4,
      optionOrder: [2, 0, 1],
    });
    expect(view).toEqual({
      key: 'q3',
      type: 'single',
      stem: '发票怎么开？',
      points: 4,
      options: ['不开', '加税点', '按实际金额'],
    });
  });

  test('scores and keys are released by the paper policy', () => {
    const closesAt = new Date('2026-03-10T10:00:00Z');
    const before = new Date('2026-03-10T09:00:00Z');
    const after = new Date('2026-03-10T11:00:00Z');
    const spec = { showScore: 'on_submit' as const, showKey: 'after_close' as const };
    expect(releaseOf({ spec, now: before, closesAt, submitted: false })).toEqual({
      score: false,
      key: false,
    });
    expect(releaseOf({ spec, now: before, closesAt, submitted: true })).toEqual({ score: true, key: false });
    expect(releaseOf({ spec, now: after, closesAt, submitted: true })).toEqual({ score: true, key: true });
    expect(
      releaseOf({ spec: { showScore: 'never', showKey: 'never' }, now: after, closesAt, submitted: true }),
    ).toEqual({
      score: false,
      key: false,
    });
  });
});
