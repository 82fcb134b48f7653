import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadRuleLibrary } from '../../io/rules/index.js';
import { compileLibrary } from './compliance.checker.js';
import { normalizeText, originalSpan } from './compliance.normalize.js';
import { checkOrderFacts } from './compliance.orders.js';

const checker = compileLibrary({ rules: loadRuleLibrary().result, at: '2026-01-01' });
// Generous wall-clock guards, against catastrophic backtracking rather than for speed: 200 ms for
// a message of up to 400 characters, 5 s for 100 KB (measured ≈ 0.1–0.7 s on a loaded 2-core box).
const boundMs = 200;
const bigBoundMs = 5000;

const timed = (run: () => void): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

const hidden = ['\u200b', '\u200d', '\ufeff', '❤', '😀', ' ', '　', '-', '.'];
const mixedScript = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'亲发票微信转账一二三四五六七八九零扣扣薇信VvXxQq0123456789,.，。!？@:/'),
    fc.constantFrom(...hidden),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    fc.constantFrom('ق', 'Я', 'ß', '🇨🇳', '\ud800', '\udc00'),
  ),
  maxLength: 400,
});

describe('compliance engine under arbitrary input', () => {
  test('empty, mixed-script and binary-looking texts never throw and each check stays within the bound', () => {
    fc.assert(
      fc.property(mixedScript, fc.option(mixedScript, { nil: undefined }), (text, buyerText) => {
        let findings: ReturnType<typeof checker.check>['findings'] = [];
        expect(timed(() => (findings = checker.check({ text, buyerText }).findings))).toBeLessThan(boundMs);
        for (const finding of findings) {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          expect(finding.evidence).toBe(text.slice(finding.start, finding.end));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('whole conversations of arbitrary messages never throw, each finding inside its own message', () => {
    const message = fc.record({
      speaker: fc.constantFrom('agent' as const, 'buyer' as const),
      text: mixedScript,
      replyKind: fc.constantFrom('human' as const, 'auto' as const, 'welcome' as const, 'assist' as const),
    });
    fc.assert(
      fc.property(fc.array(message, { maxLength: 12 }), (messages) => {
        let findings: ReturnType<typeof checker.checkConversation>['findings'] = [];
        expect(timed(() => (findings = checker.checkConversation({ messages }).findings))).toBeLessThan(
          boundMs * 5,
        );
        for (const finding of findings) {
          const text = messages[finding.messageIndex]?.text ?? '';
          expect(messages[finding.messageIndex]?.speaker).toBe('agent');
          expect(finding.evidence).toBe(text.slice(finding.start, finding.end));
        }
      }),
      { numRuns: 150 },
    );
  });

  test('order facts: arbitrary replies against arbitrary orders never throw, spans stay in the reply', () => {
    // Replies and orders within a few days of each other, so promises meet the orders they bind.
    const time = fc.integer({ min: 1_767_225_600_000, max: 1_767_225_600_000 + 5 * 86_400_000 });
    const order = fc.record({
      order: fc.string({ minLength: 1, maxLength: 12 }),
      created: time,
      paid: fc.option(time, { nil: null }),
      amount: fc.integer({ min: 0, max: 10_000_000 }),
      shipped: fc.option(time, { nil: null }),
      postage: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }),
      closedBy: fc.option(fc.constantFrom('seller', 'buyer', 'system', '卖家', ''), { nil: null }),
    });
    // Promises the order-fact rules judge, inside arbitrary text, so that findings do turn up.
    const promise = fc.constantFrom('今天一定给您发货', '亲，包邮的哦', '我帮您把订单关闭了', '明天发出');
    const text = fc.oneof(
      mixedScript,
      fc.tuple(mixedScript, promise, mixedScript).map((parts) => parts.join('')),
    );
    const reply = fc.record({ time, text, buyerText: mixedScript });
    let checked = 0;
    fc.assert(
      fc.property(fc.array(reply, { maxLength: 6 }), fc.array(order, { maxLength: 6 }), (replies, orders) => {
        const messages = replies.map((entry, messageIndex) => ({ ...entry, messageIndex }));
        for (const finding of checkOrderFacts({ messages, orders, offsetMs: () => 8 * 3_600_000 })) {
          const text = messages[finding.messageIndex]?.text ?? '';
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          expect(finding.start).toBeLessThanOrEqual(finding.end);
          checked++;
        }
      }),
      // A fixed seed: the count below must not depend on the run.
      { numRuns: 200, seed: 20261129 },
    );
    expect(checked).toBeGreaterThan(20);
  });

  test('a 100 KB message is checked within the bound', () => {
    const block = '亲，这款是纯棉面料，发票可以开的，订单号 2024112812345678，加我薇❤信 abc_123 😀 ';
    const text = block.repeat(Math.ceil(100_000 / block.length)).slice(0, 100_000);
    let count = 0;
    expect(timed(() => (count = checker.check({ text, buyerText: text }).findings.length))).toBeLessThan(
      boundMs * 5,
    );
    expect(count).toBeGreaterThan(0);
  });

  test.each([
    ['one ideograph', '票'],
    ['digits', '7'],
    ['latin letters', 'a'],
    ['letters and dots', 'a.'],
  ])('a 100 KB run of %s is checked within the bound', (_, unit) => {
    const text = unit.repeat(100_000 / unit.length);
    expect(timed(() => checker.check({ text: `@微信qq支付宝${text}`, buyerText: text }))).toBeLessThan(
      bigBoundMs,
    );
  });

  test('binary-looking input (every code unit, control characters, lone surrogates) never throws', () => {
    const text = Array.from({ length: 65536 }, (_, code) => String.fromCharCode(code)).join('');
    expect(() => checker.check({ text })).not.toThrow();
    expect(checker.check({ text: '' }).findings).toEqual([]);
  });

  test('hiding characters inside a violation does not hide it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...hidden), { minLength: 3, maxLength: 3 }), ([a, b, c]) => {
        const text = `加我${a}薇${b}信${c}shop_2024`;
        expect(checker.check({ text }).findings.map((finding) => finding.rule)).toContain('offsite_contact');
      }),
      { numRuns: 100 },
    );
  });

  test('every normalised character maps back inside the original text, in order', () => {
    fc.assert(
      fc.property(mixedScript, (text) => {
        const normalized = normalizeText(text);
        let previous = 0;
        for (let index = 0; index < normalized.text.length; index++) {
          const [start, end] = originalSpan(normalized, index, index + 1);
          expect(start).toBeGreaterThanOrEqual(previous);
          expect(end).toBeLessThanOrEqual(text.length);
          previous = start;
        }
      }),
      { numRuns: 300 },
    );
  });
});
