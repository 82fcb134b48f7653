import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { EntityKind } from '../rules/index.js';
import { compileLibrary } from './compliance.checker.js';
import { couldBeContactNumber, findEntities } from './compliance.entities.js';
import { normalizeText } from './compliance.normalize.js';

const digitKinds: EntityKind[] = ['phone', 'hotline', 'bankCard'];

const contactChecker = () =>
  compileLibrary({
    rules: [
      {
        id: 'contact',
        versions: [
          {
            version: 1,
            effectiveFrom: '2020-01-01',
            platforms: [],
            kind: 'general',
            points: 5,
            title: '号码',
            explanation: '说明',
            wrong: [],
            right: [],
            suggestion: '建议',
            detect: { op: 'entity', kinds: digitKinds },
          },
        ],
      },
    ],
    at: '2024-01-01',
  });

/** The entity matchers on the normalised text, with no shortcut: what the full check should find. */
const oracle = (text: string): boolean => {
  const normalized = normalizeText(text).text;
  return digitKinds.some((kind) => findEntities(kind, normalized, Number.POSITIVE_INFINITY).length > 0);
};

const luhnSums = (digits: string): [number, number] => {
  let even = 0;
  let odd = 0;
  [...digits].forEach((char, index) => {
    const digit = Number(char);
    const doubled = digit > 4 ? digit * 2 - 9 : digit * 2;
    even += index % 2 === 0 ? doubled : digit;
    odd += index % 2 === 0 ? digit : doubled;
  });
  return [even, odd];
};

const could = (digits: string) => couldBeContactNumber(digits.length, Number(digits[0]), ...luhnSums(digits));

describe('fast scan of digit runs', () => {
  test('phones, hotlines and Luhn-valid card numbers may be contacts; order numbers are not', () => {
    expect(could('13812345678')).toBe(true);
    expect(could('4001234567')).toBe(true);
    expect(could('02112345678')).toBe(true);
    expect(could('8613812345678')).toBe(true);
    expect(could('4111111111111111')).toBe(true);
    expect(could('2024112812345678')).toBe(false);
    expect(could('231128123456789012')).toBe(false);
    expect(could('231128123456789012345')).toBe(false);
    expect(could('7312345678901')).toBe(false);
  });

  test('a message with a plain order number needs no full check; a card number or a spaced one does', () => {
    const checker = contactChecker();
    expect(checker.check({ text: '您的订单号是 2024112812345678 已为您备注' }).findings).toEqual([]);
    expect(checker.counters.fullChecks).toBe(0);
    expect(checker.check({ text: '卡号 4111111111111111 转这里' }).findings).toHaveLength(1);
    expect(checker.check({ text: '打 138 1234 5678' }).findings).toHaveLength(1);
    expect(checker.check({ text: '打一三八一二三四五六七八' }).findings).toHaveLength(1);
    expect(checker.counters.fullChecks).toBe(3);
  });

  test('whenever the full check would find a phone, hotline or card number, the scan lets it through', () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const withLuhnDigit = (body: string) => {
      const [even, odd] = luhnSums(`${body}0`);
      const sum = body.length % 2 === 1 ? even : odd;
      return `${body}${(10 - (sum % 10)) % 10}`;
    };
    const contact = fc.oneof(
      fc.tuple(fc.constantFrom(...'3456789'), digits(9, 9)).map(([second, rest]) => `1${second}${rest}`),
      fc.tuple(fc.constantFrom('400', '800'), digits(7, 7)).map(([head, rest]) => head + rest),
      fc.tuple(fc.constantFrom(...'123456789'), digits(8, 10)).map(([second, rest]) => `0${second}${rest}`),
      digits(15, 18).map(withLuhnDigit),
    );
    const written = fc
      .tuple(fc.constantFrom('', '86', '+86'), contact, fc.constantFrom('', ' ', '-', '.', '，'), fc.nat(12))
      .map(
        ([prefix, number, separator, at]) => `${prefix}${number.slice(0, at)}${separator}${number.slice(at)}`,
      );
    const piece = fc.oneof(
      { weight: 3, arbitrary: written },
      { weight: 3, arbitrary: digits(1, 20) },
      { weight: 1, arbitrary: fc.constantFrom(...'０１４８一三八幺两零') },
      { weight: 2, arbitrary: fc.constantFrom(' ', '-', '.', ',', '，', '、', '^', '\u200b', '*') },
      { weight: 2, arbitrary: fc.constantFrom('单号', '订', '亲', 'a', 'Q', '卡号') },
    );
    const checker = contactChecker();
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        expect(checker.check({ text }).findings.length > 0).toBe(oracle(text));
      }),
      { numRuns: 5000 },
    );
  });
});
