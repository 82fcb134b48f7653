import { describe, expect, test } from 'vitest';
import { toQuestions } from './importer.mapping.js';
import { parsePaper } from './importer.parse.js';

const casePaper = [
  '四、案例分析题（共40分）',
  '案例一：买家王女士收到的羽绒服袖口开线，在聊天中说“你们卖的什么破东西，我要投诉”。',
  '1. 客服第一句应该怎样回复？（10分）',
  '答：先道歉安抚情绪，再请买家提供图片核实。',
  '2. 可以给出哪些解决方案？（10分）',
  '答：退货退款、换货或补偿，由买家选择。',
  '案例二：买家下单后要求改地址，但订单已经发货。',
  '1. 客服应如何处理？（20分）',
  '答：联系快递拦截或改派，并告知买家进度。',
].join('\n');

describe('case papers (案例分析)', () => {
  test('the prose before the tasks is their shared material; 案例二 starts the next case', () => {
    const { result, issues } = parsePaper({ text: casePaper });
    expect(result.questions.map((question) => [question.case?.id, question.stem, question.points])).toEqual([
      [1, '客服第一句应该怎样回复？', 10],
      [1, '可以给出哪些解决方案？', 10],
      [2, '客服应如何处理？', 20],
    ]);
    expect(result.questions[0]?.case).toEqual({
      id: 1,
      material: '案例一：买家王女士收到的羽绒服袖口开线，在聊天中说“你们卖的什么破东西，我要投诉”。',
      lines: [2, 2],
    });
    expect(issues.filter((issue) => issue.code === 'importer.unread_text')).toEqual([]);
    expect(
      issues.filter((issue) => issue.code === 'importer.case_material').map((issue) => issue.at?.line),
    ).toEqual([2, 7]);
    expect(result.lineUses.filter((use) => use.use === 'unread')).toEqual([]);
  });

  test('material without a task after it is reported unread, never dropped', () => {
    const { issues } = parsePaper({ text: '四、案例分析题\n背景：某店铺大促期间咨询量翻倍。' });
    expect(issues).toEqual([expect.objectContaining({ code: 'importer.unread_text', at: { line: 2 } })]);
  });

  test('prose outside a case section is still unread text', () => {
    const { issues } = parsePaper({
      text: '一、问答题\n这是一段说明文字。\n1. 如何处理差评？\n答：先联系买家了解原因。',
    });
    expect(issues.map((issue) => issue.code)).toContain('importer.unread_text');
  });

  test('tasks of one case become one case question whose points are the sum of its tasks', () => {
    const imported = toQuestions({
      parsed: parsePaper({ text: casePaper }).result.questions,
      idPrefix: 'imp',
    });
    expect(imported.map((item) => item.question.type)).toEqual(['case', 'case']);
    const [first, second] = imported;
    if (first?.question.type !== 'case' || second?.question.type !== 'case')
      throw new Error('expected cases');
    expect(first.question.material).toContain('羽绒服袖口开线');
    expect(first.question.points).toBe(20);
    expect(first.question.subQuestions.map((sub) => [sub.id, sub.type, sub.points])).toEqual([
      ['imp-1.1', 'short_answer', 10],
      ['imp-1.2', 'short_answer', 10],
    ]);
    expect(first.lines).toEqual([2, 6]);
    expect(second.question.id).toBe('imp-2');
    expect(second.question.points).toBe(20);
  });
});

describe('scenario papers (话术题)', () => {
  test('a short answer in a 话术题 section becomes a scenario with the buyer’s quoted words', () => {
    const text = [
      '五、话术题（每题5分）',
      '1. 买家说：“能不能便宜点？别家便宜20块。” 请写出你的回复。',
      '参考答案：亲，这已经是活动价了，现在下单还送运费险哦。',
      '2. 请写出催付话术。',
      '参考答案：亲，您拍下的宝贝还没付款哦，库存不多了。',
    ].join('\n');
    const imported = toQuestions({ parsed: parsePaper({ text }).result.questions, idPrefix: 'imp' });
    expect(
      imported.map(({ question }) =>
        question.type === 'scenario' ? [question.buyerText, question.reference] : null,
      ),
    ).toEqual([
      ['能不能便宜点？别家便宜20块。', '亲，这已经是活动价了，现在下单还送运费险哦。'],
      ['请写出催付话术。', '亲，您拍下的宝贝还没付款哦，库存不多了。'],
    ]);
    expect(imported.every(({ question }) => question.points === 5)).toBe(true);
  });
});
