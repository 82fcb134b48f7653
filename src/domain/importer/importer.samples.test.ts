import { describe, expect, test } from 'vitest';
import { parsePaper } from './importer.parse.js';
import type { ParsedQuestion } from './importer.types.js';

const parse = (text: string) => parsePaper({ text });
const questions = (text: string) => parse(text).result.questions;

/** A question with the defaults most samples share; `lines` defaults to the first line. */
const q = (fields: Partial<ParsedQuestion> & Pick<ParsedQuestion, 'type' | 'stem'>): ParsedQuestion => ({
  options: [],
  answer: null,
  flags: [],
  lines: [1, 1],
  ...fields,
});

describe('parsePaper numbering conventions', () => {
  test.each([
    ['1、', '1、顾客付款后多久内必须发货( B ) A.24小时 B.48小时 C.72小时 D.7天'],
    ['1.', '1. 顾客付款后多久内必须发货( B ) A.24小时 B.48小时 C.72小时 D.7天'],
    ['1．(full-width)', '1．顾客付款后多久内必须发货（ B ） A．24小时 B．48小时 C．72小时 D．7天'],
    ['(1)', '(1)顾客付款后多久内必须发货( B ) A.24小时 B.48小时 C.72小时 D.7天'],
    ['（1）', '（1）顾客付款后多久内必须发货( B ) A.24小时 B.48小时 C.72小时 D.7天'],
    ['1)', '1) 顾客付款后多久内必须发货( B ) A.24小时 B.48小时 C.72小时 D.7天'],
  ])('when a question is numbered %s, the number is removed from the stem', (_, text) => {
    expect(questions(text)).toEqual([
      q({
        type: 'single',
        stem: '顾客付款后多久内必须发货（ ）',
        options: ['24小时', '48小时', '72小时', '7天'],
        answer: ['B'],
        number: 1,
      }),
    ]);
  });

  test('when a question has no number, a line ending in options still makes a question', () => {
    expect(questions('以下哪项最能提升复购? A.老客户关怀 B.降价 C.换主图 D.加大投放\n答案:A')).toEqual([
      q({
        type: 'single',
        stem: '以下哪项最能提升复购?',
        options: ['老客户关怀', '降价', '换主图', '加大投放'],
        answer: ['A'],
        lines: [1, 2],
      }),
    ]);
  });

  test('when several numbered questions are pasted on one line, each is split at its number', () => {
    const found = questions('1、发票可以拒开吗( × ) 2、积分可以抵现( √ ) 3、差评可以修改( √ )');
    expect(found.map((item) => [item.number, item.stem, item.answer])).toEqual([
      [1, '发票可以拒开吗', false],
      [2, '积分可以抵现', true],
      [3, '差评可以修改', true],
    ]);
  });

  test('when a number inside a fill-in does not follow on, it stays part of the sentence', () => {
    expect(questions('三、填空题\n1、未付款订单(3)天后关闭')[0]).toMatchObject({
      stem: '未付款订单（ ）天后关闭',
      answer: ['3'],
    });
  });
});

describe('parsePaper section headers', () => {
  test('when a section header gives type and points, its questions carry both and the section title', () => {
    const text = '一、单选题(每题2分,共30分)\n1、客服首次响应应在几秒内( A ) A.30秒 B.3分钟 C.10分钟';
    expect(questions(text)).toEqual([
      q({
        type: 'single',
        stem: '客服首次响应应在几秒内（ ）',
        options: ['30秒', '3分钟', '10分钟'],
        answer: ['A'],
        points: 2,
        section: '一、单选题(每题2分,共30分)',
        number: 1,
        lines: [2, 2],
      }),
    ]);
  });

  test('when the header says 每天2分 (a common typo), the points are still read', () => {
    expect(questions('三、判断题(每天2分,共20分)\n1、可以私下交易( × )')[0]).toMatchObject({
      points: 2,
      answer: false,
    });
  });

  test('when a [单选题 - 2 分]: header precedes each question, it sets type and points', () => {
    const text =
      '[单选题 - 2 分]:\n退款申请最晚何时处理?\nA. 当天\nB. 三天内\nC. 七天内\nD. 不处理\n正确答案:A';
    expect(questions(text)).toEqual([
      q({
        type: 'single',
        stem: '退款申请最晚何时处理?',
        options: ['当天', '三天内', '七天内', '不处理'],
        answer: ['A'],
        points: 2,
        lines: [1, 7],
      }),
    ]);
  });

  test('when a 多选题 section has a question with one letter, it stays a multiple choice (不定项)', () => {
    const text = '二、多选题\n1、哪些属于售后问题(B) A.询价 B.退货 C.咨询尺码';
    expect(questions(text)[0]).toMatchObject({ type: 'multiple', answer: ['B'], flags: [] });
  });

  test('when a 单选题 section has a question with two letters, it becomes multiple and is flagged', () => {
    const text = '一、单选题\n1、哪些属于售后问题(AB) A.退货 B.换货 C.询价';
    expect(questions(text)[0]).toMatchObject({
      type: 'multiple',
      answer: ['A', 'B'],
      flags: ['type_guessed'],
    });
  });
});

describe('parsePaper option conventions', () => {
  const expected = ['顺丰', '中通', '圆通', '韵达'];
  test.each([
    ['A.', '默认快递是( C )\nA.顺丰\nB.中通\nC.圆通\nD.韵达'],
    ['A、', '默认快递是( C ) A、顺丰 B、中通 C、圆通 D、韵达'],
    ['A:', '默认快递是( C ) A:顺丰 B:中通 C:圆通 D:韵达'],
    ['A：', '默认快递是( C ) A：顺丰 B：中通 C：圆通 D：韵达'],
    ['(A)', '默认快递是( C ) (A)顺丰 (B)中通 (C)圆通 (D)韵达'],
    ['lower case', '默认快递是( C ) a.顺丰 b.中通 c.圆通 d.韵达'],
    ['A space', '默认快递是( C )\nA 顺丰\nB 中通\nC 圆通\nD 韵达'],
  ])('when options are written %s, the letters are removed', (_, text) => {
    expect(questions(text)[0]).toMatchObject({
      type: 'single',
      stem: '默认快递是（ ）',
      options: expected,
      answer: ['C'],
    });
  });

  test('when options are lines without letters in a choice section, they are read and flagged', () => {
    const text = '一、单选题\n1、以下哪个是礼貌用语( B )\n你说啥\n亲,请稍等\n不知道';
    expect(questions(text)[0]).toMatchObject({
      options: ['你说啥', '亲,请稍等', '不知道'],
      answer: ['B'],
      flags: ['options_unlettered'],
      lines: [2, 5],
    });
  });

  test('when options wrap onto a second line, the next letters continue the same question', () => {
    const text = '以下属于老客户营销的是? A.短信关怀 B.直通车\nC.首页海报 D.社区抽奖';
    expect(questions(text)[0]?.options).toEqual(['短信关怀', '直通车', '首页海报', '社区抽奖']);
  });

  test('when a choice question has only one option, it is flagged odd_option_count', () => {
    expect(questions('1、唯一选项的题( A ) A.只有一个')[0]?.flags).toEqual(['odd_option_count']);
  });

  test('when one question of a section has fewer options than the others, it is flagged odd_option_count', () => {
    const text = [
      '一、单选题',
      '1、甲( A ) A.1 B.2 C.3 D.4',
      '2、乙( B ) A.1 B.2 C.3 D.4',
      '3、丙( C ) A.1 B.2 C.3',
    ].join('\n');
    expect(questions(text).map((item) => item.flags)).toEqual([[], [], ['odd_option_count']]);
  });

  test('when the answer names a letter without an option, it is flagged answer_out_of_range', () => {
    expect(questions('1、选哪个( E ) A.甲 B.乙 C.丙 D.丁')[0]?.flags).toEqual(['answer_out_of_range']);
  });
});

describe('parsePaper answer conventions', () => {
  test.each([
    ['( A D)', '1、哪些要核实( A D) A.地址 B.星座 C.爱好 D.电话', ['A', 'D']],
    ['(ABC)', '1、哪些要核实(ABC) A.地址 B.姓名 C.电话 D.爱好', ['A', 'B', 'C']],
    ['a lone letter line', '1、哪些要核实\nA.地址 B.星座 C.爱好 D.电话\nD', ['D']],
    ['答案:C', '1、哪些要核实\nA.地址 B.星座 C.电话 D.爱好\n答案:C', ['C']],
    ['正确答案:A', '1、哪些要核实\nA.地址 B.星座 C.电话 D.爱好\n正确答案:A', ['A']],
    ['回答错误!正确答案: D', '1、哪些要核实\nA.地址 B.星座 C.爱好 D.电话\n回答错误!正确答案: D', ['D']],
    ['【答案】', '1、哪些要核实\nA.地址 B.星座 C.电话 D.爱好\n【答案】AC', ['A', 'C']],
  ])('when the answer is written as %s, it is read as letters', (_, text, answer) => {
    expect(questions(text)[0]?.answer).toEqual(answer);
  });

  test.each([
    ['( √ )', true],
    ['（ √ ）', true],
    ['( × )', false],
    ['(X)', false],
    ['(x)', false],
    ['(对)', true],
    ['(错)', false],
    ['(正确)', true],
    ['(错误)', false],
    ['(T)', true],
    ['(F)', false],
  ])('when a statement ends with %s, it is a true/false question with answer %s', (mark, answer) => {
    expect(questions(`1、旺旺回复要及时${mark}`)).toEqual([
      q({ type: 'true_false', stem: '旺旺回复要及时', answer, number: 1 }),
    ]);
  });

  test('when a fill-in sentence holds several answers in parentheses, each is one blank', () => {
    const text = '二、填空题(每题3分)\n1、未付款订单(3)天自动关闭,发货后(10)天自动确认收货';
    expect(questions(text)[0]).toEqual(
      q({
        type: 'fill_blank',
        stem: '未付款订单（ ）天自动关闭,发货后（ ）天自动确认收货',
        answer: ['3', '10'],
        points: 3,
        section: '二、填空题(每题3分)',
        number: 1,
        lines: [2, 2],
      }),
    );
  });

  test('when a fill-in has no section, parentheses with text make a fill-in whose type is flagged as guessed', () => {
    expect(questions('1、积分在(确认收货后)发放')[0]).toMatchObject({
      type: 'fill_blank',
      answer: ['确认收货后'],
      flags: ['type_guessed'],
    });
  });

  test('when a paper uses 问: and 答:, each pair is a short answer with its reference', () => {
    expect(
      questions('问:能开发票吗? 答:可以,按实际金额开具。\n问:能改价吗? 答:拍下后联系客服修改。'),
    ).toEqual([
      q({ type: 'short_answer', stem: '能开发票吗?', answer: '可以,按实际金额开具。' }),
      q({ type: 'short_answer', stem: '能改价吗?', answer: '拍下后联系客服修改。', lines: [2, 2] }),
    ]);
  });

  test('when a short-answer section gives the reference on the next lines, they become the answer', () => {
    const text = '三、简答题(每题4分)\n1、买家催发货怎么回复?\n先致歉,\n再告知发货时间。';
    expect(questions(text)[0]).toMatchObject({
      type: 'short_answer',
      answer: '先致歉,\n再告知发货时间。',
      points: 4,
      lines: [2, 4],
    });
  });

  test('when a paper ends with an answer key 1-5 ABCDA, the answers are filled in by number', () => {
    const text = ['1、甲? A.a B.b', '2、乙? A.a B.b', '3、丙? A.a B.b C.c', '参考答案', '1-3 BAC'].join('\n');
    const found = parse(text);
    expect(found.result.questions.map((item) => item.answer)).toEqual([['B'], ['A'], ['C']]);
    expect(
      found.result.questions.every(
        (item) => item.flags.length === 0 || item.flags.includes('odd_option_count'),
      ),
    ).toBe(true);
  });

  test('when the key is written 答案: 1.A 2.C and numbers restart per section, each section gets its own', () => {
    const text = [
      '一、单选题',
      '1、甲? A.a B.b C.c',
      '2、乙? A.a B.b C.c',
      '二、判断题',
      '1、丙',
      '答案: 1.A 2.C',
      '答案: 1.×',
    ].join('\n');
    expect(questions(text).map((item) => [item.type, item.answer, item.flags])).toEqual([
      ['single', ['A'], []],
      ['single', ['C'], []],
      ['true_false', false, []],
    ]);
  });

  test('when the answer key disagrees with the answer in the question, the question keeps its own and is flagged', () => {
    const found = questions('1、甲( A ) A.1 B.2\n参考答案\n1.B');
    expect(found[0]).toMatchObject({ answer: ['A'], flags: ['answer_conflict'] });
  });

  test('when a question has no answer anywhere, it is flagged no_answer and its type as guessed', () => {
    expect(questions('1、哪个快递最快? A.顺丰 B.邮政')[0]?.flags).toEqual(['no_answer', 'type_guessed']);
  });
});

describe('parsePaper more conventions', () => {
  test('when a section header sits in the middle of a collapsed line, numbering restarts under it', () => {
    const found = questions('一、判断题(每题2分) 1、要及时回复( √ ) 二、填空题(每题3分) 1、订单(3)天后关闭');
    expect(found.map((item) => [item.section, item.number, item.type, item.points])).toEqual([
      ['一、判断题(每题2分)', 1, 'true_false', 2],
      ['二、填空题(每题3分)', 1, 'fill_blank', 3],
    ]);
  });

  test('when sections are numbered 1、选择题 2、判断题 and questions (1) (2), both levels are read', () => {
    const text =
      '1、选择题 (1)售后也是( C )的开始 A.保修 B.安装 C.再销售 (2)哪个是快递(A) A.顺丰 B.银行 2、判断题 (1)可以改价(×)';
    expect(questions(text).map((item) => [item.section, item.number, item.type, item.answer])).toEqual([
      ['1、选择题', 1, 'single', ['C']],
      ['1、选择题', 2, 'single', ['A']],
      ['2、判断题', 1, 'true_false', false],
    ]);
  });

  test('when an answer line is followed by 解析:, the explanation is kept', () => {
    expect(questions('1、默认快递 A.顺丰 B.中通\n答案:B\n解析:合作协议约定中通。')[0]).toMatchObject({
      answer: ['B'],
      explanation: '合作协议约定中通。',
      lines: [1, 3],
    });
  });

  test('when a heading like 一、基础知识 names no type, it is reported and its questions are flagged as guessed', () => {
    const found = parse('一、基础知识\n1、默认快递 A.顺丰 B.中通');
    expect(found.issues.map((issue) => [issue.code, issue.at?.line])).toEqual([['importer.unread_text', 1]]);
    expect(found.result.questions[0]).toMatchObject({
      section: '一、基础知识',
      flags: ['no_answer', 'type_guessed'],
    });
  });

  test('when an answer line comes with no question before it, it is reported as unread', () => {
    const found = parse('答案:C');
    expect(found.result.questions).toEqual([]);
    expect(found.result.lineUses).toEqual([{ line: 1, use: 'unread' }]);
  });
});

describe('parsePaper noise', () => {
  test('when page furniture sits between questions, it is skipped and reported as skipped', () => {
    const found = parse('1、可以私下交易( × )\n第 1 页\n相关文档推荐\n2、要及时回复( √ )');
    expect(found.result.questions).toHaveLength(2);
    expect(found.issues.map((issue) => [issue.code, issue.at?.line])).toEqual([
      ['importer.skipped', 2],
      ['importer.skipped', 3],
    ]);
  });

  test('when prose sits between questions, it is reported as unread with its line, never dropped', () => {
    const found = parse('1、可以私下交易( × )\n小编提醒:多做题才能过考试。\n2、要及时回复( √ )');
    expect(found.result.questions).toHaveLength(2);
    expect(found.issues).toEqual([
      {
        code: 'importer.unread_text',
        message: '未能识别的文字(已保留,请人工核对): 小编提醒:多做题才能过考试。',
        severity: 'warning',
        at: { line: 2 },
      },
    ]);
    expect(found.result.lineUses.map((use) => use.use)).toEqual(['question', 'unread', 'question']);
  });

  test('when the same question appears twice, the second is flagged duplicate', () => {
    const text = '1、可以私下交易( × )\n2、要及时回复( √ )\n1、可以私下交易( × )';
    expect(questions(text).map((item) => item.flags)).toEqual([[], [], ['duplicate']]);
  });

  test('when full-width and half-width punctuation are mixed, stems keep the original characters', () => {
    expect(questions('１、顾客说：“能便宜吗？”（ Ａ ） Ａ．婉拒并说明 Ｂ．直接改价')[0]).toMatchObject({
      stem: '顾客说：“能便宜吗？”（ ）',
      options: ['婉拒并说明', '直接改价'],
      answer: ['A'],
    });
  });

  test('when the input is empty, there are no questions and no issues', () => {
    expect(parse('')).toEqual({
      result: { questions: [], lineUses: [{ line: 1, use: 'blank' }] },
      issues: [],
    });
  });
});
