import { describe, expect, test } from 'vitest';
import { countsAsDeduction, nextStatus } from './inspection.review.js';
import { drawSample, seedOf } from './inspection.sampling.js';
import { qaScore, scoreSample, validateSheetItems } from './inspection.scores.js';

describe('review state machine', () => {
  test('open → confirmed → appealed → appeal_upheld / appeal_rejected; open → dismissed', () => {
    expect(nextStatus('open', 'confirm')).toBe('confirmed');
    expect(nextStatus('open', 'dismiss')).toBe('dismissed');
    expect(nextStatus('confirmed', 'appeal')).toBe('appealed');
    expect(nextStatus('appealed', 'uphold')).toBe('appeal_upheld');
    expect(nextStatus('appealed', 'reject')).toBe('appeal_rejected');
  });

  test('every other move is refused', () => {
    expect(nextStatus('open', 'appeal')).toBeNull();
    expect(nextStatus('dismissed', 'confirm')).toBeNull();
    expect(nextStatus('confirmed', 'confirm')).toBeNull();
    expect(nextStatus('appeal_rejected', 'appeal')).toBeNull();
    expect(nextStatus('confirmed', 'uphold')).toBeNull();
  });

  test('only findings that stand cost points', () => {
    expect(
      ['open', 'confirmed', 'dismissed', 'appealed', 'appeal_upheld', 'appeal_rejected'].filter((s) =>
        countsAsDeduction(s as never),
      ),
    ).toEqual(['confirmed', 'appealed', 'appeal_rejected']);
  });
});

describe('scores', () => {
  test('QA score is 100 minus deductions, floored at 0', () => {
    expect(qaScore(0)).toBe(100);
    expect(qaScore(7.5)).toBe(92.5);
    expect(qaScore(130)).toBe(0);
  });

  test('a sample is totalled; a score out of range or a missing score names the item', () => {
    const items = [
      { label: '问候', points: 10 },
      { label: '专业', points: 30 },
    ];
    expect(scoreSample({ items, scores: [8, 25.5] })).toEqual({ total: 33.5, issues: [] });
    const { issues } = scoreSample({ items, scores: [11, -1] });
    expect(issues.map((issue) => issue.at?.field)).toEqual(['scores[0]', 'scores[1]']);
    expect(scoreSample({ items, scores: [1] }).issues[0]?.code).toBe('inspection.score_count');
  });

  test('sheet items need a unique label and positive points', () => {
    expect(validateSheetItems([])).toHaveLength(1);
    const issues = validateSheetItems([
      { label: '问候', points: 10 },
      { label: '问候', points: 0 },
    ]);
    expect(issues.map((issue) => issue.code)).toEqual([
      'inspection.item_duplicate',
      'inspection.item_points',
    ]);
  });
});

describe('seeded sampling', () => {
  const candidates = Array.from({ length: 40 }, (_, index) => ({
    agent: index % 2 === 0 ? 'a' : 'b',
    key: `c${String(index).padStart(2, '0')}`,
  }));

  test('the same seed draws the same conversations, whatever the input order', () => {
    const first = drawSample({ candidates, perAgent: 3, seed: seedOf('2026-03') });
    const again = drawSample({ candidates: [...candidates].reverse(), perAgent: 3, seed: seedOf('2026-03') });
    expect(again).toEqual(first);
    expect(first.filter((one) => one.agent === 'a')).toHaveLength(3);
    expect(new Set(first.map((one) => one.key)).size).toBe(6);
  });

  test('another seed draws differently; an agent with fewer chats gets them all', () => {
    const first = drawSample({ candidates, perAgent: 3, seed: 1 });
    const other = drawSample({ candidates, perAgent: 3, seed: 2 });
    expect(other.map((one) => one.key)).not.toEqual(first.map((one) => one.key));
    const few = drawSample({ candidates: candidates.slice(0, 3), perAgent: 5, seed: 1 });
    expect(few.map((one) => one.key).sort()).toEqual(['c00', 'c01', 'c02']);
  });
});
