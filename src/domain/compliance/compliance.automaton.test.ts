import { describe, expect, test } from 'vitest';
import { buildAutomaton, createKeywordIndex, indexKeywords, keywordSpans } from './compliance.automaton.js';

// Keyword ids are positions in this list.
const keywords = ['发票', '票', '微信', '电话'];
const automaton = buildAutomaton(keywords);
const groups = [Int32Array.of(0, 1), Int32Array.of(2), Int32Array.of(1, 3), Int32Array.of(3)];
const occurring = (text: string, index = createKeywordIndex(keywords.length, groups)) => {
  indexKeywords(automaton, text, index);
  return groups.map((_, group) => index.groupStamp[group] === index.epoch);
};

describe('keyword groups of the index', () => {
  test('a group occurs when any of its keywords does, however often', () => {
    expect(occurring('发票可以开，票随货寄出')).toEqual([true, false, true, false]);
    expect(occurring('加我微信，或者打电话')).toEqual([false, true, true, true]);
    expect(occurring('好的，感谢您的支持')).toEqual([false, false, false, false]);
  });

  test('the next text starts from nothing: marks of the previous one do not leak', () => {
    const index = createKeywordIndex(keywords.length, groups);
    expect(occurring('加我微信', index)).toEqual([false, true, false, false]);
    expect(occurring('电话联系', index)).toEqual([false, false, true, true]);
    expect(occurring('', index)).toEqual([false, false, false, false]);
  });

  test('occurrences are still listed per keyword, overlapping ones included', () => {
    const index = createKeywordIndex(keywords.length, groups);
    indexKeywords(automaton, '开发票，发票', index);
    expect(keywordSpans(index, 0)).toEqual([
      [4, 6],
      [1, 3],
    ]);
    expect(keywordSpans(index, 1)).toEqual([
      [5, 6],
      [2, 3],
    ]);
  });

  test('an index without groups works as before', () => {
    const index = createKeywordIndex(keywords.length);
    indexKeywords(automaton, '微信', index);
    expect(keywordSpans(index, 2)).toEqual([[0, 2]]);
    expect(index.groupStamp.length).toBe(0);
  });
});
