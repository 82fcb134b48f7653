import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { holdsLead, leadingChars } from './metrics.prefilter.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const holds = (pattern: string, text: string) => {
  const leads = leadingChars(pattern, true);
  if (!leads) throw new Error(`no leads for ${pattern}`);
  const encoded = bytes(text);
  return holdsLead(leads, encoded, 0, encoded.length);
};

describe('leadingChars', () => {
  test('when the ad patterns are words, a text holds a lead exactly when it has one of their first characters', () => {
    const pattern = 'https?://|www\\.|刷单|推广|加微信|加v|\\+v|薇信';
    expect(holds(pattern, '这款有现货吗')).toBe(false);
    expect(holds(pattern, '帮您推荐一下')).toBe(true);
    expect(holds(pattern, '好的，马上安排')).toBe(false);
    expect(holds(pattern, '店铺推广合作')).toBe(true);
    expect(holds(pattern, '看 WWW.x.cn')).toBe(true);
    expect(holds(pattern, 'Http 链接')).toBe(true);
    expect(holds(pattern, '+V 领券')).toBe(true);
    expect(holds(pattern, '😀加')).toBe(true);
  });

  test('when a pattern may start with a class, a group, any character or an optional one, it vouches for nothing', () => {
    for (const pattern of ['[0-9]{11}', '(加|\\+)v', '.*推广', 'a?b', '\\d+', '^推广', '推广|', 'σ'])
      expect(leadingChars(pattern, true), pattern).toBeNull();
  });

  test('when a text holds no lead, the pattern never matches it (any text, any word list)', () => {
    const word = fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom(...'ab加微信推广Vv+.刷单') });
    const escaped = (text: string) => text.replace(/[+.]/g, '\\$&');
    const text = fc.string({ maxLength: 20, unit: fc.constantFrom(...'abAB加微信推广Vv+.刷单 在吗😀é') });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), text, (words, sample) => {
        const pattern = words.map(escaped).join('|');
        const leads = leadingChars(pattern, true);
        if (!leads) return;
        const encoded = bytes(sample);
        if (!holdsLead(leads, encoded, 0, encoded.length))
          expect(new RegExp(pattern, 'i').test(sample)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
