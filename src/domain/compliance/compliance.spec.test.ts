import { describe, expect, test } from 'vitest';
import type { DetectSpec, RuleData } from '../rules/index.js';
import { compileLibrary } from './compliance.checker.js';

const ruleWith = (detect: DetectSpec, id = 'r'): RuleData => ({
  id,
  versions: [
    {
      version: 1,
      effectiveFrom: '2020-01-01',
      platforms: [],
      kind: 'general',
      points: 5,
      title: '测试规则',
      explanation: '说明',
      wrong: [],
      right: [],
      suggestion: '建议',
      detect,
    },
  ],
});

const checkerFor = (detect: DetectSpec) => compileLibrary({ rules: [ruleWith(detect)], at: '2024-01-01' });
const fires = (detect: DetectSpec, text: string, buyerText?: string) =>
  checkerFor(detect).check({ text, buyerText }).findings.length > 0;

describe('spec compiler', () => {
  test('an invalid regular expression is reported with its path, and the rule never fires', () => {
    const checker = checkerFor({
      op: 'and',
      of: [
        { op: 'keywords', any: ['票'] },
        { op: 'pattern', regex: '(不开' },
      ],
    });
    expect(checker.issues[0]).toMatchObject({
      code: 'compliance.bad_pattern',
      at: { field: 'r.detect.of[1].regex' },
    });
    expect(checker.check({ text: '不开票' }).findings).toEqual([]);
  });

  test('an unknown operator, entity kind or empty keyword list is an issue, not an exception', () => {
    const bad = [
      { op: 'maybe' },
      { op: 'entity', kinds: ['fax'] },
      { op: 'keywords' },
      { op: 'and', of: [] },
      { op: 'near', of: { op: 'keywords', any: ['a'] }, to: { op: 'keywords', any: ['b'] }, within: -1 },
    ] as unknown as DetectSpec[];
    for (const detect of bad) {
      const checker = checkerFor(detect);
      expect(checker.issues.some((issue) => issue.code === 'compliance.bad_spec')).toBe(true);
      expect(checker.check({ text: 'a b fax' }).findings).toEqual([]);
    }
  });

  test('a rule without a keyword anchor is flagged as running on every message', () => {
    const checker = checkerFor({ op: 'pattern', regex: '^[一-龥]{2}票?$' });
    expect(checker.issues.map((issue) => issue.code)).toContain('compliance.no_anchor');
    expect(checker.check({ text: '不开' }).findings).toHaveLength(1);
  });

  test('a pattern anchors on the literals every match contains, so other texts skip the full check', () => {
    const checker = checkerFor({ op: 'pattern', regex: '(不|没法)(开|给)(发票|票)' });
    expect(checker.issues.map((issue) => issue.code)).not.toContain('compliance.no_anchor');
    expect(checker.check({ text: '我们没法开发票' }).findings).toHaveLength(1);
    expect(checker.check({ text: '发票可以开，按实付金额' }).findings).toHaveLength(0);
    expect(checker.counters.fullChecks).toBe(1);
  });
});

describe('spec operators', () => {
  test('keywords: any, all, atLeast and none', () => {
    expect(fires({ op: 'keywords', any: ['发票', '收据'] }, '给您收据')).toBe(true);
    expect(fires({ op: 'keywords', all: ['发票', '税点'] }, '发票要加税点')).toBe(true);
    expect(fires({ op: 'keywords', all: ['发票', '税点'] }, '发票可以开')).toBe(false);
    expect(fires({ op: 'keywords', atLeast: { count: 2, of: ['滚', '傻', '蠢'] } }, '你真蠢，滚')).toBe(true);
    expect(fires({ op: 'keywords', atLeast: { count: 2, of: ['滚', '傻', '蠢'] } }, '滚')).toBe(false);
    expect(fires({ op: 'keywords', any: ['发票'], none: ['可以'] }, '发票可以开')).toBe(false);
  });

  test('pattern: the exclusion pattern clears a match in the same clause only', () => {
    const detect: DetectSpec = {
      op: 'and',
      of: [
        { op: 'keywords', any: ['微信'] },
        { op: 'pattern', regex: '微信(支付|转账)', exclude: '不支持' },
      ],
    };
    expect(fires(detect, '不支持微信支付')).toBe(false);
    expect(fires(detect, '不支持花呗，微信转账吧')).toBe(true);
  });

  test('entity: a bank card number must pass the Luhn check', () => {
    const detect: DetectSpec = { op: 'entity', kinds: ['bankCard'] };
    expect(fires(detect, '卡号 4111 1111 1111 1111')).toBe(true);
    expect(fires(detect, '卡号 4111 1111 1111 1112')).toBe(false);
  });

  test('speaker: a buyer condition reads the buyer text, and fails when there is none', () => {
    const detect: DetectSpec = {
      op: 'and',
      of: [
        { op: 'keywords', any: ['可以'] },
        { op: 'speaker', is: 'buyer', of: { op: 'keywords', any: ['转账'] } },
      ],
    };
    expect(fires(detect, '可以的', '能转账吗')).toBe(true);
    expect(fires(detect, '可以的', '能开发票吗')).toBe(false);
    expect(fires(detect, '可以的')).toBe(false);
  });

  test('near: a hit counts only within the window after an earlier hit', () => {
    const detect: DetectSpec = {
      op: 'near',
      of: { op: 'keywords', any: ['运费'] },
      to: { op: 'keywords', any: ['包邮'] },
      within: 6,
      order: 'after',
    };
    expect(fires(detect, '包邮的但要补运费')).toBe(true);
    expect(fires(detect, '运费险已包含，本店包邮')).toBe(false);
    expect(fires(detect, '包邮，这是今天的第一个订单，与运费无关')).toBe(false);
  });

  test('not and length combine into conversation-level style checks', () => {
    const detect: DetectSpec = {
      op: 'and',
      of: [
        { op: 'keywords', any: ['不行'] },
        { op: 'length', max: 4 },
        { op: 'not', of: { op: 'keywords', any: ['抱歉'] } },
      ],
    };
    expect(fires(detect, '不行。')).toBe(true);
    expect(fires(detect, '抱歉，不行')).toBe(false);
    expect(fires(detect, '不行的，因为是定制款')).toBe(false);
  });
});

describe('findings', () => {
  test('a finding carries the rule version, original offsets, evidence, points and texts', () => {
    const checker = checkerFor({ op: 'keywords', any: ['微信'] });
    const [finding] = checker.check({ text: '亲，加我 V 信' }).findings;
    expect(finding).toMatchObject({
      rule: 'r',
      version: 1,
      start: 5,
      end: 8,
      evidence: 'V 信',
      points: 5,
      explanation: '说明',
      suggestion: '建议',
    });
  });
});
