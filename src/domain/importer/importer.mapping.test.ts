import { describe, expect, test } from 'vitest';
import { validateQuestion } from '../exam/exam.validation.js';
import { toQuestions } from './importer.mapping.js';
import { parsePaper } from './importer.parse.js';

const paper = [
  '一、多选题(每题3分)',
  '1、哪些要核实( A D) A.地址 B.星座 C.爱好 D.电话',
  '二、判断题',
  '1、可以私下交易( × )',
  '三、填空题',
  '1、未付款订单(3/三)天后关闭',
  '问:能开发票吗? 答:可以。',
  '四、单选题',
  '1、没有答案的题 A.甲 B.乙',
].join('\n');

describe('toQuestions', () => {
  test('when parsed questions are mapped, letters become option indexes and blanks lists of alternatives', () => {
    const imported = toQuestions({ parsed: parsePaper({ text: paper }).result.questions, idPrefix: 'imp' });
    expect(imported.map((item) => item.question)).toEqual([
      {
        id: 'imp-1',
        type: 'multiple',
        stem: '哪些要核实（ ）',
        options: ['地址', '星座', '爱好', '电话'],
        answer: [0, 3],
        points: 3,
        difficulty: 3,
        tags: { rules: [], platforms: [], topics: [] },
        explanation: '',
      },
      expect.objectContaining({ id: 'imp-2', type: 'true_false', answer: false, points: 2 }),
      expect.objectContaining({
        id: 'imp-3',
        type: 'fill_blank',
        stem: '未付款订单（ ）天后关闭',
        answer: [['3', '三']],
        points: 3,
      }),
      expect.objectContaining({
        id: 'imp-4',
        type: 'short_answer',
        reference: '可以。',
        rubric: [],
        points: 4,
      }),
      expect.objectContaining({ id: 'imp-5', type: 'single', answer: [], points: 2 }),
    ]);
    expect(imported.map((item) => item.flags)).toEqual([[], [], [], [], ['no_answer']]);
  });

  test('when a mapped question has its answer, only the explanation (解析) and a short answer rubric are left to write', () => {
    const imported = toQuestions({ parsed: parsePaper({ text: paper }).result.questions, idPrefix: 'imp' });
    const complete = imported.filter((item) => item.flags.length === 0);
    const codes = complete.flatMap((item) =>
      validateQuestion(item.question, { knownRuleIds: [] }).map((issue) => issue.code),
    );
    expect(new Set(codes)).toEqual(new Set(['question.empty_explanation', 'question.empty_rubric']));
  });
});
