import { describe, expect, test } from 'vitest';
import {
  renderExamSite,
  renderWebPaste,
  renderWordExport,
} from '../../../test/fixtures/papers/paper-bank.js';
import { parsePaper } from './importer.parse.js';

describe('parsePaper on full noisy papers', () => {
  test.each([
    ['a web page pasted as text', renderWebPaste],
    ['a Word paper saved as text, with an answer key at the end', renderWordExport],
    ['an online exam result page', renderExamSite],
  ])('when the paper is %s, every question is read exactly and all noise is reported', (_, render) => {
    const paper = render();
    const parsed = parsePaper({ text: paper.text });
    expect(parsed.result.questions.length).toBeGreaterThanOrEqual(40);
    expect(parsed.result.questions).toEqual(paper.expected);
    const lines = paper.text.split('\n');
    for (const { line, use } of parsed.result.lineUses) {
      if (use === 'unread' || use === 'furniture') {
        expect(
          parsed.issues.some((issue) => issue.at?.line === line),
          `line ${line}: ${lines[line - 1]}`,
        ).toBe(true);
      }
      if (use === 'blank') expect(lines[line - 1]?.trim()).toBe('');
    }
  });

  test('when the web paste has banners and prose, exactly those lines are reported', () => {
    const paper = renderWebPaste();
    const { issues } = parsePaper({ text: paper.text });
    const lines = paper.text.split('\n');
    expect(issues.map((issue) => [issue.code, lines[(issue.at?.line ?? 0) - 1]])).toEqual([
      ['importer.unread_text', '天猫客服上岗考试(第一套)'],
      ['importer.unread_text', '本文由小编整理,答案仅供参考。'],
      ['importer.skipped', '第 1 页'],
      ['importer.skipped', '立即下载完整版试卷'],
      ['importer.unread_text', '多选题少选得一半分,错选不得分。'],
      ['importer.skipped', '第 2 页'],
    ]);
  });
});
