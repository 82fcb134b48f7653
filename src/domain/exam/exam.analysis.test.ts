import { describe, expect, test } from 'vitest';
import { type AnalysedAttempt, analyseItems, scoreDistribution } from './index.js';

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

  test('three questions of rising difficulty: hand-computed Moodle figures', () => {
    // Marks (1 point each) of four candidates, strongest first:
    //   x = [1,1,1,0]  y = [1,1,0,0]  z = [1,0,0,0]   totals [3,2,1,0]
    // x: facility 3/4; rest = y+z = [2,1,0,0]. Deviations x: ¼,¼,¼,−¾; rest: 1¼,¼,−¾,−¾.
    //   cov = (5/16 + 1/16 − 3/16 + 9/16)/3 = 1/4; var x = 1/4; var rest = 11/12
    //   discrimination = 100·(1/4)/√(1/4 · 11/12) = 52.22; both already sorted alike → efficiency 100.
    // y: rest = [2,1,1,0]; cov = 1/3, var y = 1/3, var rest = 2/3 → 100/√2 = 70.71.
    // z mirrors x: 52.22. α = 3/2·(1 − (1/4 + 1/3 + 1/4)/(5/3)) = 3/2 · 1/2 = 0.75.
    const marks = [
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ];
    const report = analyseItems({
      attempts: marks.map((row) => ({
        total: row.reduce((sum, mark) => sum + mark, 0),
        maxTotal: 3,
        items: row.map((score, index) => ({
          questionId: ['x', 'y', 'z'][index] as string,
          score,
          maxScore: 1,
        })),
      })),
    });
    expect(report.items.map((item) => [item.questionId, item.facility, item.discrimination])).toEqual([
      ['x', 0.75, 52.22],
      ['y', 0.5, 70.71],
      ['z', 0.25, 52.22],
    ]);
    expect(report.items.map((item) => item.discriminativeEfficiency)).toEqual([100, 100, 100]);
    expect(report.items[0]?.sd).toBe(0.5);
    expect(report.cronbachAlpha).toBe(0.75);
    // Better candidates do better on every question: positive discrimination, nothing flagged.
    expect(report.items.flatMap((item) => item.flags)).toEqual([]);
  });

  test('a question sat by only some attempts (random draws) is analysed over those attempts', () => {
    const report = analyseItems({
      attempts: [
        { total: 2, maxTotal: 2, items: [{ questionId: 'a', score: 2, maxScore: 2 }] },
        {
          total: 3,
          maxTotal: 4,
          items: [
            { questionId: 'a', score: 1, maxScore: 2 },
            { questionId: 'b', score: 2, maxScore: 2 },
          ],
        },
      ],
    });
    expect(report.items.map((item) => [item.questionId, item.count, item.facility])).toEqual([
      ['a', 2, 0.75],
      ['b', 1, 1],
    ]);
    // Only one question is common to every attempt: α needs two.
    expect(report.cronbachAlpha).toBeNull();
    expect(analyseItems({ attempts: [] })).toEqual({
      items: [],
      cronbachAlpha: null,
      attempts: 0,
      fewAttempts: true,
    });
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
