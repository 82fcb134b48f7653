import { describe, expect, test } from 'vitest';
import { createWorkspace, normalizeInto, normalizeText, originalSpan } from './compliance.normalize.js';

const back = (original: string, needle: string): string => {
  const normalized = normalizeText(original);
  const at = normalized.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const [start, end] = originalSpan(normalized, at, at + needle.length);
  return original.slice(start, end);
};

describe('normalizeText', () => {
  test('full-width letters and digits become half-width lower case', () => {
    expect(normalizeText('ＷＷＷ．ＡＢＣ１２３').text).toBe('www.abc123');
  });

  test('spaces, zero-width characters and emoji disappear', () => {
    expect(normalizeText('加\u200b我 微😀信').text).toBe('加我微信');
  });

  test('spaced, dashed and dotted digits join into one run', () => {
    expect(normalizeText('138-1234 5678').text).toBe('13812345678');
    expect(normalizeText('1.3.8.1.2').text).toBe('13812');
  });

  test('runs of Chinese numerals become digits, single numerals stay words', () => {
    expect(normalizeText('一三八 一二三四 五六七八').text).toBe('13812345678');
    expect(normalizeText('一定给您一个惊喜').text).toBe('一定给您一个惊喜');
  });

  test('variant spellings of WeChat and QQ become 微信 and qq', () => {
    expect(normalizeText('薇信').text).toBe('微信');
    expect(normalizeText('加V：abc').text).toBe('加微信:abc');
    expect(normalizeText('vx号').text).toBe('微信号');
    expect(normalizeText('微❤ abc').text).toBe('微信abc');
    expect(normalizeText('扣扣 12345').text).toBe('qq12345');
    expect(normalizeText('企鹅号').text).toBe('qq号');
  });

  test('latin variants inside longer words are left alone', () => {
    expect(normalizeText('wxyz vxlan').text).toBe('wxyzvxlan');
  });

  test('each normalised character maps back to its original span', () => {
    expect(back('亲，加我 薇 信 哦', '微信')).toBe('薇 信');
    expect(back('电话：１３８ ００１３ ８０００', '13800138000')).toBe('１３８ ００１３ ８０００');
    expect(back('加我V信abc', '微信abc')).toBe('V信abc');
    expect(back('🎉🎉发票🎉', '发票')).toBe('发票');
  });

  test('astral characters (surrogate pairs) are dropped without splitting offsets', () => {
    const original = '😀😀不开发票';
    const normalized = normalizeText(original);
    expect(normalized.text).toBe('不开发票');
    expect(originalSpan(normalized, 0, 4)).toEqual([4, 8]);
  });

  test('a separator before a hidden 微❤ does not come out after the inserted 信', () => {
    const normalized = normalizeText('微-❤x');
    expect(normalized.text).toBe('微信x');
    expect(Array.from(normalized.starts)).toEqual([0, 2, 3]);
  });

  test('separators between Chinese characters disappear, as between digits', () => {
    expect(normalizeText('加.我.薇-信').text).toBe('加我微信');
    expect(normalizeText('好的.ok').text).toBe('好的.ok');
  });

  test('an empty text normalises to an empty text', () => {
    const normalized = normalizeText('');
    expect(normalized.text).toBe('');
    expect(originalSpan(normalized, 0, 0)).toEqual([0, 0]);
  });

  test('a text normalisation leaves alone comes back as itself, each character mapped to itself', () => {
    const original = '亲,您好,这款是纯棉面料';
    const normalized = normalizeInto(original, createWorkspace());
    expect(normalized.text).toBe(original);
    for (let index = 0; index < original.length; index++)
      expect(originalSpan(normalized, index, index + 1)).toEqual([index, index + 1]);
  });

  test('characters that often start a variant change nothing unless a variant follows', () => {
    expect(normalizeText('还可以叠加店铺券，微笑').text).toBe('还可以叠加店铺券,微笑');
    expect(back('叠加店铺券，加v：kefu2024', '加微信')).toBe('加v');
  });

  test('the workspace knows the longest digit run, Chinese numerals and separators included', () => {
    const workspace = createWorkspace();
    normalizeInto('订单号 2024 1128 1234 5678', workspace);
    expect(workspace.longestDigitRun).toBe(16);
    normalizeInto('电话一三八一二三四五六七八', workspace);
    expect(workspace.longestDigitRun).toBe(11);
    normalizeInto('满199减20，第一次', workspace);
    expect(workspace.longestDigitRun).toBe(0);
  });
});
