import { describe, expect, test } from 'vitest';
import { evaluateLabelled } from './compliance.evaluation.js';

type Line = { id: string; buyer?: string; agent: string; rules: string[] };

// The engine's answer per reply, by id: a stand-in for a compiled checker.
const engine: Record<string, string[]> = {
  a: ['offsite_payment'],
  b: ['offsite_payment'],
  c: [],
  d: ['abuse'],
  e: [],
  f: ['promise', 'promise'],
  g: [],
};

const evaluate = (examples: Line[], scored = ['offsite_payment', 'abuse', 'promise']) =>
  evaluateLabelled({ examples, judge: (line) => engine[line.id] ?? [], scored: new Set(scored) });

describe('evaluateLabelled (评测)', () => {
  test('counts per rule, micro-F1 and the false-alarm rate as worked out by hand', () => {
    const result = evaluate([
      { id: 'a', agent: '微信转账', rules: ['offsite_payment'] }, // tp offsite_payment
      { id: 'b', agent: '支付宝也行', rules: [] }, // fp offsite_payment, false alarm
      { id: 'c', agent: '爱买不买', rules: ['abuse'] }, // fn abuse
      { id: 'd', agent: '滚', rules: ['abuse'] }, // tp abuse
      { id: 'e', agent: '好的亲', rules: [] }, // compliant, clean
      { id: 'f', agent: '保证明天到', rules: ['promise'] }, // tp promise (found twice, once counted)
    ]);
    expect(result).toMatchObject({ examples: 6, compliant: 2, falseAlarms: 1, falseAlarmRate: 0.5 });
    expect(result.rules).toEqual([
      { rule: 'abuse', tp: 1, fp: 0, fn: 1, support: 2, precision: 1, recall: 0.5, f1: 2 / 3 },
      { rule: 'offsite_payment', tp: 1, fp: 1, fn: 0, support: 1, precision: 0.5, recall: 1, f1: 2 / 3 },
      { rule: 'promise', tp: 1, fp: 0, fn: 0, support: 1, precision: 1, recall: 1, f1: 1 },
    ]);
    // tp 3, fp 1, fn 1: F1 = 6 / 8.
    expect(result.micro).toEqual({ tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(
      result.disagreements.map(({ example, found, missed, extra }) => [example.id, found, missed, extra]),
    ).toEqual([
      ['b', ['offsite_payment'], [], ['offsite_payment']],
      ['c', [], ['abuse'], []],
    ]);
  });

  test('a repeated text counts once with its first label; a different label is a conflict', () => {
    const judged: string[] = [];
    const result = evaluateLabelled({
      examples: [
        { id: 'a', agent: '微信转账', rules: ['offsite_payment'] },
        { id: 'a2', agent: '微信转账', rules: ['offsite_payment'] },
        { id: 'a3', agent: '微信转账', rules: [] },
        // The same reply to another buyer message is another text.
        { id: 'a4', buyer: '怎么付款', agent: '微信转账', rules: ['offsite_payment'] },
      ],
      judge: (line) => {
        judged.push(line.id);
        return ['offsite_payment'];
      },
      scored: new Set(['offsite_payment']),
    });
    expect(judged).toEqual(['a', 'a4']);
    expect(result.examples).toBe(2);
    expect(result.rules).toMatchObject([{ rule: 'offsite_payment', tp: 2, fp: 0, fn: 0 }]);
    expect(result.conflicts.map(({ example, first }) => [example.id, first.id])).toEqual([['a3', 'a']]);
  });

  test('labels naming rules outside the library are not misses but counted apart', () => {
    const result = evaluate(
      [
        { id: 'g', agent: '全网最低价', rules: ['shop_cheapest'] },
        { id: 'd', agent: '滚，全网最低', rules: ['abuse', 'shop_cheapest'] },
        { id: 'c', agent: '爱买不买', rules: ['rude'] },
      ],
      ['abuse'],
    );
    expect(result.rules).toEqual([expect.objectContaining({ rule: 'abuse', tp: 1, fp: 0, fn: 0, f1: 1 })]);
    expect(result.unscored).toEqual([
      { rule: 'rude', count: 1 },
      { rule: 'shop_cheapest', count: 2 },
    ]);
    expect(result.disagreements).toEqual([]);
    // A reply labelled with an unknown rule only is not compliant.
    expect(result.compliant).toBe(0);
    expect(result.micro.f1).toBe(1);
  });

  test('nothing to score gives zeros, not NaN', () => {
    const result = evaluate([]);
    expect(result).toMatchObject({ examples: 0, compliant: 0, falseAlarmRate: 0, rules: [] });
    expect(result.micro).toEqual({ tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
  });
});
