import { describe, expect, test } from 'vitest';
import type { Question } from './exam.types.js';
import { candidateQuestion, releaseOf } from './index.js';

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

describe('candidateQuestion for the other types', () => {
  const plain = { difficulty: 2 as const, tags: { rules: ['offsite_contact'], platforms: [], topics: [] } };
  const scenario: Question = {
    ...plain,
    id: 'r1',
    type: 'scenario',
    stem: '买家要加微信',
    buyerText: '加个微信吧',
    reference: '婉拒',
    rubric: [{ keywords: ['平台'], points: 4, label: '留在平台' }],
    forbiddenRules: ['offsite_contact'],
    points: 4,
    explanation: '不能站外联系',
  };
  const fill: Question = {
    ...plain,
    id: 'f1',
    type: 'fill_blank',
    stem: '（ ）天后自动确认收货，（ ）天内可申请售后',
    answer: [['10'], ['15']],
    points: 2,
    explanation: '',
  };
  const caseQuestion: Question = {
    ...plain,
    id: 'c1',
    type: 'case',
    stem: '案例',
    material: '材料……',
    points: 6,
    explanation: '案例解析',
    subQuestions: [fill, scenario],
  };
  const entry = { key: 'q1', questionId: 'c1', version: 2, section: 0, points: 3, optionOrder: null };

  test('a case shows its material and tasks (keyed by index, points scaled); no key, rubric or reference', () => {
    const view = candidateQuestion(caseQuestion, entry);
    expect(view).toEqual({
      key: 'q1',
      type: 'case',
      stem: '案例',
      points: 3,
      material: '材料……',
      subQuestions: [
        { key: '0', type: 'fill_blank', stem: fill.stem, points: 1, blanks: 2 },
        { key: '1', type: 'scenario', stem: '买家要加微信', points: 2, buyerText: '加个微信吧' },
      ],
    });
    const text = JSON.stringify(view);
    for (const secret of ['婉拒', '平台', 'offsite_contact', '不能站外联系', '案例解析', '"15"'])
      expect(text).not.toContain(secret);
  });
});
