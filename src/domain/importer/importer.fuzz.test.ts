import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePaper } from './importer.parse.js';

// Pieces that exercise every convention, so random papers hit the parser's corners, not just prose.
const pieces = [
  '1、',
  '2.',
  '3．',
  '(1)',
  '（2）',
  '4)',
  '一、',
  '二、单选题(每题2分)',
  '三、判断题',
  '[单选题 - 2 分]:',
  '[判断题]',
  'A.',
  'B、',
  'C:',
  'D．',
  '(A)',
  '(B)',
  'a.',
  'b.',
  'A ',
  '( D )',
  '（ √ ）',
  '( × )',
  '(X)',
  '( A D)',
  '(ABC)',
  '(确认收货后)',
  '(1)',
  '答案:',
  '正确答案:A',
  '回答错误!正确答案: D',
  '【答案】',
  '问:',
  '答:',
  '解析:',
  '参考答案',
  '1-5 ABCDA',
  '1.A 2.C',
  '第 1 页',
  '相关文档',
  '√',
  '×',
  '对',
  '错',
  'T',
  'F',
  '客服',
  '发票',
  '七天无理由',
  '?',
  '。',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n',
  '\n',
  '\r\n',
  '(',
  ')',
  '（',
  '）',
  '☑',
  '☐',
  '____',
  '0',
  '9',
  '99',
  '999',
];

const paper = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('parsePaper on random text', () => {
  test('when given any text, it never throws and accounts for every line', () => {
    fc.assert(
      fc.property(paper, (text) => {
        const { result, issues } = parsePaper({ text });
        const lines = text.split(/\r\n|\r|\n/);
        expect(result.lineUses.map((entry) => entry.line)).toEqual(lines.map((_, index) => index + 1));
        expect(issues.filter((issue) => issue.code === 'importer.internal')).toEqual([]);
        for (const { line, use } of result.lineUses) {
          const content = lines[line - 1] ?? '';
          if (use === 'blank') expect(content.trim(), `line ${line} has text but counts as blank`).toBe('');
          if (use === 'unread' || use === 'furniture')
            expect(issues.some((issue) => issue.at?.line === line)).toBe(true);
          if (use === 'question') {
            expect(
              result.questions.some((question) => question.lines[0] <= line && line <= question.lines[1]),
            ).toBe(true);
          }
        }
        for (const question of result.questions) {
          expect(question.lines[0]).toBeGreaterThanOrEqual(1);
          expect(question.lines[1]).toBeLessThanOrEqual(lines.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('when given random Word paragraphs with random styles, it never throws', () => {
    const paragraph = fc.record({
      text: paper,
      spans: fc.array(
        fc.record({
          start: fc.integer({ min: -5, max: 60 }),
          end: fc.integer({ min: -5, max: 80 }),
          red: fc.boolean(),
          bold: fc.boolean(),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 12 }), (items) => {
        const paragraphs = items.map((item, index) => ({
          line: index + 1,
          text: item.text,
          spans: item.spans,
        }));
        const { result, issues } = parsePaper({ paragraphs });
        expect(result.lineUses).toHaveLength(paragraphs.length);
        expect(issues.filter((issue) => issue.code === 'importer.internal')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
