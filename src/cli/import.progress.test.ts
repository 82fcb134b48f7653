import { describe, expect, test } from 'vitest';
import { progressLine, progressPrinter } from './import.progress.js';

describe('progressLine', () => {
  test('names the rows, the share of the file and the rows per second', () => {
    const line = progressLine({ bytesRead: 1_048_576, rowsRead: 8_000, rowsInserted: 8_000 }, 4_194_304, 2);
    expect(line).toBe('已读取 8000 行 · 25.0%（1.0 / 4.0 MB） · 4000 行/秒');
  });

  test('without the file size, only rows and speed', () => {
    expect(progressLine({ bytesRead: 10, rowsRead: 10, rowsInserted: 10 }, undefined, 1)).toBe(
      '已读取 10 行 · 10 行/秒',
    );
  });
});

describe('progressPrinter', () => {
  const run = (tty: boolean, times: number[]) => {
    let out = '';
    let clock = 0;
    const printer = progressPrinter({
      write: (text) => (out += text),
      tty,
      everyMs: 5_000,
      bytesTotal: 100,
      now: () => clock,
    });
    for (const [i, at] of times.entries()) {
      clock = at;
      printer.report({ bytesRead: (i + 1) * 10, rowsRead: (i + 1) * 1_000, rowsInserted: 0 });
    }
    printer.end();
    return out;
  };

  test('outside a terminal, a line at the first batch and then one every few seconds', () => {
    const out = run(false, [1_000, 2_000, 3_000, 6_500, 7_000]);
    expect(
      out
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' · ')[0]),
    ).toEqual(['已读取 1000 行', '已读取 4000 行']);
  });

  test('on a terminal, one line redrawn in place and closed at the end', () => {
    const out = run(true, [1_000, 1_050, 1_200]);
    expect(out.split('\r\u001b[K')).toHaveLength(3);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.split('\n')).toHaveLength(2);
  });
});
