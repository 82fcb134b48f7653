import { describe, expect, test } from 'vitest';
import { applyOverrides } from './rules.overrides.js';
import type { RuleData, RuleVersion } from './rules.types.js';
import { resolveVersions, rulesInForce, versionInForce } from './rules.versions.js';

const rule: RuleData = {
  id: 'promise',
  versions: [
    {
      version: 1,
      effectiveFrom: '2016-01-01',
      platforms: ['tmall', 'taobao'],
      kind: 'general',
      points: 6,
      title: '违背承诺',
      explanation: '承诺要兑现',
      wrong: ['一定到'],
      right: ['以物流为准'],
      suggestion: '以物流为准',
      detect: { op: 'keywords', any: ['一定'] },
    },
    { version: 2, effectiveFrom: '2020-01-01', points: 4, note: '淘宝 4 分' },
  ],
};

const resolved = (): RuleVersion[] => resolveVersions({ rule }).result;

describe('resolveVersions', () => {
  test('a later version restates only what changed and inherits the rest', () => {
    const [first, second] = resolved();
    expect(first).toMatchObject({ version: 1, points: 6, effectiveTo: '2020-01-01', scope: 'message' });
    expect(second).toMatchObject({
      version: 2,
      points: 4,
      title: '违背承诺',
      effectiveTo: null,
      note: '淘宝 4 分',
    });
  });

  test('a first version without its required fields is reported, not thrown', () => {
    const broken: RuleData = { id: 'x', versions: [{ version: 1, effectiveFrom: '2020-01-01', points: 3 }] };
    const { result, issues } = resolveVersions({ rule: broken });
    expect(result).toEqual([]);
    expect(issues[0]?.code).toBe('rules.missing_field');
    expect(issues[0]?.message).toContain('detect');
  });

  test('versions out of date order and malformed dates are reported', () => {
    const [first] = rule.versions;
    const outOfOrder: RuleData = {
      id: 'y',
      versions: [first ?? { version: 1, effectiveFrom: '' }, { version: 2, effectiveFrom: '2010-01-01' }],
    };
    expect(resolveVersions({ rule: outOfOrder }).issues.map((issue) => issue.code)).toContain(
      'rules.version_order',
    );
    const badDate: RuleData = {
      id: 'z',
      versions: [{ ...(first ?? { version: 1 }), effectiveFrom: '1.1.2020' }],
    };
    expect(resolveVersions({ rule: badDate }).issues.map((issue) => issue.code)).toContain('rules.bad_date');
  });
});

describe('versionInForce', () => {
  test('a chat is judged by the version in force on its day', () => {
    expect(versionInForce({ versions: resolved(), at: '2019-12-31T23:59:00Z' })?.version).toBe(1);
    expect(versionInForce({ versions: resolved(), at: '2020-01-01' })?.version).toBe(2);
    expect(versionInForce({ versions: resolved(), at: '2026-06-01' })?.points).toBe(4);
  });

  test('before the first version no rule is in force', () => {
    expect(versionInForce({ versions: resolved(), at: '2015-06-01' })).toBeNull();
    expect(rulesInForce({ rules: [rule], at: '2015-06-01' }).result).toEqual([]);
  });
});

describe('applyOverrides', () => {
  const inForce = () => rulesInForce({ rules: [rule], at: '2021-01-01' }).result;

  test('a shop can switch a rule off', () => {
    expect(
      applyOverrides({ rules: inForce(), overrides: { rules: { promise: { enabled: false } } } }).result,
    ).toEqual([]);
  });

  test('a shop can change the points of a rule', () => {
    const { result } = applyOverrides({
      rules: inForce(),
      overrides: { rules: { promise: { points: 10 } } },
    });
    expect(result[0]?.points).toBe(10);
  });

  test('custom forbidden words and patterns become rules of their own', () => {
    const { result, issues } = applyOverrides({
      rules: inForce(),
      overrides: {
        custom: [
          {
            id: 'shop_words',
            title: '店铺禁用词',
            points: 2,
            words: ['最便宜'],
            patterns: ['全网.{0,2}最低'],
          },
        ],
      },
    });
    expect(issues).toEqual([]);
    const custom = result.find((entry) => entry.id === 'shop_words');
    expect(custom).toMatchObject({ custom: true, points: 2, kind: 'general' });
    expect(custom?.detect).toEqual({
      op: 'or',
      of: [
        { op: 'keywords', any: ['最便宜'] },
        { op: 'pattern', regex: '全网.{0,2}最低' },
      ],
    });
  });

  test('unknown rule ids, clashing or empty custom rules are warnings, and the rest still applies', () => {
    const { result, issues } = applyOverrides({
      rules: inForce(),
      overrides: {
        rules: { nope: { enabled: false }, promise: { points: 1 } },
        custom: [
          { id: 'promise', title: '重名', words: ['x'] },
          { id: 'empty', title: '空' },
        ],
      },
    });
    expect(issues.map((issue) => issue.code)).toEqual([
      'rules.unknown_override',
      'rules.custom_clash',
      'rules.custom_empty',
    ]);
    expect(result.map((entry) => [entry.id, entry.points])).toEqual([['promise', 1]]);
  });
});
