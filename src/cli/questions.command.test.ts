import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './cli.js';
import type { CliIo } from './cli.io.js';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
};

const dir = mkdtempSync(join(tmpdir(), 'kefu-questions-'));
const paper = join(dir, 'paper.txt');
writeFileSync(paper, '一、判断题(每题2分)\n1、可以私下交易( × )\n小编的话\n2、旺旺要及时回复\n第 1 页\n');

describe('kefu questions parse', () => {
  test('when asked for json, it prints the questions and reports unread text on stderr', async () => {
    const { io, stdout, stderr } = capture();
    expect(await runCli({ argv: ['questions', 'parse', paper], io })).toBe(0);
    expect(JSON.parse(stdout())).toEqual([
      {
        type: 'true_false',
        stem: '可以私下交易',
        options: [],
        answer: false,
        points: 2,
        section: '一、判断题(每题2分)',
        flags: [],
        lines: [2, 2],
      },
      {
        type: 'true_false',
        stem: '旺旺要及时回复',
        options: [],
        answer: null,
        points: 2,
        section: '一、判断题(每题2分)',
        flags: ['no_answer'],
        lines: [4, 4],
      },
    ]);
    expect(stderr()).toContain(`${paper}:3  warning  importer.unread_text`);
    expect(stderr()).toContain(`${paper}:5  info  importer.skipped`);
  });

  test('when asked for json with issues, both go to stdout under separate keys', async () => {
    const { io, stdout, stderr } = capture();
    expect(
      await runCli({ argv: ['questions', 'parse', paper, '--format', 'json', '--with-issues'], io }),
    ).toBe(0);
    const printed = JSON.parse(stdout());
    expect(printed.questions).toHaveLength(2);
    expect(printed.issues.map((issue: { at: { line: number } }) => issue.at.line)).toEqual([3, 5]);
    expect(stderr()).toBe('');
  });

  test('when asked for a table, it prints one row per question and a count of flagged ones', async () => {
    const { io, stdout } = capture();
    expect(await runCli({ argv: ['questions', 'parse', paper, '--format', 'table'], io })).toBe(0);
    expect(stdout()).toContain('2\t4\t判断\t-\tno_answer\t旺旺要及时回复');
    expect(stdout()).toContain('共 2 题,1 题需要人工核对');
  });

  test('when the file does not exist, it says so and exits 1', async () => {
    const { io, stderr } = capture();
    expect(await runCli({ argv: ['questions', 'parse', join(dir, 'missing.txt')], io })).toBe(1);
    expect(stderr()).toContain('cannot read');
  });
});

describe('kefu questions convert', () => {
  test('when converting to GIFT, it writes the answered questions and reports the one without an answer', async () => {
    const { io, stdout, stderr } = capture();
    const out = join(dir, 'paper.gift');
    expect(await runCli({ argv: ['questions', 'convert', paper, '--to', 'gift', '--out', out], io })).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('// true_false\n可以私下交易 {F}\n');
    expect(stderr()).toContain('papers.gift_no_answer');
    expect(stdout()).toContain('2 题');
  });

  test('when converting to xlsx and parsing the result, the questions come back', async () => {
    const out = join(dir, 'paper.xlsx');
    expect(
      await runCli({ argv: ['questions', 'convert', paper, '--to', 'xlsx', '--out', out], io: capture().io }),
    ).toBe(0);
    const { io, stdout } = capture();
    expect(await runCli({ argv: ['questions', 'parse', out], io })).toBe(0);
    expect(JSON.parse(stdout()).map((question: { stem: string }) => question.stem)).toEqual([
      '可以私下交易',
      '旺旺要及时回复',
    ]);
  });

  test('when the target format is unknown, it is a usage error', async () => {
    const { io, stderr } = capture();
    expect(
      await runCli({ argv: ['questions', 'convert', paper, '--to', 'pdf', '--out', join(dir, 'x')], io }),
    ).toBe(2);
    expect(stderr()).toContain('unknown --to');
  });
});
