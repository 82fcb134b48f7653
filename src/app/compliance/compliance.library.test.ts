import { describe, expect, test } from 'vitest';
import type { RuleData } from '../../domain/rules/index.js';
import { createRuleLibrary } from './compliance.library.js';

const rule = (id: string, platforms: RuleData['versions'][number]['platforms'], word: string): RuleData => ({
  id,
  versions: [
    {
      version: 1,
      effectiveFrom: '2020-01-01',
      platforms,
      kind: 'general',
      points: 6,
      title: id,
      explanation: `不要说${word}`,
      wrong: [word],
      right: ['好的'],
      suggestion: '亲，这边为您处理',
      detect: { op: 'keywords', any: [word] },
    },
    { version: 2, effectiveFrom: '2025-01-01', points: 12 },
  ],
});

const rules = [rule('tmall_only', ['tmall'], '关闭交易'), rule('everywhere', [], '加微信')];

describe('createRuleLibrary', () => {
  test('a checker is compiled once per day and platform, and reused for later checks', () => {
    const library = createRuleLibrary({ rules });
    const first = library.checkerFor({ day: '2026-03-02', platform: 'tmall' });
    expect(library.checkerFor({ day: '2026-03-02', platform: 'tmall' })).toBe(first);
    expect(library.checkerFor({ day: '2026-03-02', platform: 'jd' })).not.toBe(first);
    expect(library.checkerFor({ day: '2026-03-03', platform: 'tmall' })).not.toBe(first);
  });

  test('with a platform, rules of other platforms are left out; without one every rule applies', () => {
    const library = createRuleLibrary({ rules });
    const text = '我帮您关闭交易，加微信聊';
    const ids = (platform?: 'tmall' | 'jd') =>
      library
        .checkerFor({ day: '2026-03-02', platform })
        .check({ text })
        .findings.map((finding) => finding.rule)
        .sort();
    expect(ids('jd')).toEqual(['everywhere']);
    expect(ids('tmall')).toEqual(['everywhere', 'tmall_only']);
    expect(ids()).toEqual(['everywhere', 'tmall_only']);
  });

  test('the version in force on the day decides the points', () => {
    const library = createRuleLibrary({ rules });
    const points = (day: string) => library.checkerFor({ day }).check({ text: '加微信' }).findings[0]?.points;
    expect(points('2024-12-31')).toBe(6);
    expect(points('2025-01-01')).toBe(12);
  });
});
