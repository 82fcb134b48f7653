import { describe, expect, test } from 'vitest';
import type { ParsedQuestion } from '../../domain/importer/index.js';
import { buildDocx, samplePaper } from '../../../test/fixtures/papers/make-docx.js';
import { readAiken, writeAiken } from './papers.aiken.js';
import { readDocx } from './papers.docx.js';
import { readGift, writeGift } from './papers.gift.js';
import { readPaperBytes } from './papers.read.js';
import { decodePaperText } from './papers.text.js';
import { readQuestionsXlsx, writeQuestionsXlsx } from './papers.xlsx.js';

/** GBK bytes of a text, found by asking the decoder (Node has no GBK encoder). */
const encodeGbk = (text: string): Uint8Array => {
  const decoder = new TextDecoder('gb18030');
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    search: for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (decoder.decode(new Uint8Array([lead, trail])) === char) {
          bytes.push(lead, trail);
          break search;
        }
      }
    }
  }
  return new Uint8Array(bytes);
};

const sampleQuestions: ParsedQuestion[] = [
  {
    type: 'single',
    stem: '未付款订单几天后关闭（ ）',
    options: ['1天', '3天', '7天'],
    answer: ['B'],
    points: 2,
    flags: [],
    lines: [2, 2],
  },
  {
    type: 'multiple',
    stem: '处理投诉时应做到',
    options: ['倾听', '推诿', '跟进结果'],
    answer: ['A', 'C'],
    points: 3,
    flags: [],
    lines: [3, 3],
  },
  {
    type: 'true_false',
    stem: '可以私下交易',
    options: [],
    answer: false,
    points: 2,
    flags: [],
    lines: [4, 4],
  },
  {
    type: 'fill_blank',
    stem: '退货要求不影响（ ）',
    options: [],
    answer: ['二次销售'],
    points: 3,
    flags: [],
    lines: [5, 5],
  },
  {
    type: 'short_answer',
    stem: '顾客催发货怎么回复?',
    options: [],
    answer: '先致歉,再告知发货时间。',
    points: 4,
    flags: [],
    lines: [6, 6],
  },
];

describe('decodePaperText', () => {
  test('when a .txt is saved as GBK, it is decoded as GB18030', () => {
    const decoded = decodePaperText(encodeGbk('1、客服要及时回复( √ )'));
    expect(decoded).toEqual({ text: '1、客服要及时回复( √ )', encoding: 'gb18030', issues: [] });
  });

  test('when a .txt starts with a UTF-8 BOM, the BOM is dropped', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('判断题')]);
    expect(decodePaperText(bytes)).toEqual({ text: '判断题', encoding: 'utf-8-bom', issues: [] });
  });

  test('when bytes are neither UTF-8 nor GBK, the text is kept and the damage is reported', () => {
    const decoded = decodePaperText(new Uint8Array([0x61, 0x0a, 0xff, 0xff, 0xff]));
    expect(decoded.issues.map((issue) => [issue.code, issue.at?.line])).toEqual([
      ['papers.invalid_encoding', 2],
    ]);
  });

  test('when a GBK paper is read as a file, its questions are parsed', async () => {
    const read = await readPaperBytes({
      name: 'paper.txt',
      bytes: encodeGbk('1、客服要及时回复( √ )\n2、可以私下交易( × )'),
    });
    expect(read.questions.map((question) => [question.stem, question.answer])).toEqual([
      ['客服要及时回复', true],
      ['可以私下交易', false],
    ]);
  });
});

describe('readDocx', () => {
  test('when Word numbers paragraphs automatically, the numbers and letters are written out', () => {
    const { paragraphs } = readDocx(samplePaper());
    expect(paragraphs.slice(0, 5).map((paragraph) => paragraph.text)).toEqual([
      '一、单选题(每题2分)',
      '1、 顾客要求开发票时应当( )',
      'A. 加收税点',
      'B. 按实际金额开具',
      'C. 拒绝开具',
    ]);
    expect(paragraphs[5]?.text).toBe('2、 未付款订单几天后自动关闭( )');
  });

  test('when answers are marked by red, bold, ☑ and underline, they are read as answers', async () => {
    const read = await readPaperBytes({ name: 'paper.docx', bytes: samplePaper() });
    expect(
      read.questions.map((question) => [question.type, question.options, question.answer, question.flags]),
    ).toEqual([
      ['single', ['加收税点', '按实际金额开具', '拒绝开具'], ['B'], []],
      ['single', ['1天', '3天', '7天'], ['B'], []],
      ['multiple', ['倾听', '推诿', '跟进结果'], ['A', 'C'], []],
      ['fill_blank', [], ['二次销售'], []],
    ]);
    expect(read.questions[3]?.stem).toBe('七天无理由退货要求商品不影响（ ）。');
  });

  test('when an option is highlighted, it is the answer; when every option is bold, nothing is', async () => {
    const bytes = buildDocx({
      paragraphs: [
        { runs: ['1、首次响应应在( )'] },
        { runs: ['A.30秒 '] },
        { runs: [{ text: 'B.3分钟', highlight: true }] },
        { runs: ['2、哪个是快递( )'] },
        { runs: [{ text: 'A.顺丰', bold: true }] },
        { runs: [{ text: 'B.中通', bold: true }] },
      ],
    });
    const read = await readPaperBytes({ name: 'p.docx', bytes });
    expect(read.questions.map((question) => question.answer)).toEqual([['B'], null]);
    expect(read.questions[1]?.flags).toContain('no_answer');
  });

  test('when Word numbers section headers in Chinese (一、二、), they are read as sections', async () => {
    const bytes = buildDocx({
      lists: [{ numId: 7, levels: [{ format: 'chineseCounting', text: '%1、' }] }],
      paragraphs: [
        { runs: ['单选题(每题2分)'], list: { numId: 7 } },
        { runs: ['1、哪个是快递( A ) A.顺丰 B.银行'] },
        { runs: ['判断题(每题2分)'], list: { numId: 7 } },
        { runs: ['1、可以私下交易( × )'] },
      ],
    });
    const read = await readPaperBytes({ name: 'p.docx', bytes });
    expect(read.questions.map((question) => [question.section, question.type, question.answer])).toEqual([
      ['一、 单选题(每题2分)', 'single', ['A']],
      ['二、 判断题(每题2分)', 'true_false', false],
    ]);
  });

  test('when answers are marked by a character style and questions numbered by a list style, both are read', async () => {
    const bytes = buildDocx({
      lists: [{ numId: 3, levels: [{ format: 'decimal', text: '%1、' }] }],
      styles: [
        { id: 'AnswerBase', type: 'character', red: true },
        // Inherits red through basedOn: the paper's 「答案」 style.
        { id: 'Answer', type: 'character', basedOn: 'AnswerBase' },
        { id: 'QuestionList', type: 'paragraph', list: { numId: 3 } },
        { id: 'Loop', type: 'character', basedOn: 'Loop' },
      ],
      paragraphs: [
        { runs: ['一、单选题(每题2分)'] },
        { runs: ['顾客要求开发票时应当( )'], style: 'QuestionList' },
        { runs: ['A.加收税点 ', { text: 'B.按实际金额开具', style: 'Answer' }, ' C.拒绝开具'] },
        { runs: ['未付款订单几天后自动关闭( )'], style: 'QuestionList' },
        { runs: ['A.1天 ', { text: 'B.3天', style: 'Loop' }, ' C.7天'] },
      ],
    });
    const read = await readPaperBytes({ name: 'p.docx', bytes });
    expect(read.questions.map((question) => [question.number, question.answer])).toEqual([
      [1, ['B']],
      [2, null],
    ]);
  });

  test('when the file is not a zip, the problem is reported instead of thrown', () => {
    const read = readDocx(new TextEncoder().encode('not a docx'));
    expect(read.paragraphs).toEqual([]);
    expect(read.issues[0]?.code).toBe('papers.docx_unreadable');
  });
});

describe('question template (.xlsx)', () => {
  test('when questions are written to the template and read back, they come back the same', async () => {
    const bytes = await writeQuestionsXlsx(sampleQuestions);
    const read = await readQuestionsXlsx(bytes);
    expect(read.issues).toEqual([]);
    expect(read.questions).toEqual(sampleQuestions);
  });

  test('when a row has an unknown type, it is reported with its row number', async () => {
    const bytes = await writeQuestionsXlsx(sampleQuestions.slice(0, 1));
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    workbook.worksheets[0]?.addRow(['连线题', '把左右两边连起来']);
    const read = await readQuestionsXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(read.questions).toHaveLength(1);
    expect(read.issues.map((issue) => [issue.code, issue.at?.line])).toEqual([
      ['papers.xlsx_unknown_type', 3],
    ]);
  });
});

describe('GIFT and Aiken', () => {
  const core = (question: ParsedQuestion) => [
    question.type,
    question.stem,
    question.options,
    question.answer,
  ];

  test('when questions are written as GIFT and read back, type, stem, options and answer survive', () => {
    const gift = writeGift(sampleQuestions);
    expect(gift.issues).toEqual([]);
    expect(readGift(gift.text).questions.map(core)).toEqual(sampleQuestions.map(core));
  });

  test('when GIFT text has titles, comments, weights and escapes, they are understood', () => {
    const text =
      '// 题库\n$CATEGORY: 售后\n\n::q1:: 运费险\\: 谁买? {~%50%顾客 ~%50%商家 ~%-100%快递}\n\n发票可以拒开 {FALSE}';
    expect(readGift(text).questions.map(core)).toEqual([
      ['multiple', '运费险: 谁买?', ['顾客', '商家', '快递'], ['A', 'B']],
      ['true_false', '发票可以拒开', [], false],
    ]);
  });

  test('when questions are written as Aiken, only single choices are kept and the rest reported', () => {
    const aiken = writeAiken(sampleQuestions);
    expect(aiken.text).toBe('未付款订单几天后关闭（ ）\nA. 1天\nB. 3天\nC. 7天\nANSWER: B\n');
    expect(aiken.issues).toHaveLength(4);
    expect(readAiken(aiken.text).questions.map(core)).toEqual([core(sampleQuestions[0] as ParsedQuestion)]);
  });

  test('when Aiken text lacks an ANSWER line, the question is reported', () => {
    expect(readAiken('问题?\nA. 甲\nB. 乙').issues.map((issue) => issue.code)).toEqual([
      'papers.aiken_no_answer',
    ]);
  });
});
